import { describe, expect, it } from "vitest";
import { asciiFileName, contentDisposition, encodeRfc8187 } from "~/features/documents/content-disposition";

describe("contentDisposition", () => {
  it("gives a plain ASCII name both ways", () => {
    expect(contentDisposition("verslag.pdf")).toBe(`attachment; filename="verslag.pdf"; filename*=UTF-8''verslag.pdf`);
  });

  it("keeps Unicode in filename* and an ASCII approximation in filename", () => {
    const header = contentDisposition("Église Sint-Pieter – plan 北京.pdf");
    expect(header).toBe(
      `attachment; filename="Eglise Sint-Pieter _ plan __.pdf"; filename*=UTF-8''%C3%89glise%20Sint-Pieter%20%E2%80%93%20plan%20%E5%8C%97%E4%BA%AC.pdf`,
    );
    const encoded = header.split("filename*=UTF-8''")[1];
    expect(decodeURIComponent(encoded)).toBe("Église Sint-Pieter – plan 北京.pdf");
  });

  it("cannot be broken out of: quotes, backslashes, semicolons and line breaks", () => {
    const header = contentDisposition('evil"; filename="x.exe\r\nSet-Cookie: a=b\\.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    const quoted = /^attachment; filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9%!#$&+\-.^_`|~]+)$/.exec(header);
    expect(quoted).not.toBeNull();
    expect(quoted?.[1]).not.toContain("\\");
  });

  it("strips the path of a name", () => {
    expect(contentDisposition("../../etc/passwd.pdf")).toBe(`attachment; filename="passwd.pdf"; filename*=UTF-8''passwd.pdf`);
  });

  it("encodes the characters RFC 8187 does not allow bare", () => {
    expect(encodeRfc8187("it's (a) *draft*.pdf")).toBe("it%27s%20%28a%29%20%2Adraft%2A.pdf");
  });

  it("replaces % in the ASCII fallback, which some browsers would decode", () => {
    expect(asciiFileName("100%.pdf")).toBe("100_.pdf");
  });
});
