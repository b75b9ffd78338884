import { describe, expect, it } from "vitest";
import { messages } from "~/platform/security/messages";

describe("security messages", () => {
  it("has the same keys in Dutch and English, none empty", () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.nl).sort());
    for (const text of [...Object.values(messages.nl), ...Object.values(messages.en)]) expect(text.trim()).not.toBe("");
  });
});
