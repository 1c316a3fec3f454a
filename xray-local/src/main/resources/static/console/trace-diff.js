// Two traces compared as call trees: each node named by its path from the root (service,
// entity name and operation at each step), with its count and time in both, what is
// missing or new, the largest differences first. A difference is measured in self time
// (the node's time not spent in its children), so the node where time was really added
// comes first, not every ancestor that merely waited for it. Pure.
import { callTree } from './critical-path.js';
import { operationOf } from './routes.js';

/**
 * A step of a path: the entity's name, its operation, and what it is unless a segment:
 * "recommenderservice GET /api/v1/recommender/{id} (remote)", "DynamoDb GetItem (aws)".
 */
export function stepKey(row) {
  const e = row.entity;
  const op = operationOf(e);
  const what = row.kind === 'segment' ? null : '(' + (row.kind === 'subsegment' ? e.namespace || 'local' : row.kind) + ')';
  return [e.name, op, what].filter(Boolean).join(' ');
}

/**
 * The service a row's time belongs to: a segment's own service, the callee of a remote
 * call (its time is the callee's, whether or not the callee's segment holds all of it), an
 * AWS call's resource; a local subsegment's service.
 */
export function targetOf(row) {
  const e = row.entity;
  if (row.kind !== 'subsegment') return e.name;
  if (e.namespace === 'remote') return e.name;
  if (e.namespace === 'aws') return (e.aws && e.aws.table_name) || e.name;
  return row.service;
}

/**
 * Per path, over a trace's rows: {path, label, depth, service, count, time, self} (times in
 * seconds; repeated calls add up).
 */
export function pathTotals(rows) {
  const totals = new Map();
  const visit = (node, prefix, depth) => {
    const e = node.row.entity;
    const path = prefix ? prefix + ' › ' + stepKey(node.row) : stepKey(node.row);
    const duration = Math.max(0, (e.end_time || e.start_time) - e.start_time);
    const covered = childCoverage(node, e.start_time, e.end_time || e.start_time);
    const t = totals.get(path) || { path, label: stepKey(node.row), name: e.name, depth, service: node.row.service, target: targetOf(node.row), kind: node.row.kind, count: 0, time: 0, self: 0 };
    t.count++;
    t.time += duration;
    t.self += Math.max(0, duration - covered);
    totals.set(path, t);
    node.children.forEach((c) => visit(c, path, depth + 1));
  };
  callTree(rows).forEach((root) => visit(root, '', 0));
  return totals;
}

/** Seconds of [start, end] covered by at least one child (parallel children counted once). */
function childCoverage(node, start, end) {
  const spans = node.children
    .map((c) => [Math.max(start, c.row.entity.start_time), Math.min(end, c.row.entity.end_time || end)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = -Infinity;
  for (const [s, e] of spans) {
    if (e <= reach) continue;
    covered += e - Math.max(s, reach);
    reach = e;
  }
  return covered;
}

/**
 * The two traces' paths joined: {path, label, depth, service, a, b, status, selfDelta,
 * timeDelta} with status 'both', 'missing' (only in A) or 'new' (only in B), largest
 * self-time difference first.
 */
export function diffTraces(rowsA, rowsB) {
  const a = pathTotals(rowsA);
  const b = pathTotals(rowsB);
  const paths = new Set([...a.keys(), ...b.keys()]);
  const rows = [];
  for (const path of paths) {
    const x = a.get(path) || null;
    const y = b.get(path) || null;
    const any = x || y;
    rows.push({
      path, label: any.label, name: any.name, depth: any.depth, service: any.service, target: any.target, kind: any.kind, a: x, b: y,
      status: x && y ? 'both' : x ? 'missing' : 'new',
      selfDelta: (y ? y.self : 0) - (x ? x.self : 0),
      timeDelta: (y ? y.time : 0) - (x ? x.time : 0),
      countDelta: (y ? y.count : 0) - (x ? x.count : 0),
    });
  }
  return rows.sort((p, q) => Math.abs(q.selfDelta) - Math.abs(p.selfDelta) || p.path.localeCompare(q.path));
}

