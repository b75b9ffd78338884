// File names as users send them are untrusted text: path parts, control and bidi characters
// (which can disguise "gpj.exe" as "exe.jpg"), characters that Windows refuses, and names far
// longer than a file system allows. One sanitiser serves display, storage and downloads.
// Pure module.

/** Room under the usual 255-byte limit of file systems, for a browser's " (1)" suffix. */
export const MAX_FILE_NAME_BYTES = 200;
const FALLBACK_BASE = "document";

// Control (Cc), format (Cf: bidi overrides, zero-width), surrogate halves (Cs), unassigned
// (Cn) and line/paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Cn}\p{Zl}\p{Zp}]/gu;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const EXTENSION = /^[\p{L}\p{N}]{1,10}$/u;

const encoder = new TextEncoder();
const byteLength = (s: string) => encoder.encode(s).length;

/** The part after the last dot, lower-cased; "" when there is none (".bashrc" has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || dot === name.length - 1) return "";
  const ext = name.slice(dot + 1);
  return EXTENSION.test(ext) ? ext.toLowerCase() : "";
}

/** The name without its extension. */
export function baseNameOf(name: string): string {
  const ext = extensionOf(name);
  return ext ? name.slice(0, -(ext.length + 1)) : name;
}

/** Cuts whole code points (never half a surrogate pair) until the text fits `maxBytes`. */
function truncateToBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && byteLength(chars.join("")) > maxBytes) chars.pop();
  return chars.join("");
}

/**
 * A safe, readable file name: the last path segment only, without invisible characters or
 * characters Windows refuses, trimmed, at most MAX_FILE_NAME_BYTES (the extension kept).
 * Letters of any script stay. Never empty.
 */
export function sanitizeFileName(raw: string): string {
  let name = String(raw ?? "").normalize("NFC");
  name = name.split(/[/\\]/).pop() ?? "";
  // Line breaks and tabs separate words: they become spaces, other invisibles go.
  name = name.replace(/[\t\n\r\v\f]/g, " ").replace(INVISIBLE, "").replace(WINDOWS_FORBIDDEN, "_").replace(/\s+/g, " ");
  // Leading dots hide files and ".." walks up; trailing dots and spaces vanish on Windows.
  name = name.replace(/^[\s.]+/, "").replace(/[\s.]+$/, "");
  const ext = extensionOf(name);
  let base = (ext ? name.slice(0, -(ext.length + 1)) : name).replace(/[\s.]+$/, "");
  if (base === "" || /^_+$/.test(base)) base = FALLBACK_BASE;
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  const suffix = ext ? `.${ext}` : "";
  base = truncateToBytes(base, MAX_FILE_NAME_BYTES - byteLength(suffix)).replace(/[\s.]+$/, "") || FALLBACK_BASE;
  return `${base}${suffix}`;
}

/** A title from a file name when the user gave none: "Verslag_plaatsbezoek.pdf" -> "Verslag plaatsbezoek". */
export function titleFromFileName(fileName: string): string {
  const title = baseNameOf(sanitizeFileName(fileName)).replace(/[_]+/g, " ").replace(/\s+/g, " ").trim();
  return title.slice(0, 200) || FALLBACK_BASE;
}
