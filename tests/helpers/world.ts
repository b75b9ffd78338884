// A small world for tests that sweep every route: the demo data plus one document of each
// visibility, a published case with a photo and a public report, and one user per role.
// Everything a route's URL needs (dossier, church, call, user, scenario, version,
// document, slug, photo) is taken from it by `paramsFor`.
import { Readable } from "node:stream";
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "~/features/auth/permissions";
import { db } from "~/platform/db.server";
import { countRows } from "~/platform/db-models.server";
import { getStore } from "~/platform/storage.server";
import { runSeed } from "../../prisma/seed";
import { createUser, GENT, LEUVEN, sessionCookieFor } from "./auth";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
// A 1x1 PNG.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

async function storeDocument(dossierId: string, visibility: "INTERNAL" | "SHARED" | "PUBLIC", kind: "OTHER" | "PHOTO" | "FINAL_REPORT", bytes: Buffer, mime: string, name: string) {
  const stored = await getStore().put(Readable.from([bytes]));
  return db.document.create({
    data: {
      dossierId,
      title: `${visibility} ${kind}`,
      kind,
      visibility,
      versions: { create: { number: 1, fileName: name, mimeType: mime, size: stored.size, sha256: stored.sha256 } },
    },
    include: { versions: true },
  });
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld() {
  const log = console.log;
  console.log = () => {};
  try {
    await runSeed({ demo: "force" });
  } finally {
    console.log = log;
  }
  // Gent's published case: a COMPLETED dossier with scenarios and approved versions.
  const publication = await db.casePublication.findFirstOrThrow({
    where: { status: "PUBLISHED", dossier: { church: { nisCode: GENT } } },
    include: { dossier: { include: { church: true, scenarios: { include: { versions: true } } } } },
  });
  const dossier = publication.dossier;
  const scenario = dossier.scenarios.find((s) => s.versions.some((v) => v.status !== "DRAFT"))!;
  const version = scenario.versions.find((v) => v.status !== "DRAFT")!;
  const shared = await storeDocument(dossier.id, "SHARED", "OTHER", PDF, "application/pdf", "gedeeld.pdf");
  const internal = await storeDocument(dossier.id, "INTERNAL", "OTHER", PDF, "application/pdf", "intern.pdf");
  const photo = await storeDocument(dossier.id, "PUBLIC", "PHOTO", PNG, "image/png", "foto.png");
  const report = await storeDocument(dossier.id, "PUBLIC", "FINAL_REPORT", PDF, "application/pdf", "eindrapport.pdf");
  const casePhoto = await db.casePhoto.create({ data: { publicationId: publication.id, documentId: photo.id, altText: "Gevel" } });
  await db.casePublication.update({ where: { id: publication.id }, data: { reportDocumentId: report.id } });
  await db.finalReport.upsert({
    where: { dossierId: dossier.id },
    create: { dossierId: dossier.id, conclusions: "Conclusies", recommendation: "Aanbeveling", documentId: report.id, approvedVersionId: version.id },
    update: {},
  });

  const users: Record<"ADMIN" | "STAFF" | "OWN" | "OTHER", { id: string; cookie: string }> = {} as never;
  const make = async (key: keyof typeof users, role: Role, municipalities: string[] = []) => {
    const user = await createUser(role, { municipalities });
    users[key] = { id: user.id, cookie: await sessionCookieFor(user.id) };
  };
  await make("ADMIN", "ADMIN");
  await make("STAFF", "STAFF");
  await make("OWN", "MUNICIPALITY", [GENT]);
  await make("OTHER", "MUNICIPALITY", [LEUVEN]);

  const token = randomBytes(24).toString("base64url");
  await db.passwordToken.create({
    data: { userId: users.OWN.id, purpose: "RESET", tokenHash: createHash("sha256").update(token).digest("hex"), expiresAt: new Date(Date.now() + 3600_000) },
  });

  const call = await db.call.findFirstOrThrow({ orderBy: { number: "asc" } });
  return {
    users,
    dossier,
    church: dossier.church,
    callId: call.id,
    scenario,
    version,
    sharedDocument: shared,
    internalDocument: internal,
    publication,
    casePhoto,
    token,
  };
}

/** Values for a route's URL parameters, by the route's first segment and the param name. */
export function paramsFor(routeName: string, params: string[], world: World): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of params) {
    if (name === "id") {
      if (routeName.startsWith("kerken")) values.id = world.church.id;
      else if (routeName.startsWith("oproepen")) values.id = world.callId;
      else if (routeName.startsWith("beheer.gebruikers")) values.id = world.users.OWN.id;
      else values.id = world.dossier.id;
    } else if (name === "scenarioId") values.scenarioId = world.scenario.id;
    else if (name === "versionId") {
      values.versionId = routeName.startsWith("documenten") ? world.sharedDocument.versions[0].id : world.version.id;
    } else if (name === "documentId") values.documentId = world.sharedDocument.id;
    else if (name === "slug") values.slug = world.publication.slug;
    else if (name === "photoId") values.photoId = world.casePhoto.id;
    else if (name === "token") values.token = world.token;
    else throw new Error(`tests/helpers/world.ts: no value for the URL parameter "${name}" of ${routeName}`);
  }
  return values;
}

/** Row counts of every table: a cheap fingerprint to show a refused request wrote nothing. */
export async function rowCounts(): Promise<Record<string, number>> {
  return countRows(db);
}

export const ROLES_UNDER_TEST = ["anonymous", "ADMIN", "STAFF", "OWN", "OTHER"] as const;
export type Who = (typeof ROLES_UNDER_TEST)[number];

export function cookieOf(world: World, who: Who): string | null {
  return who === "anonymous" ? null : world.users[who].cookie;
}

/** A cookie of a new session of the same user (for requests that end their session). */
export async function freshCookieOf(world: World, who: Who): Promise<string | null> {
  return who === "anonymous" ? null : sessionCookieFor(world.users[who].id);
}
