// Span links of a segment (OpenTelemetry's links, kept by the OTLP receiver as X-Ray's
// "links"): one row per link, the linked trace reachable from the console.

/** [{traceId, spanId, href, attributes}] for a segment's links; malformed ones left out. */
export function linkRows(links) {
  if (!Array.isArray(links)) return [];
  return links
    .filter((link) => link && typeof link.trace_id === 'string' && typeof link.id === 'string')
    .map((link) => ({
      traceId: link.trace_id,
      spanId: link.id,
      href: '#/trace/' + encodeURIComponent(link.trace_id),
      attributes: Object.entries(link.attributes || {}).map(([k, v]) => k + '=' + (typeof v === 'string' ? v : JSON.stringify(v))).join(', '),
    }));
}
