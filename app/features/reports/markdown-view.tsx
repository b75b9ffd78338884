// Renders the Markdown tree of markdown.ts as React elements. React escapes every text, and
// no HTML string is ever injected, so whatever a user types shows as text.
import { Fragment, type ReactNode } from "react";
import { type Block, type Inline, parseMarkdown } from "./markdown";

function InlineNodes({ nodes }: { nodes: Inline[] }): ReactNode {
  return nodes.map((node, i) => {
    switch (node.type) {
      case "text":
        return <Fragment key={i}>{node.value}</Fragment>;
      case "code":
        return <code key={i}>{node.value}</code>;
      case "strong":
        return (
          <strong key={i}>
            <InlineNodes nodes={node.children} />
          </strong>
        );
      case "em":
        return (
          <em key={i}>
            <InlineNodes nodes={node.children} />
          </em>
        );
      case "link":
        return (
          <a key={i} href={node.href} rel="noopener noreferrer nofollow" target="_blank">
            <InlineNodes nodes={node.children} />
          </a>
        );
    }
  });
}

/** Headings in the text start one level below the section's own heading (`baseLevel`). */
export function MarkdownView({ source, baseLevel = 3 }: { source: string; baseLevel?: 3 | 4 }) {
  const blocks: Block[] = parseMarkdown(source);
  return (
    <div className="markdown">
      {blocks.map((block, i) => {
        if (block.type === "heading") {
          const Tag = `h${Math.min(baseLevel + block.level - 1, 6)}` as "h3" | "h4" | "h5" | "h6";
          return (
            <Tag key={i}>
              <InlineNodes nodes={block.children} />
            </Tag>
          );
        }
        if (block.type === "list") {
          const List = block.ordered ? "ol" : "ul";
          return (
            <List key={i}>
              {block.items.map((item, j) => (
                <li key={j}>
                  <InlineNodes nodes={item} />
                </li>
              ))}
            </List>
          );
        }
        return (
          <p key={i}>
            <InlineNodes nodes={block.children} />
          </p>
        );
      })}
    </div>
  );
}
