// Receiving an upload: the multipart body is parsed as a stream (Remix's
// unstable_parseMultipartFormData with our own handler). The file part flows chunk by chunk
// into the store's staging area while its bytes are counted and hashed; it is refused (and
// nothing kept) as soon as it passes the size limit or its first bytes show a type we do
// not accept. The complete file is checked once more before the caller may keep it.
import { type UploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { logger } from "~/platform/logger.server";
import { getStore, type ObjectStore, type StagedObject } from "~/platform/storage.server";
import { detectFromHead, detectFromStream, HEAD_BYTES } from "./content-type.server";
import { sanitizeFileName } from "./file-names";
import { judgeFileType, MAX_UPLOAD_BYTES, mayStillBeAccepted } from "./file-types";
import { formatFileSize } from "./format-size";

export type UploadErrorCode = "fileRequired" | "empty" | "tooLarge" | "type" | "extension" | "unreadable";

export type UploadError = { code: UploadErrorCode; params?: Record<string, string> };

export type ReceivedFile = {
  staged: StagedObject;
  /** Sanitised name, for display, storage and downloads. */
  fileName: string;
  /** The name as the browser sent it (already without path, per RFC 7578), for the audit trail. */
  originalName: string;
  /** From the content, never from the browser's claim. */
  mimeType: string;
};

export type ReceivedUpload = {
  /** The text fields, in the order they came. */
  fields: FormData;
  file: ReceivedFile | null;
  error: UploadError | null;
};

/** An upload refused for a reason the user can fix; anything else is a server error. */
export class UploadRefused extends Error {
  constructor(
    readonly code: UploadErrorCode,
    readonly params?: Record<string, string>,
  ) {
    super(`Upload refused: ${code}`);
    this.name = "UploadRefused";
  }
}

/** The fields before the file were invalid: stop reading, the form goes back with their errors. */
class FieldsInvalid extends Error {}

/** Failures of our own storage: never blamed on the user's request. */
class StorageFailure extends Error {
  constructor(readonly original: unknown) {
    super("Storage failure");
  }
}

const MAX_FIELD_BYTES = 8 * 1024;
const MAX_PARTS = 20;
/** A browser sends an empty part with filename="" when no file was chosen. */
const MAX_EMPTY_PART_BYTES = 1024;

async function readText(data: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > MAX_FIELD_BYTES) throw new UploadRefused("unreadable");
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

async function drain(data: AsyncIterable<Uint8Array>, max: number): Promise<number> {
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > max) throw new UploadRefused("unreadable");
  }
  return size;
}

function refusalFor(verdict: ReturnType<typeof judgeFileType>): UploadRefused {
  if (verdict.ok) throw new Error("not a refusal");
  if (verdict.reason === "extension") {
    return new UploadRefused("extension", {
      type: verdict.type.label,
      extensions: verdict.type.extensions.map((e) => `.${e}`).join(", "),
    });
  }
  return new UploadRefused("type");
}

async function receiveFile(
  part: { filename: string; data: AsyncIterable<Uint8Array> },
  store: ObjectStore,
  maxBytes: number,
): Promise<ReceivedFile> {
  const fileName = sanitizeFileName(part.filename);
  let received = 0;
  let head = new Uint8Array(0);
  let headChecked = false;

  const checkHead = async () => {
    headChecked = true;
    if (received === 0) throw new UploadRefused("empty");
    const detected = await detectFromHead(head);
    const verdict = judgeFileType(detected, fileName);
    if (!verdict.ok && !mayStillBeAccepted(detected, fileName)) throw refusalFor(verdict);
  };

  // Counts, limits and looks at the first bytes while the chunks pass through to the store.
  async function* checked(): AsyncGenerator<Uint8Array> {
    for await (const chunk of part.data) {
      received += chunk.byteLength;
      if (received > maxBytes) throw new UploadRefused("tooLarge", { max: formatFileSize(maxBytes) });
      if (!headChecked) {
        const next = new Uint8Array(head.byteLength + chunk.byteLength);
        next.set(head);
        next.set(chunk, head.byteLength);
        head = next.subarray(0, Math.min(next.byteLength, HEAD_BYTES));
        if (next.byteLength >= HEAD_BYTES) await checkHead();
      }
      yield chunk;
    }
    if (!headChecked) await checkHead();
  }

  let staged: StagedObject;
  try {
    staged = await store.stage(checked());
  } catch (error) {
    if (error instanceof UploadRefused) throw error;
    throw new StorageFailure(error);
  }
  // The whole file, read back with its size known, so ZIP-based Office files are told apart
  // from other ZIPs even when the telling entry is far into the archive.
  const verdict = judgeFileType(await detectFromStream(staged.read(), staged.size), fileName);
  if (!verdict.ok) {
    await staged.discard();
    throw refusalFor(verdict);
  }
  return { staged, fileName, originalName: part.filename, mimeType: verdict.type.mime };
}

export type ReceiveOptions = {
  store?: ObjectStore;
  maxBytes?: number;
  /** The name of the file input. */
  fileField?: string;
  /**
   * Called with the fields that came before the file: false stops reading, so nothing is
   * stored for a form that will be sent back anyway. Forms put the file input last.
   */
  acceptFile?: (fieldsSoFar: FormData) => boolean;
};

/**
 * Reads a multipart form with one file. The file, when accepted, is staged: the caller
 * commits it once the rest of the form is valid, or discards it.
 */
export async function receiveUpload(request: Request, options: ReceiveOptions = {}): Promise<ReceivedUpload> {
  const store = options.store ?? getStore();
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  const fileField = options.fileField ?? "file";
  const fields = new FormData();
  let file: ReceivedFile | null = null;
  let parts = 0;

  const handler: UploadHandler = async (part) => {
    parts += 1;
    if (parts > MAX_PARTS) throw new UploadRefused("unreadable");
    if (part.filename === undefined) {
      fields.append(part.name, await readText(part.data));
      return undefined;
    }
    if (part.name !== fileField || file) throw new UploadRefused("unreadable");
    if (part.filename === "") {
      await drain(part.data, MAX_EMPTY_PART_BYTES);
      return undefined;
    }
    if (options.acceptFile && !options.acceptFile(fields)) throw new FieldsInvalid();
    file = await receiveFile({ filename: part.filename, data: part.data }, store, maxBytes);
    // Returned as nothing: the file is ours now, Remix's FormData need not hold it.
    return undefined;
  };

  try {
    await unstable_parseMultipartFormData(request, handler);
    return { fields, file, error: file ? null : { code: "fileRequired" } };
  } catch (error) {
    await (file as ReceivedFile | null)?.staged.discard();
    if (error instanceof FieldsInvalid) return { fields, file: null, error: null };
    if (error instanceof UploadRefused) return { fields, file: null, error: { code: error.code, params: error.params } };
    if (error instanceof StorageFailure) throw error.original;
    // The parser's own errors: a malformed body, or a file name it cannot read (it trips
    // over "=" and ";" in names, for instance).
    logger.warn({ err: error }, "unreadable multipart upload");
    return { fields, file: null, error: { code: "unreadable" } };
  }
}
