// The operations table's numbers from GET /local/operations' rows: shares, sorting, and the
// minutes of a row's chart with the empty ones filled in. Pure.

/** Rows with an id and their 4xx / 5xx / 429 shares. */
export function operationRows(answer) {
  return answer.map((r) => ({
    ...r,
    id: r.type + '|' + r.service + '|' + (r.operation || ''),
    errorShare: r.requests ? r.error / r.requests : 0,
    faultShare: r.requests ? r.fault / r.requests : 0,
    ownFaultShare: r.requests ? r.ownFault / r.requests : 0,
    throttleShare: r.requests ? r.throttle / r.requests : 0,
  }));
}

const SHARES = { errorShare: 'error', faultShare: 'fault', ownFaultShare: 'ownFault', throttleShare: 'throttle' };

/**
 * The lower bound of the Wilson score interval (95%) of a share of n: what the share is at
 * least, given how few requests it rests on. 1 failure in 1 request ranks below 15 in 30.
 */
export function wilsonLower(count, n, z = 1.96) {
  if (!n) return 0;
  const p = count / n;
  const z2 = z * z;
  return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
}

/**
 * Sorted by a column. Shares sort by their Wilson lower bound, so a row's rank needs the
 * requests to back it; ties keep more requests first, then the names.
 */
export function sortRows(rows, key, descending = true) {
  const text = key === 'service' || key === 'operation';
  const share = SHARES[key];
  const value = (r) => (text ? String(r[key] || '') : share ? wilsonLower(r[share], r.requests)
    : Number.isFinite(r[key]) ? r[key] : -Infinity);
  return rows.slice().sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = text ? x.localeCompare(y) : x - y;
    return (descending ? -order : order) || b.requests - a.requests || a.service.localeCompare(b.service)
      || String(a.operation || '').localeCompare(String(b.operation || ''));
  });
}

/**
 * Every minute of [start, end] (epoch seconds; the series' own first and last minute when
 * not given), the quiet ones with zero requests.
 */
export function minuteBars(series, start, end) {
  if (!series || !series.length) return [];
  const byTime = new Map(series.map((p) => [p.time, p]));
  const first = Math.min(series[0].time, start !== undefined ? Math.floor(start / 60) * 60 : Infinity);
  const last = Math.max(series[series.length - 1].time, end !== undefined ? Math.floor(end / 60) * 60 : -Infinity);
  const bars = [];
  for (let t = first; t <= last; t += 60) {
    bars.push(byTime.get(t) || { time: t, requests: 0, error: 0, fault: 0, throttle: 0, p50: NaN, p90: NaN, p99: NaN });
  }
  return bars;
}
