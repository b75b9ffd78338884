// Detection of a file's real type from its bytes, with the file-type package.
import type { Readable } from "node:stream";
import { fileTypeFromBuffer, FileTypeParser } from "file-type/node";
import type { Detected } from "./file-types";

/** What file-type itself reads for a confident guess of most types. */
export const HEAD_BYTES = 4100;

/** The type as far as the first bytes tell (a ZIP-based Office file may still read as "zip"). */
export async function detectFromHead(head: Uint8Array): Promise<Detected> {
  try {
    return await fileTypeFromBuffer(head);
  } catch {
    return undefined;
  }
}

/**
 * file-type limits how far it skips through a stream of unknown length (1 MB per ZIP entry),
 * so an Office file whose [Content_Types].xml comes after a large image would read as a
 * plain ZIP. Telling the tokenizer the size lifts that limit; the parser has no public
 * option for it, hence this small subclass.
 */
class SizedFileTypeParser extends FileTypeParser {
  constructor(private readonly size: number) {
    super();
  }

  getTokenizerOptions() {
    return { abortSignal: undefined, fileInfo: { size: this.size } };
  }
}

/** The type of a complete file, read from a byte stream of known size (only as far as needed). */
export async function detectFromStream(stream: Readable, size: number): Promise<Detected> {
  try {
    return await new SizedFileTypeParser(size).fromStream(stream);
  } catch {
    return undefined;
  } finally {
    stream.destroy();
  }
}
