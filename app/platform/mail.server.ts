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

export type Transport = { send(mail: OutgoingMail & { id: string }): Promise<void> };

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

const MAX_ATTEMPTS = 5;
/** How long a process may take to hand one message to the mail server before others may retry. */
const LEASE_MS = 60_000;

type Deliverer = { client?: typeof db; transport?: Transport; now?: () => Date };

/**
 * Sends what is waiting (at most 5 attempts per message). Returns how many were sent here.
 * Several app processes share the outbox: each message is first claimed with a short lease
 * (a conditional update that only one process can win), so two processes never both send it.
 */
export function deliverOutbox(options: Deliverer = {}): Promise<number> {
  if (options.client || options.transport) return deliverPending(options);
  running ??= deliverPending(options).finally(() => {
    running = null;
  });
  return running;
}

async function deliverPending({ client = db, transport, now = () => new Date() }: Deliverer): Promise<number> {
  let sent = 0;
  const claimable = () => ({
    sentAt: null,
    attempts: { lt: MAX_ATTEMPTS },
    OR: [{ lockedUntil: null }, { lockedUntil: { lt: now() } }],
  });
  const pending = await client.outboxMessage.findMany({ where: claimable(), orderBy: { createdAt: "asc" }, take: 100 });
  for (const mail of pending) {
    const claimed = await client.outboxMessage.updateMany({
      where: { id: mail.id, ...claimable() },
      data: { lockedUntil: new Date(now().getTime() + LEASE_MS), attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) continue; // another process has it
    try {
      await (transport ?? currentTransport()).send(mail);
      await client.outboxMessage.update({ where: { id: mail.id }, data: { sentAt: now(), lockedUntil: null } });
      sent++;
    } catch (error) {
      logger.warn({ err: error, outboxId: mail.id }, "mail delivery failed");
      await client.outboxMessage.update({
        where: { id: mail.id },
        data: { lockedUntil: null, lastError: error instanceof Error ? error.message.slice(0, 500) : "unknown" },
      });
    }
  }
  return sent;
}
