// The real document paths with the S3 store as the process's store: uploads through the
// route's action (multipart parsing, staging, type check, commit or discard), downloads
// through the download route and a public case photo, all against s3rver.
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "~/features/documents/file-types";
import { db } from "~/platform/db.server";
import { setStore } from "~/platform/storage.server";
import { S3ObjectStore } from "~/platform/storage/s3.server";
import { loader as photoLoader } from "~/routes/kaart_.$slug.foto.$photoId";
import { callRoute, createUser, GENT, makeRequest, sessionCookieFor } from "../../helpers/auth";
import { PNG_1X1, tinyPdf } from "../../unit/documents/samples";
import { callListAction, createDossier, download, fieldErrors, pdfFile, streamedMultipartRequest, uploadDocument } from "../documents/helpers";
import { createBucket, listKeys, type S3TestServer, startS3Server } from "./s3-server";

const PREFIX = "documenten/";
const MiB = 1024 * 1024;

let s3: S3TestServer;
let bucket: string;
let staffCookie: string;

beforeAll(async () => {
  s3 = await startS3Server();
  bucket = await createBucket(s3.client);
  setStore(new S3ObjectStore({ client: s3.client, bucket, prefix: PREFIX }));
  staffCookie = await sessionCookieFor((await createUser("STAFF")).id);
});

afterAll(async () => {
  setStore(undefined);
  await s3?.stop();
});

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const keyOf = (hash: string) => `${PREFIX}${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`;
const bucketKeys = () => listKeys(s3.client, bucket);

async function onlyVersionOf(dossierId: string) {
  const document = await db.document.findFirstOrThrow({ where: { dossierId }, include: { versions: true } });
  expect(document.versions).toHaveLength(1);
  return document.versions[0];
}

describe("documents on S3", () => {
  it("an uploaded PDF lands under its hash in the bucket and downloads byte for byte", async () => {
    const dossierId = (await createDossier(GENT)).id;
    const bytes = tinyPdf("Verslag op S3");
    const res = await uploadDocument(dossierId, staffCookie, { title: "Verslag", kind: "OTHER", visibility: "SHARED" }, pdfFile(bytes));
    expect(res.status).toBe(302);
    const version = await onlyVersionOf(dossierId);
    expect(version.sha256).toBe(sha(bytes));
    expect(await bucketKeys()).toContain(keyOf(version.sha256));
    expect((await bucketKeys()).filter((k) => k.startsWith(`${PREFIX}staging/`))).toEqual([]);

    const downloaded = await download(version.id, staffCookie);
    expect(downloaded.status).toBe(200);
    expect(downloaded.response?.headers.get("Content-Length")).toBe(String(bytes.length));
    expect(Buffer.from(await downloaded.response!.arrayBuffer())).toEqual(bytes);
  });

  it("a file refused by its content is discarded: nothing new in the bucket", async () => {
    const dossierId = (await createDossier(GENT)).id;
    const before = await bucketKeys();
    const fake = new File(["Dit is geen PDF.\n".repeat(500)], "verslag.pdf", { type: "application/pdf" });
    const res = await uploadDocument(dossierId, staffCookie, { title: "Vals", kind: "OTHER", visibility: "INTERNAL" }, fake);
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data).file).toEqual(["documents.error.type"]);
    expect(await bucketKeys()).toEqual(before);
  });

  it("a 12 MB upload streams through in parts and streams back out", async () => {
    const dossierId = (await createDossier(GENT)).id;
    const head = tinyPdf("Plannen");
    const total = 12 * MiB;
    const { request, counter } = streamedMultipartRequest(
      `/dossiers/${dossierId}/documenten`,
      staffCookie,
      { intent: "upload", kind: "DESIGN", visibility: "INTERNAL" },
      { name: "plannen.pdf", type: "application/pdf", head, totalBytes: total },
    );
    expect((await callListAction(dossierId, request)).status).toBe(302);
    expect(counter.pulled).toBe(total);
    // The same bytes the request was made of: the head, then spaces (see streamedMultipartRequest).
    const expected = createHash("sha256").update(head).update(Buffer.alloc(total - head.length, 0x20)).digest("hex");
    const version = await onlyVersionOf(dossierId);
    expect(version).toMatchObject({ sha256: expected, size: total });

    const downloaded = await download(version.id, staffCookie);
    expect(downloaded.status).toBe(200);
    const hash = createHash("sha256");
    let size = 0;
    const reader = downloaded.response!.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      hash.update(read.value);
      size += read.value.byteLength;
    }
    expect(size).toBe(total);
    expect(hash.digest("hex")).toBe(expected);
  });

  it("a file over 50 MB is refused while it streams (413) and leaves nothing in the bucket", async () => {
    const dossierId = (await createDossier(GENT)).id;
    const before = await bucketKeys();
    const total = MAX_UPLOAD_BYTES + 2 * MiB;
    const { request, counter } = streamedMultipartRequest(
      `/dossiers/${dossierId}/documenten`,
      staffCookie,
      { intent: "upload", title: "Te groot", kind: "DESIGN", visibility: "INTERNAL" },
      { name: "plannen.pdf", type: "application/pdf", head: tinyPdf(), totalBytes: total },
    );
    const res = await callListAction(dossierId, request);
    expect(res.status).toBe(413);
    expect(fieldErrors(res.data).file).toEqual(["documents.error.tooLarge?max=50+MB"]);
    expect(counter.pulled).toBeLessThan(total);
    expect(await db.document.count({ where: { dossierId } })).toBe(0);
    expect(await bucketKeys()).toEqual(before);
  }, 60_000);

  it("a public case photo is served from the bucket", async () => {
    const dossierId = (await createDossier(GENT)).id;
    const upload = await uploadDocument(
      dossierId,
      staffCookie,
      { title: "Gevel", kind: "PHOTO", visibility: "PUBLIC" },
      new File([new Uint8Array(PNG_1X1)], "gevel.png", { type: "image/png" }),
    );
    expect(upload.status).toBe(302);
    const document = await db.document.findFirstOrThrow({ where: { dossierId } });
    const slug = `s3-${randomUUID().slice(0, 8)}`;
    const publication = await db.casePublication.create({
      data: {
        dossierId,
        slug,
        status: "PUBLISHED",
        title: "Op S3",
        summary: "S",
        functionCategory: "CULTURE",
        completionYear: 2024,
        photos: { create: [{ documentId: document.id, altText: "Gevel", position: 0 }] },
      },
      include: { photos: true },
    });
    const photoId = publication.photos[0].id;
    const res = await callRoute(() =>
      photoLoader({ request: makeRequest(`/kaart/${slug}/foto/${photoId}`), params: { slug, photoId }, context: {} }),
    );
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.response!.arrayBuffer())).toEqual(PNG_1X1);
  });
});
