// The service graph as the console draws it, from GetServiceGraph's answer. Pure.

export const COLORS = { ok: '#2e9d5b', error: '#d89a00', fault: '#d13438', throttle: '#7b3fc4' };

/** X-Ray statistics in one shape. */
export function counts(stats) {
  if (!stats) return { total: 0, ok: 0, error: 0, fault: 0, throttle: 0, avg: NaN };
  const error = stats.ErrorStatistics || {};
  const fault = stats.FaultStatistics || {};
  const total = stats.TotalCount || 0;
  return {
    total,
    ok: stats.OkCount || 0,
    error: error.OtherCount || 0,
    throttle: error.ThrottleCount || 0,
    fault: fault.TotalCount || 0,
    avg: total ? stats.TotalResponseTime / total : NaN,
  };
}

/** The colour a node or edge earns: the worst thing that happened to it. */
export function health(c) {
  if (c.fault > 0) return 'fault';
  if (c.throttle > 0) return 'throttle';
  if (c.error > 0) return 'error';
  return 'ok';
}

/** Shares of the health ring, in percent; a node without requests is all green. */
export function ringShares(c, client) {
  const total = c.ok + c.error + c.fault + c.throttle;
  if (client || total === 0) return { ok: 100, error: 0, fault: 0, throttle: 0 };
  return { ok: (100 * c.ok) / total, error: (100 * c.error) / total, fault: (100 * c.fault) / total, throttle: (100 * c.throttle) / total };
}

export function statusClass(status) {
  if (status >= 500) return 'fault';
  if (status === 429) return 'throttle';
  if (status >= 400) return 'error';
  return 'ok';
}

export function summaryHealth(s) {
  if (s.HasFault) return 'fault';
  if (s.HasThrottle) return 'throttle';
  if (s.HasError) return 'error';
  if (s.IsPartial) return 'partial';
  return 'ok';
}

export function kindOf(service) {
  if (service.Type === 'client') return 'client';
  if (service.State === 'unknown') return 'inferred';
  return 'service';
}

export function typeLabel(service) {
  if (service.Type === 'client') return 'Clients';
  if (service.Type === 'AWS::DynamoDB::Table') return 'DynamoDB table';
  if (service.Type === 'remote') return 'Remote (not instrumented)';
  if (service.Type) return service.Type;
  return 'Service';
}

/** DynamoDB for DynamoDB tables, etc.: the AWS service an inferred node belongs to. */
export function awsGroup(service) {
  const match = /^AWS::([^:]+)/.exec(service.Type || '');
  return match && service.State === 'unknown' ? match[1] : null;
}

export function nodeId(service) {
  return (service.Type || 'service') + '|' + service.Name;
}

/**
 * Nodes and edges with their counts, requests per minute over the time range, and the
 * ids the drawing uses. A client node's requests are the calls on its edges.
 */
export function graphModel(graph, rangeSeconds) {
  const services = graph.Services || [];
  const byRef = new Map(services.map((s) => [s.ReferenceId, s]));
  const minutes = Math.max(rangeSeconds, 1) / 60;
  const nodes = services.map((s) => {
    const c = counts(s.SummaryStatistics);
    const kind = kindOf(s);
    if (kind === 'client') c.total = (s.Edges || []).reduce((sum, e) => sum + counts(e.SummaryStatistics).total, 0);
    return { service: s, id: nodeId(s), name: s.Name, kind, counts: c, rpm: c.total / minutes };
  });
  const edges = [];
  for (const s of services) {
    for (const e of s.Edges || []) {
      const target = byRef.get(e.ReferenceId);
      if (!target) continue;
      const c = counts(e.SummaryStatistics);
      const fromClient = kindOf(s) === 'client';
      edges.push({
        id: nodeId(s) + '->' + nodeId(target), sourceId: nodeId(s), targetId: nodeId(target),
        source: s, target, edge: e, counts: c, rpm: c.total / minutes, fromClient,
        label: (fromClient ? 'client' : s.Name) + '->' + target.Name,
      });
    }
  }
  return { nodes, edges };
}

/** Node ids and edge ids, sorted: when it is unchanged the drawing keeps its positions. */
export function topologySignature(model) {
  return [...model.nodes.map((n) => n.id), ...model.edges.map((e) => e.id)].sort().join('\n');
}
