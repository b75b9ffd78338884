// The outbox is shared by every app process: each message goes out once, however many
// processes deliver at the same moment, and a message a crashed process had claimed is
// retried once its lease has run out.
import { describe, expect, it } from "vitest";
import { createClient, db } from "~/platform/db.server";
import { deliverOutbox, enqueueMail, type Transport } from "~/platform/mail.server";

function recordingTransport(delayMs: number) {
  const sent: string[] = [];
  const transport: Transport = {
    async send(mail) {
      await new Promise((r) => setTimeout(r, delayMs));
      sent.push(mail.id);
    },
  };
  return { sent, transport };
}

describe("outbox delivery by several processes", () => {
  it("sends every message exactly once when two processes deliver at the same time", async () => {
    for (let i = 0; i < 20; i++) await enqueueMail({ to: `m${i}@example.test`, subject: `Bericht ${i}`, body: "…" });
    const other = createClient(process.env.DATABASE_URL!);
    try {
      const one = recordingTransport(5);
      const two = recordingTransport(5);
      const [a, b] = await Promise.all([
        deliverOutbox({ client: db, transport: one.transport }),
        deliverOutbox({ client: other, transport: two.transport }),
      ]);
      expect(a + b).toBe(20);
      const all = [...one.sent, ...two.sent];
      expect(new Set(all).size).toBe(20);
      expect(all).toHaveLength(20);
      expect(await db.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
    } finally {
      await other.$disconnect();
    }
  });

  it("leaves a message claimed by another process alone until its lease runs out", async () => {
    await enqueueMail({ to: "lease@example.test", subject: "Lease", body: "…" });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "lease@example.test" } });
    // Another process claimed it and died before sending.
    await db.outboxMessage.update({ where: { id: mail.id }, data: { lockedUntil: new Date(Date.now() + 60_000), attempts: 1 } });
    const early = recordingTransport(0);
    expect(await deliverOutbox({ transport: early.transport })).toBe(0);
    const later = recordingTransport(0);
    expect(await deliverOutbox({ transport: later.transport, now: () => new Date(Date.now() + 61_000) })).toBe(1);
    expect(later.sent).toEqual([mail.id]);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ attempts: 2, lockedUntil: null });
  });

  it("releases the claim when sending fails, so the next round retries", async () => {
    await enqueueMail({ to: "fail@example.test", subject: "Fail", body: "…" });
    const failing: Transport = { send: () => Promise.reject(new Error("SMTP 451")) };
    expect(await deliverOutbox({ transport: failing })).toBe(0);
    const row = await db.outboxMessage.findFirstOrThrow({ where: { to: "fail@example.test" } });
    expect(row).toMatchObject({ attempts: 1, lockedUntil: null, sentAt: null, lastError: "SMTP 451" });
    const ok = recordingTransport(0);
    expect(await deliverOutbox({ transport: ok.transport })).toBe(1);
  });
});
