// The critical path of a trace: the chain of segments and subsegments that determined its
// end-to-end time, found as Jaeger's UI finds it. Walking back from the end of a span,
// the child that finished last (before the point reached) is what the span was waiting
// for; the time no child covers is the span's own. Of children running in parallel
// (a fan-out), only the one that finished last gates its parent. Pure.

/** The rows of timelineRows (depth-first, with depths) as a tree: [{row, index, children}]. */
export function callTree(rows) {
  const roots = [];
  const stack = [];
  rows.forEach((row, index) => {
    const node = { row, index, children: [] };
    while (stack.length && stack[stack.length - 1].row.depth >= row.depth) stack.pop();
    if (stack.length) stack[stack.length - 1].children.push(node);
    else roots.push(node);
    stack.push(node);
  });
  return roots;
}

const startOf = (node) => node.row.entity.start_time || 0;

/** The end of an entity; one still in progress lasts until `traceEnd`. */
const endOf = (node, traceEnd) => node.row.entity.end_time || traceEnd;

/**
 * The critical path: {pieces, selfTime, total}. pieces are the stretches of time each
 * entity was on the path, oldest first: {index, id, name, start, end}; selfTime maps a row
 * index to its seconds on the path; total is their sum (the root's duration when the root
 * is one entity).
 */
export function criticalPath(rows) {
  const roots = callTree(rows);
  if (!roots.length) return { pieces: [], selfTime: new Map(), total: 0 };
  const traceEnd = Math.max(...rows.map((r) => r.entity.end_time || r.entity.start_time || 0));
  // the root that finished last is the one the caller waited for
  const root = roots.reduce((a, b) => (endOf(b, traceEnd) > endOf(a, traceEnd) ? b : a));
  const pieces = [];
  walk(root, startOf(root), endOf(root, traceEnd), traceEnd, pieces);
  pieces.sort((a, b) => a.start - b.start);
  const selfTime = new Map();
  for (const p of pieces) selfTime.set(p.index, (selfTime.get(p.index) || 0) + (p.end - p.start));
  return { pieces, selfTime, total: pieces.reduce((sum, p) => sum + p.end - p.start, 0) };
}

function walk(node, from, to, traceEnd, pieces) {
  const piece = (start, end) => {
    if (end > start) pieces.push({ index: node.index, id: node.row.entity.id, name: node.row.entity.name, start, end });
  };
  let t = to;
  const children = node.children.slice();
  while (t > from) {
    // of the children that started before t, the one whose end (cut at t) is latest
    let next = null;
    let nextEnd = -Infinity;
    for (const child of children) {
      const s = startOf(child);
      if (s >= t) continue;
      const e = Math.min(endOf(child, traceEnd), t);
      if (e > nextEnd || (e === nextEnd && next && s < startOf(next))) { next = child; nextEnd = e; }
    }
    if (!next || nextEnd <= from) { piece(from, t); break; }
    piece(nextEnd, t);
    const childFrom = Math.max(startOf(next), from);
    walk(next, childFrom, nextEnd, traceEnd, pieces);
    children.splice(children.indexOf(next), 1);
    t = childFrom;
  }
}
