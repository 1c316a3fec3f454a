// A trace's documents as the rows of its timeline. Pure.

/**
 * Segment documents into one ordered tree: subsegments under their segment, a callee's
 * segment (or an inferred segment) under the subsegment that called it.
 */
export function timelineRows(documents) {
  const childrenOf = new Map(); // subsegment id -> segment documents it called
  const ids = new Set();
  const walk = (entity, visit) => { visit(entity); (entity.subsegments || []).forEach((c) => walk(c, visit)); };
  documents.forEach((d) => walk(d, (e) => ids.add(e.id)));
  const roots = [];
  for (const d of documents) {
    if (d.parent_id && ids.has(d.parent_id)) {
      if (!childrenOf.has(d.parent_id)) childrenOf.set(d.parent_id, []);
      childrenOf.get(d.parent_id).push(d);
    } else {
      roots.push(d);
    }
  }
  const byStart = (a, b) => (a.start_time || 0) - (b.start_time || 0);
  const rows = [];
  const add = (entity, depth, kind, service) => {
    rows.push({ entity, depth, kind, service });
    const children = [
      ...(entity.subsegments || []).map((s) => ({ e: s, kind: 'subsegment' })),
      ...(childrenOf.get(entity.id) || []).map((s) => ({ e: s, kind: s.inferred ? 'inferred' : 'segment' })),
    ].sort((a, b) => byStart(a.e, b.e));
    for (const child of children) add(child.e, depth + 1, child.kind, child.kind === 'subsegment' ? service : child.e.name);
  };
  roots.sort(byStart).forEach((root) => add(root, 0, root.inferred ? 'inferred' : 'segment', root.name));
  return rows;
}

export function entityHealth(e) {
  if (e.in_progress) return 'partial';
  if (e.fault) return 'fault';
  if (e.throttle) return 'throttle';
  if (e.error) return 'error';
  const status = e.http && e.http.response && Number(e.http.response.status);
  if (status >= 500) return 'fault';
  if (status === 429) return 'throttle';
  if (status >= 400) return 'error';
  return 'ok';
}

/** Where a row's bar starts and how wide it is, in percent of the trace's span. */
export function barGeometry(entity, start, end) {
  const span = Math.max(end - start, 1e-6);
  const finish = entity.end_time || end;
  return { left: ((entity.start_time - start) / span) * 100, width: Math.max(0.3, ((finish - entity.start_time) / span) * 100) };
}
