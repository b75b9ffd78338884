// Comments as threads: top-level comments in time order, each with its replies (any depth)
// in time order. Pure. A reply whose parent is not in the list (for example a reply the
// user may see to a comment they may not) is never shown as a thread of its own: the data
// function does not hand out such replies, and this keeps the page from inventing one.

export type FlatComment = { id: string; parentId: string | null; createdAt: Date | string };
export type Thread<C extends FlatComment> = C & { replies: Thread<C>[] };

export function buildThreads<C extends FlatComment>(comments: readonly C[]): Thread<C>[] {
  const time = (c: FlatComment) => new Date(c.createdAt).getTime();
  const sorted = [...comments].sort((a, b) => time(a) - time(b));
  const nodes = new Map<string, Thread<C>>(sorted.map((c) => [c.id, { ...c, replies: [] }]));
  const roots: Thread<C>[] = [];
  for (const c of sorted) {
    const node = nodes.get(c.id)!;
    if (c.parentId === null) roots.push(node);
    else nodes.get(c.parentId)?.replies.push(node);
  }
  return roots;
}
