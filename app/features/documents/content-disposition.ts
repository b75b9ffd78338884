// The Content-Disposition header of a download (RFC 6266): an ASCII `filename` for old
// clients and the exact Unicode name in `filename*` (RFC 8187). Pure module.
import { sanitizeFileName } from "./file-names";

/** "Église Sint-Pieter.pdf" -> "Eglise Sint-Pieter.pdf"; anything else non-ASCII becomes "_". */
export function asciiFileName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    // Outside printable ASCII, and the characters that would end or escape the quoted
    // string; "%" because some browsers would percent-decode it.
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
}

/** Percent-encoding of RFC 8187's value-chars: encodeURIComponent leaves ' ( ) * as they are. */
export function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(fileName: string, type: "attachment" | "inline" = "attachment"): string {
  const safe = sanitizeFileName(fileName);
  return `${type}; filename="${asciiFileName(safe)}"; filename*=UTF-8''${encodeRfc8187(safe)}`;
}
