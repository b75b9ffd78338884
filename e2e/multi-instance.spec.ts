// Two app processes on two ports sharing one PostgreSQL database and one S3 bucket (s3rver),
// as behind a load balancer: sessions, rate limits, references, notifications and documents
// must not depend on which process answers. Under `npm run test:postgres` on the suite's server; under `npm test` (SQLite)
// the spec starts a throwaway PostgreSQL of its own: several processes on one SQLite file
// is not a supported deployment (docs/deploy.md).
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { createClient, type Db } from "../app/platform/db.server";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../scripts/db/throwaway-postgres";
import { createBucket, listKeys, S3RVER_CREDENTIALS, type S3TestServer, startS3Server } from "../tests/integration/storage/s3-server";
import { type AppServer, databaseFor, startServer } from "../tests/system/app-server";
import { ACCOUNTS, DEMO_PASSWORD, expect, test } from "./support/fixtures";

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const LOGIN_LIMIT = 6;

test.describe("two instances, one database and one bucket", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let tmp: string;
  let a: AppServer;
  let b: AppServer;
  let client: Db;
  let ownPostgres: ThrowawayPostgres | undefined;
  let s3: S3TestServer | undefined;
  let bucket: string;

  test.beforeAll(async () => {
    tmp = mkdtempSync(path.join(process.env.E2E_DATA_DIR!, "instances-"));
    if (!process.env.E2E_DATABASE_URL!.startsWith("postgres")) {
      ownPostgres = await startThrowawayPostgres();
      process.env.HB_PG_ADMIN_URL = ownPostgres.url();
    }
    const databaseUrl = await databaseFor(process.env.HB_PG_ADMIN_URL!, tmp, "instances");
    s3 = await startS3Server();
    bucket = await createBucket(s3.client);
    // No RATE_LIMIT_STORE: on PostgreSQL the shared database store is the default.
    const env = {
      RATE_LIMIT_LOGIN: String(LOGIN_LIMIT),
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    };
    [a, b] = await Promise.all([
      startServer({ databaseUrl, dataDir: path.join(tmp, "a"), env }),
      startServer({ databaseUrl, dataDir: path.join(tmp, "b"), env }),
    ]);
    client = createClient(databaseUrl);
  });

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await client?.$disconnect();
    await ownPostgres?.stop();
    await s3?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Logs in through the real form on one instance; returns the session cookie. */
  async function login(server: AppServer, email: string) {
    const res = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: FORM,
      body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" }),
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    return /hb_session=[^;]+/.exec(res.headers.getSetCookie().join(";"))![0];
  }

  const page = (server: AppServer, pathname: string, cookie: string) =>
    fetch(`${server.url}${pathname}`, { headers: { Cookie: cookie, Accept: "text/html" }, redirect: "manual" });

  test("a login on one instance is valid on the other, and so is the logout", async () => {
    const cookie = await login(a, ACCOUNTS.team);
    const onB = await page(b, "/dossiers", cookie);
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain("Dossiers");

    const logout = await fetch(`${b.url}/logout`, { method: "POST", headers: { ...FORM, Cookie: cookie }, redirect: "manual" });
    expect(logout.status).toBe(302);
    const onA = await page(a, "/dossiers", cookie);
    expect(onA.status).toBe(302);
    expect(onA.headers.get("location")).toContain("/login");
  });

  test("the login rate limit counts requests to both instances together", async () => {
    await client.rateLimitBucket.deleteMany(); // the login above counted too
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT + 2; i++) {
      const server = i % 2 === 0 ? a : b;
      const res = await fetch(`${server.url}/login`, {
        method: "POST",
        headers: FORM,
        // A different unknown account each time: only the per-address limit applies.
        body: new URLSearchParams({ email: `nobody-${i}@example.test`, password: "wrong", redirectTo: "/" }),
        redirect: "manual",
      });
      statuses.push(res.status);
    }
    // Each instance alone saw at most LOGIN_LIMIT / 2 + 1 requests: only a shared count refuses.
    expect(statuses.slice(0, LOGIN_LIMIT)).toEqual(Array(LOGIN_LIMIT).fill(400));
    expect(statuses.slice(LOGIN_LIMIT)).toEqual([429, 429]);
  });

  test("dossiers created at the same moment on both instances get distinct references", async () => {
    await client.rateLimitBucket.deleteMany();
    const [cookieA, cookieB] = [await login(a, ACCOUNTS.team), await login(b, ACCOUNTS.team)];
    const lead = await client.user.findUniqueOrThrow({ where: { email: ACCOUNTS.team } });
    const churches = await client.church.findMany({ take: 4, orderBy: { name: "asc" } });
    const year = 2041; // a year no demo dossier uses, so every number is issued here
    const count = 16;
    const create = (i: number) => {
      const [server, cookie] = i % 2 === 0 ? [a, cookieA] : [b, cookieB];
      return fetch(`${server.url}/dossiers/nieuw`, {
        method: "POST",
        headers: { ...FORM, Cookie: cookie, Origin: server.url },
        body: new URLSearchParams({
          churchId: churches[i % churches.length].id,
          applicantType: "CHURCH_COUNCIL",
          applicantName: `Kerkfabriek gelijktijdig ${i}`,
          leadId: lead.id,
          startDate: `${year}-03-01`,
        }),
        redirect: "manual",
      });
    };
    const responses = await Promise.all(Array.from({ length: count }, (_, i) => create(i)));
    const errors = (server: AppServer) => server.output().split("\n").filter((l) => /"level":50/.test(l)).join("\n");
    expect(responses.map((r) => r.status), `${errors(a)}\n${errors(b)}`).toEqual(Array(count).fill(302));

    const created = await client.dossier.findMany({ where: { year }, select: { reference: true, seq: true } });
    expect(created).toHaveLength(count);
    expect(new Set(created.map((d) => d.reference)).size).toBe(count);
    expect(created.map((d) => d.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  test("a notification written through one instance shows on the other", async () => {
    const cookieA = await login(a, ACCOUNTS.team);
    const cookieB = await login(b, ACCOUNTS.gent);
    const gent = await client.user.findUniqueOrThrow({ where: { email: ACCOUNTS.gent } });
    const before = await client.notification.count({ where: { userId: gent.id } });
    // Staff comment on Gent's dossier under review through instance A ...
    const version = await client.simulationVersion.findFirstOrThrow({
      where: { status: "SUBMITTED", scenario: { dossier: { church: { municipality: { name: "Gent" } } } } },
      select: { id: true, scenario: { select: { id: true, dossierId: true, dossier: { select: { reference: true } } } } },
    });
    const comment = await fetch(`${a.url}/beoordelingen/${version.id}`, {
      method: "POST",
      headers: { ...FORM, Cookie: cookieA, Origin: a.url },
      body: new URLSearchParams({ intent: "comment", body: "Gezien vanop instantie A" }),
      redirect: "manual",
    });
    expect([200, 302, 303]).toContain(comment.status);
    await expect.poll(() => client.notification.count({ where: { userId: gent.id } })).toBeGreaterThan(before);
    // ... and the municipality user sees it through instance B.
    const inbox = await page(b, "/meldingen", cookieB);
    expect(inbox.status).toBe(200);
    expect(await inbox.text()).toContain(version.scenario.dossier.reference);
  });

  test("a document uploaded through one instance downloads through the other, from the bucket", async () => {
    const cookieA = await login(a, ACCOUNTS.team);
    const cookieB = await login(b, ACCOUNTS.team);
    const dossier = await client.dossier.findFirstOrThrow({ where: { phase: "RESEARCH" }, select: { id: true } });
    const bytes = new TextEncoder().encode(
      "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    );
    const form = new FormData();
    for (const [key, value] of Object.entries({ intent: "upload", title: "Plan via instantie A", kind: "DESIGN", visibility: "INTERNAL" })) {
      form.append(key, value);
    }
    form.append("file", new File([bytes], "plan.pdf", { type: "application/pdf" }));
    const upload = await fetch(`${a.url}/dossiers/${dossier.id}/documenten`, {
      method: "POST",
      headers: { Cookie: cookieA, Origin: a.url, Accept: "text/html" },
      body: form,
      redirect: "manual",
    });
    expect(upload.status).toBe(302);
    const version = await client.documentVersion.findFirstOrThrow({ where: { document: { title: "Plan via instantie A" } } });
    const key = `${version.sha256.slice(0, 2)}/${version.sha256.slice(2, 4)}/${version.sha256}`;
    expect(await listKeys(s3!.client, bucket)).toContain(key);

    const res = await fetch(`${b.url}/documenten/${version.id}/download`, { headers: { Cookie: cookieB } });
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });
});
