// E-mail goes through an outbox: rows are written in the same transaction as the event that
// causes them, and delivered afterwards. With SMTP_URL set they go out over SMTP
// (nodemailer); otherwise each message is written as a file under <DATA_DIR>/outbox/, which
// is what development and tests read.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Prisma } from "~/generated/prisma-sqlite/client";
import { db } from "./db.server";
import { getEnv } from "./env.server";
import { logger } from "./logger.server";

export type OutgoingMail = { to: string; subject: string; body: string };

type Client = Prisma.TransactionClient | typeof db;

export async function enqueueMail(mail: OutgoingMail, client: Client = db) {
  await client.outboxMessage.create({ data: mail });
}

type Transport = { send(mail: OutgoingMail & { id: string }): Promise<void> };

function fileTransport(dir: string): Transport {
  return {
    async send(mail) {
      mkdirSync(dir, { recursive: true });
      const headers = [`From: ${getEnv().MAIL_FROM}`, `To: ${mail.to}`, `Subject: ${mail.subject}`, "Content-Type: text/plain; charset=utf-8"];
      writeFileSync(path.join(dir, `${mail.id}.eml`), `${headers.join("\r\n")}\r\n\r\n${mail.body}\r\n`);
    },
  };
}

function smtpTransport(url: string): Transport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transporter.sendMail({ from: getEnv().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.body });
    },
  };
}

let transport: Transport | undefined;
function currentTransport(): Transport {
  const env = getEnv();
  transport ??= env.SMTP_URL ? smtpTransport(env.SMTP_URL) : fileTransport(path.resolve(env.DATA_DIR, "outbox"));
  return transport;
}

let running: Promise<number> | null = null;

/** Sends what is waiting (at most 5 attempts per message). Returns how many were sent. */
export function deliverOutbox(): Promise<number> {
  running ??= (async () => {
    let sent = 0;
    try {
      const pending = await db.outboxMessage.findMany({ where: { sentAt: null, attempts: { lt: 5 } }, orderBy: { createdAt: "asc" }, take: 100 });
      for (const mail of pending) {
        try {
          await currentTransport().send(mail);
          await db.outboxMessage.update({ where: { id: mail.id }, data: { sentAt: new Date(), attempts: { increment: 1 } } });
          sent++;
        } catch (error) {
          logger.warn({ err: error, outboxId: mail.id }, "mail delivery failed");
          await db.outboxMessage.update({
            where: { id: mail.id },
            data: { attempts: { increment: 1 }, lastError: error instanceof Error ? error.message.slice(0, 500) : "unknown" },
          });
        }
      }
    } finally {
      running = null;
    }
    return sent;
  })();
  return running;
}
