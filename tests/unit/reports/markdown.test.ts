import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { inlineText, parseInline, parseMarkdown, safeHref } from "~/features/reports/markdown";
import { MarkdownView } from "~/features/reports/markdown-view";

const html = (source: string) => renderToStaticMarkup(createElement(MarkdownView, { source }));

describe("markdown reader", () => {
  it("reads paragraphs, headings, bullet and numbered lists", () => {
    const blocks = parseMarkdown("# Titel\n\nEen zin\nloopt door.\n\n- een\n- twee\n\n1. eerst\n2. dan");
    expect(blocks.map((b) => b.type)).toEqual(["heading", "paragraph", "list", "list"]);
    expect(blocks[1]).toEqual({ type: "paragraph", children: [{ type: "text", value: "Een zin loopt door." }] });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ value: "een" }], [{ value: "twee" }]] });
    expect(blocks[3]).toMatchObject({ ordered: true });
  });

  it("reads bold, emphasis, code and links, and leaves unclosed markers as typed", () => {
    expect(parseInline("**vet** en *schuin* en `code`")).toEqual([
      { type: "strong", children: [{ type: "text", value: "vet" }] },
      { type: "text", value: " en " },
      { type: "em", children: [{ type: "text", value: "schuin" }] },
      { type: "text", value: " en " },
      { type: "code", value: "code" },
    ]);
    expect(inlineText(parseInline("2 * 3 = 6 en snake_case_naam"))).toBe("2 * 3 = 6 en snake_case_naam");
    expect(parseInline("[site](https://herbestemmingkerken.be)")).toEqual([
      { type: "link", href: "https://herbestemmingkerken.be/", children: [{ type: "text", value: "site" }] },
    ]);
  });

  it("only links http(s): javascript:, data: and relative targets become plain text", () => {
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<b>")).toBeNull();
    expect(safeHref("/admin")).toBeNull();
    expect(safeHref("HTTPS://example.org/a b")).toBe("https://example.org/a%20b");
    expect(parseInline("[klik](javascript:alert(1))")).toEqual([{ type: "text", value: "klik" }, { type: "text", value: ")" }]);
  });

  it("renders as escaped HTML: raw HTML stays text, no script or handler gets through", () => {
    const out = html('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)"> **vet**\n\n[x](javascript:alert(1))');
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("<strong>vet</strong>");
    expect(out).not.toContain("href=\"javascript");
  });

  it("renders headings below the section heading and links that open safely", () => {
    const out = html("# Kop\n\n[site](https://example.org)");
    expect(out).toContain("<h3>Kop</h3>");
    expect(out).toContain('<a href="https://example.org/" rel="noopener noreferrer nofollow" target="_blank">site</a>');
  });
});
