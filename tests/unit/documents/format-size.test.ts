import { describe, expect, it } from "vitest";
import { formatFileSize } from "~/features/documents/format-size";

describe("formatFileSize", () => {
  it.each([
    [0, "0 B"],
    [512, "512 B"],
    [1536, "1,5 KB"],
    [50 * 1024 * 1024, "50 MB"],
    [1234567, "1,2 MB"],
  ])("%d -> %s", (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });
});
