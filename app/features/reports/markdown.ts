/**
 * A deliberately small Markdown reader for the final report's texts: paragraphs, headings,
 * bullet and numbered lists, **bold**, *emphasis*, `code` and [links](https://...).
 *
 * Pure: it turns text into a tree, never into HTML, so the page (React) and the PDF both
 * render from the tree and every character of the input stays text. Raw HTML is not a
 * thing here: `<b>` is shown as the characters "<b>". Links keep only http(s) targets;
 * any other scheme (javascript:, data:, ...) leaves the link text as plain text.
 */

export type Inline =
  | { type: "text"; value: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "code"; value: string }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "heading"; level: 1 | 2 | 3; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;

/** Only absolute http(s) URLs become links. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (!/^https?:\/\//i.test(href)) return null;
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: "paragraph", children: parseInline(paragraph.join(" ")) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ type: "list", ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };

  for (const line of lines) {
    if (line.trim() === "") {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      // Three levels are plenty in a report section; deeper ones read as the third.
      const level = Math.min(heading[1].length, 3) as 1 | 2 | 3;
      blocks.push({ type: "heading", level, children: parseInline(heading[2]) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flushParagraph();
      const ordered = Boolean(numbered);
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push((bullet ?? numbered)![1]);
      continue;
    }
    if (list && /^\s{2,}\S/.test(line)) {
      // An indented line continues the last list item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** Inline markup of one block's text. Unclosed markers stay as the characters typed. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = "";
  const pushText = () => {
    if (buffer) out.push({ type: "text", value: buffer });
    buffer = "";
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    // A backslash keeps the next character literal (\* stays a star).
    if (rest[0] === "\\" && rest.length > 1 && /[\\`*_[\]()#+\-.!]/.test(rest[1])) {
      buffer += rest[1];
      i += 2;
      continue;
    }
    if (rest[0] === "`") {
      const end = rest.indexOf("`", 1);
      if (end > 1) {
        pushText();
        out.push({ type: "code", value: rest.slice(1, end) });
        i += end + 1;
        continue;
      }
    }
    if (rest.startsWith("**") || rest.startsWith("__")) {
      const marker = rest.slice(0, 2);
      const end = rest.indexOf(marker, 2);
      if (end > 2) {
        pushText();
        out.push({ type: "strong", children: parseInline(rest.slice(2, end)) });
        i += end + 2;
        continue;
      }
    }
    if (rest[0] === "*" || rest[0] === "_") {
      const marker = rest[0];
      const end = rest.indexOf(marker, 1);
      // "_" only counts at a word edge, so snake_case_words stay as typed.
      const atEdge = marker === "*" || ((i === 0 || !/\w/.test(text[i - 1])) && !/\w/.test(rest[end + 1] ?? ""));
      if (end > 1 && rest[1] !== " " && atEdge) {
        pushText();
        out.push({ type: "em", children: parseInline(rest.slice(1, end)) });
        i += end + 1;
        continue;
      }
    }
    if (rest[0] === "[") {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
      if (link) {
        pushText();
        const href = safeHref(link[2]);
        const children = parseInline(link[1]);
        if (href) out.push({ type: "link", href, children });
        else out.push(...children);
        i += link[0].length;
        continue;
      }
    }
    buffer += rest[0];
    i += 1;
  }
  pushText();
  return out;
}

/** The plain text of inline content (for the PDF's simple runs and for tests). */
export function inlineText(nodes: Inline[]): string {
  return nodes.map((n) => (n.type === "text" || n.type === "code" ? n.value : inlineText(n.children))).join("");
}
