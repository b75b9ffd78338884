// Helpers for the documents tests: dossiers in a municipality, real multipart requests (from
// FormData + File, or streamed chunk by chunk for sizes we do not want in memory), calls to
// the routes, and a look into the upload folder.
import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { db } from "~/platform/db.server";
import { getEnv } from "~/platform/env.server";
import { action as detailAction, loader as detailLoader } from "~/routes/dossiers.$id.documenten_.$documentId";
import { action as listAction, loader as listLoader } from "~/routes/dossiers.$id.documenten";
import { loader as downloadLoader } from "~/routes/documenten.$versionId.download";
import { callRoute, makeRequest } from "../../helpers/auth";

let seq = 0;

export async function createDossier(nisCode: string) {
  seq += 1;
  const church = await db.church.create({ data: { name: `Sint-Testkerk ${seq}`, nisCode } });
  return db.dossier.create({
    data: {
      reference: `HK-2026-${String(900 + seq).padStart(3, "0")}-${randomUUID().slice(0, 4)}`,
      year: 2026,
      seq: 900 + seq,
      churchId: church.id,
      applicantType: "CHURCH_COUNCIL",
      applicantName: "Kerkfabriek Sint-Test",
      startDate: new Date("2026-01-15"),
    },
  });
}

export type Fields = Record<string, string>;

export function multipartRequest(pathname: string, cookie: string | null, fields: Fields, file?: File | null): Request {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file !== undefined) form.append("file", file ?? new File([], "", { type: "application/octet-stream" }));
  const headers = new Headers({ Accept: "text/html" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://localhost${pathname}`, { method: "POST", body: form, headers });
}

/**
 * A multipart body produced chunk by chunk, so a 50 MB file never exists in memory. `pulled`
 * tells how many file bytes the server actually asked for.
 */
export function streamedMultipartRequest(
  pathname: string,
  cookie: string,
  fields: Fields,
  file: { name: string; type: string; head?: Uint8Array; totalBytes: number; chunkBytes?: number },
) {
  const boundary = `----hb-test-${randomUUID()}`;
  const encoder = new TextEncoder();
  const chunk = new Uint8Array(file.chunkBytes ?? 1024 * 1024).fill(0x20);
  const counter = { pulled: 0 };
  async function* parts() {
    for (const [key, value] of Object.entries(fields)) {
      yield encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`);
    }
    yield encoder.encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    );
    let left = file.totalBytes;
    if (file.head) {
      counter.pulled += file.head.byteLength;
      left -= file.head.byteLength;
      yield file.head;
    }
    while (left > 0) {
      const piece = left >= chunk.byteLength ? chunk : chunk.subarray(0, left);
      left -= piece.byteLength;
      counter.pulled += piece.byteLength;
      yield piece;
    }
    yield encoder.encode(`\r\n--${boundary}--\r\n`);
  }
  const iterator = parts();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  const request = new Request(`http://localhost${pathname}`, {
    method: "POST",
    body,
    headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, Cookie: cookie, Accept: "text/html" },
    duplex: "half",
  } as RequestInit);
  return { request, counter };
}

export function uploadDocument(dossierId: string, cookie: string | null, fields: Fields, file?: File | null) {
  const request = multipartRequest(`/dossiers/${dossierId}/documenten`, cookie, { intent: "upload", ...fields }, file);
  return callRoute(() => listAction({ request, params: { id: dossierId }, context: {} }));
}

export function callListAction(dossierId: string, request: Request) {
  return callRoute(() => listAction({ request, params: { id: dossierId }, context: {} }));
}

export function uploadVersion(dossierId: string, documentId: string, cookie: string | null, file: File) {
  const request = multipartRequest(`/dossiers/${dossierId}/documenten/${documentId}`, cookie, { intent: "newVersion" }, file);
  return callRoute(() => detailAction({ request, params: { id: dossierId, documentId }, context: {} }));
}

export function postDetail(dossierId: string, documentId: string, cookie: string | null, form: Record<string, string>) {
  const request = makeRequest(`/dossiers/${dossierId}/documenten/${documentId}`, { cookie, form });
  return callRoute(() => detailAction({ request, params: { id: dossierId, documentId }, context: {} }));
}

export function list(dossierId: string, cookie: string | null) {
  const request = makeRequest(`/dossiers/${dossierId}/documenten`, { cookie });
  return callRoute(() => listLoader({ request, params: { id: dossierId }, context: {} }));
}

export function detail(dossierId: string, documentId: string, cookie: string | null) {
  const request = makeRequest(`/dossiers/${dossierId}/documenten/${documentId}`, { cookie });
  return callRoute(() => detailLoader({ request, params: { id: dossierId, documentId }, context: {} }));
}

export function download(versionId: string, cookie: string | null, accept = "*/*") {
  const request = makeRequest(`/documenten/${versionId}/download`, { cookie, headers: { Accept: accept } });
  return callRoute(() => downloadLoader({ request, params: { versionId }, context: {} }));
}

export function uploadsDir() {
  return path.resolve(getEnv().DATA_DIR, "uploads");
}

/** Every file under the upload folder, staging included, relative to it. */
export async function storedFiles(): Promise<string[]> {
  try {
    const entries = await readdir(uploadsDir(), { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.relative(uploadsDir(), path.join(e.parentPath, e.name)));
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return [];
    throw error;
  }
}

export function pdfFile(bytes: Buffer, name = "verslag.pdf") {
  return new File([new Uint8Array(bytes)], name, { type: "application/pdf" });
}

/** The per-field errors of an action's reply. */
export function fieldErrors(data: unknown): Record<string, string[]> {
  return ((data as { result?: { error?: Record<string, string[]> } })?.result?.error ?? {}) as Record<string, string[]>;
}
