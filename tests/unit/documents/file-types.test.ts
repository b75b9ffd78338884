import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { detectFromHead, detectFromStream, HEAD_BYTES } from "~/features/documents/content-type.server";
import { judgeFileType, mayStillBeAccepted } from "~/features/documents/file-types";
import { JPEG_HEAD, officeFile, PNG_1X1, tinyPdf, WEBP_HEAD } from "./samples";

async function judge(bytes: Buffer, name: string) {
  return judgeFileType(await detectFromStream(Readable.from([bytes], { objectMode: false }), bytes.length), name);
}

describe("type checking by content", () => {
  it.each([
    [tinyPdf(), "verslag.pdf", "application/pdf"],
    [PNG_1X1, "foto.png", "image/png"],
    [JPEG_HEAD, "foto.jpg", "image/jpeg"],
    [JPEG_HEAD, "foto.JPEG", "image/jpeg"],
    [WEBP_HEAD, "foto.webp", "image/webp"],
    [officeFile("word"), "nota.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    [officeFile("xl"), "raming.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    [officeFile("ppt"), "voorstelling.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
  ])("accepts %#: %s", async (bytes, name, mime) => {
    const verdict = await judge(bytes, name);
    expect(verdict.ok && verdict.type.mime).toBe(mime);
  });

  it("refuses a text file named .pdf", async () => {
    expect(await judge(Buffer.from("Dit is geen PDF, maar gewone tekst.\n"), "verslag.pdf")).toEqual({ ok: false, reason: "type" });
  });

  it("refuses an HTML page named .png (no stored cross-site scripting)", async () => {
    expect(await judge(Buffer.from("<html><script>alert(1)</script></html>"), "foto.png")).toEqual({ ok: false, reason: "type" });
  });

  it("refuses a plain ZIP and other types we do not accept, whatever the name", async () => {
    const plainZip = (await import("./samples")).zip([{ name: "a.txt", data: Buffer.from("hallo") }]);
    expect(await judge(plainZip, "nota.docx")).toEqual({ ok: false, reason: "type" });
    const gif = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");
    expect(await judge(gif, "foto.gif")).toEqual({ ok: false, reason: "type" });
  });

  it("refuses an accepted type whose name does not fit it", async () => {
    const verdict = await judge(PNG_1X1, "verslag.pdf");
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toBe("extension");
    expect(await judge(officeFile("xl"), "raming.docx")).toMatchObject({ ok: false, reason: "extension" });
    expect(await judge(tinyPdf(), "verslag")).toMatchObject({ ok: false, reason: "extension" });
  });

  it("tells an Office file from a plain ZIP even when [Content_Types].xml comes after a large entry", async () => {
    const docx = officeFile("word", { contentTypesLast: true, mediaBytes: 3 * 1024 * 1024 });
    // The first bytes alone only say "zip"; the early check lets it through because the name claims docx ...
    const head = await detectFromHead(docx.subarray(0, HEAD_BYTES));
    expect(head?.ext).toBe("zip");
    expect(mayStillBeAccepted(head, "nota.docx")).toBe(true);
    expect(mayStillBeAccepted(head, "nota.pdf")).toBe(false);
    // ... and the complete file, read as a stream of known size, is recognised.
    const verdict = await judge(docx, "nota.docx");
    expect(verdict.ok && verdict.type.ext).toBe("docx");
  });

  it("lets the early check refuse junk from the first bytes", async () => {
    const head = await detectFromHead(Buffer.from("just text"));
    expect(mayStillBeAccepted(head, "x.pdf")).toBe(false);
    expect(mayStillBeAccepted(await detectFromHead(tinyPdf()), "x.pdf")).toBe(true);
  });
});
