// Which files may be uploaded, judged by their content (magic bytes, as detected by the
// file-type package) and not by the name alone; the name's extension must fit the content
// too, so that a download opens in the program the user expects. Pure module.
import { extensionOf } from "./file-names";

export type AcceptedType = {
  /** file-type's name for the detected type. */
  ext: string;
  mime: string;
  /** Extensions a file of this type may carry. */
  extensions: readonly string[];
  label: string;
};

export const ACCEPTED_TYPES: readonly AcceptedType[] = [
  { ext: "pdf", mime: "application/pdf", extensions: ["pdf"], label: "PDF" },
  { ext: "jpg", mime: "image/jpeg", extensions: ["jpg", "jpeg"], label: "JPEG" },
  { ext: "png", mime: "image/png", extensions: ["png"], label: "PNG" },
  { ext: "webp", mime: "image/webp", extensions: ["webp"], label: "WebP" },
  {
    ext: "docx",
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    label: "DOCX",
  },
  {
    ext: "xlsx",
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    label: "XLSX",
  },
  {
    ext: "pptx",
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
    label: "PPTX",
  },
];

const OFFICE_EXTENSIONS = new Set(["docx", "xlsx", "pptx"]);

/** For the file input's `accept`: a hint to the browser's picker, never a check. */
export const ACCEPT_ATTRIBUTE = [
  ...ACCEPTED_TYPES.flatMap((t) => t.extensions.map((e) => `.${e}`)),
  ...ACCEPTED_TYPES.map((t) => t.mime),
].join(",");

export type Detected = { ext: string; mime: string } | undefined;

export type TypeVerdict =
  | { ok: true; type: AcceptedType }
  | { ok: false; reason: "type" }
  | { ok: false; reason: "extension"; type: AcceptedType };

export function acceptedTypeOf(detected: Detected): AcceptedType | undefined {
  return detected ? ACCEPTED_TYPES.find((t) => t.ext === detected.ext) : undefined;
}

/** The final word on a complete file: an accepted type, with a name that fits it. */
export function judgeFileType(detected: Detected, fileName: string): TypeVerdict {
  const type = acceptedTypeOf(detected);
  if (!type) return { ok: false, reason: "type" };
  if (!type.extensions.includes(extensionOf(fileName))) return { ok: false, reason: "extension", type };
  return { ok: true, type };
}

/**
 * An early look at the first bytes, to refuse junk before it is all received. DOCX, XLSX and
 * PPTX are ZIP containers: from the first bytes alone they may still look like a plain ZIP,
 * which is fine as long as the name claims one of them; the complete file decides.
 */
export function mayStillBeAccepted(detected: Detected, fileName: string): boolean {
  if (acceptedTypeOf(detected)) return true;
  return detected?.ext === "zip" && OFFICE_EXTENSIONS.has(extensionOf(fileName));
}

/** 50 MB: enough for a scanned report or a design presentation. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
