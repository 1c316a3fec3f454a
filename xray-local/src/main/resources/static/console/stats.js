// Histogram and percentile maths, time series and breakdowns of trace summaries. Pure.
import { summaryHealth } from './model.js';

/** X-Ray histogram entries ({Value: seconds, Count}) sorted by value, empty buckets dropped. */
export function sortedEntries(entries) {
  return (entries || []).filter((e) => e.Count > 0).slice().sort((a, b) => a.Value - b.Value);
}

/**
 * Equal-width bars from the smallest to the largest value, at most maxBars of them:
 * {min, max, width, bars: [{low, high, count}]}; null when there is nothing.
 */
export function histogramBars(entries, maxBars = 40) {
  const sorted = sortedEntries(entries);
  if (!sorted.length) return null;
  const min = sorted[0].Value;
  const max = sorted[sorted.length - 1].Value;
  const n = max > min ? Math.min(maxBars, Math.max(1, sorted.length)) : 1;
  const width = (max - min) / n || 0;
  const bars = Array.from({ length: n }, (_, i) => ({ low: min + i * width, high: i === n - 1 ? max : min + (i + 1) * width, count: 0 }));
  for (const e of sorted) {
    const i = width ? Math.min(n - 1, Math.floor((e.Value - min) / width)) : 0;
    bars[i].count += e.Count;
  }
  return { min, max, width, bars };
}

/** Nearest-rank percentile (p in 0..100) of numbers already sorted ascending. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Percentile from histogram entries: the first bucket value where the running count reaches p%. */
export function histogramPercentile(entries, p) {
  const sorted = sortedEntries(entries);
  const total = sorted.reduce((sum, e) => sum + e.Count, 0);
  if (!total) return NaN;
  const need = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const e of sorted) {
    seen += e.Count;
    if (seen >= need) return e.Value;
  }
  return sorted[sorted.length - 1].Value;
}

export const PERCENTILES = [50, 90, 95, 99];

const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 86400];

/** A round bucket length giving about `buckets` buckets over the range. */
export function periodFor(rangeSeconds, buckets = 60) {
  const want = rangeSeconds / buckets;
  return STEPS.find((s) => s >= want) || STEPS[STEPS.length - 1];
}

/** 'fault' | 'throttle' | 'error' | 'ok' for a summary; partial traces count as OK. */
export function outcome(summary) {
  const h = summaryHealth(summary);
  return h === 'partial' ? 'ok' : h;
}

function tally(summaries) {
  const times = summaries.map((s) => s.ResponseTime || 0).sort((a, b) => a - b);
  const t = { requests: summaries.length, ok: 0, error: 0, fault: 0, throttle: 0 };
  for (const s of summaries) t[outcome(s)]++;
  for (const p of PERCENTILES) t['p' + p] = percentile(times, p);
  t.avg = times.length ? times.reduce((a, b) => a + b, 0) / times.length : NaN;
  return t;
}

/**
 * Buckets of `period` seconds from start to end: requests, OK, 4xx, 5xx and 429 counts
 * and the response-time percentiles of the traces that started in each.
 */
export function timeSeries(summaries, start, end, period) {
  const first = Math.floor(start / period) * period;
  const n = Math.max(1, Math.ceil((end - first) / period));
  const groups = Array.from({ length: n }, () => []);
  for (const s of summaries) {
    const i = Math.floor(((s.StartTime || 0) - first) / period);
    if (i >= 0 && i < n) groups[i].push(s);
  }
  return groups.map((g, i) => ({ time: first + i * period, period, ...tally(g) }));
}

/** Totals of a set of summaries over a window of `seconds`: counts, shares, percentiles, rate. */
export function summarize(summaries, seconds) {
  const t = tally(summaries);
  const share = (k) => (t.requests ? t[k] / t.requests : NaN);
  return { ...t, perMinute: t.requests / Math.max(seconds / 60, 1 / 60), okShare: share('ok'), errorShare: share('error'), faultShare: share('fault'), throttleShare: share('throttle') };
}

/** b minus a for every number both have; what changed from one side to the other. */
export function deltas(a, b) {
  const out = {};
  for (const key of Object.keys(a)) {
    if (typeof a[key] === 'number' && typeof b[key] === 'number') out[key] = b[key] - a[key];
  }
  return out;
}

function annotationText(value) {
  if (!value) return '(none)';
  if (value.StringValue !== undefined && value.StringValue !== null) return value.StringValue;
  if (value.NumberValue !== undefined && value.NumberValue !== null) return String(value.NumberValue);
  if (value.BooleanValue !== undefined && value.BooleanValue !== null) return String(value.BooleanValue);
  return '(none)';
}

/** "service › entity · Exception" for each root cause of a kind (Fault, Error, ResponseTime). */
export function rootCauseKeys(summary, kind = 'Fault') {
  const causes = summary[kind + 'RootCauses'] || [];
  const keys = [];
  for (const cause of causes) {
    for (const service of cause.Services || []) {
      const path = service.EntityPath || [];
      const last = path[path.length - 1];
      const exception = last && last.Exceptions && last.Exceptions[0];
      let key = service.Name || '(unknown)';
      if (last && last.Name && last.Name !== service.Name) key += ' › ' + last.Name;
      if (exception && exception.Name) key += ' · ' + exception.Name;
      keys.push(key);
    }
  }
  return keys;
}

export function hasRootCauses(summaries, kind = 'Fault') {
  return summaries.some((s) => Array.isArray(s[kind + 'RootCauses']));
}

/** Breakdown keys: each returns one key or several (a trace counts once per key it has). */
export const BREAKDOWNS = {
  url: { label: 'URL', keys: (s) => [(s.Http && s.Http.HttpURL) || '(none)'] },
  status: { label: 'Status code', keys: (s) => [String((s.Http && s.Http.HttpStatus) || '(none)')] },
  method: { label: 'Method', keys: (s) => [(s.Http && s.Http.HttpMethod) || '(none)'] },
  entry: { label: 'Entry service', keys: (s) => [(s.EntryPoint && s.EntryPoint.Name) || '(none)'] },
  service: { label: 'Service', keys: (s) => [...new Set((s.ServiceIds || []).map((id) => id.Name))] },
  rootcause: { label: 'Fault root cause', keys: (s) => rootCauseKeys(s, 'Fault') },
  errorcause: { label: 'Error root cause', keys: (s) => rootCauseKeys(s, 'Error') },
  timecause: { label: 'Response time root cause', keys: (s) => rootCauseKeys(s, 'ResponseTime') },
};

/** The summaries' field behind each root-cause breakdown. */
export const ROOT_CAUSE_KIND = { rootcause: 'Fault', errorcause: 'Error', timecause: 'ResponseTime' };

/** The breakdown for `by`: a key of BREAKDOWNS or "annotation:<Key>". */
export function breakdownKeys(by) {
  if (by && by.startsWith('annotation:')) {
    const name = by.slice('annotation:'.length);
    return (s) => {
      const values = (s.Annotations || {})[name] || [];
      return values.length ? values.map((v) => annotationText(v.AnnotationValue)) : ['(none)'];
    };
  }
  return (BREAKDOWNS[by] || BREAKDOWNS.url).keys;
}

/** Rows {key, requests, ok, error, fault, throttle, avg, p50..p99}, most requests first. */
export function breakdown(summaries, by) {
  const keysOf = breakdownKeys(by);
  const groups = new Map();
  for (const s of summaries) {
    for (const key of keysOf(s)) {
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(s);
    }
  }
  return [...groups.entries()].map(([key, list]) => ({ key, ...tally(list) }))
    .sort((a, b) => b.requests - a.requests || String(a.key).localeCompare(String(b.key)));
}

export function annotationKeys(summaries) {
  const keys = new Set();
  for (const s of summaries) Object.keys(s.Annotations || {}).forEach((k) => keys.add(k));
  return [...keys].sort();
}

/** Breakdown rows of two sides joined by key, with the change in requests and in faults. */
export function compareBreakdowns(a, b) {
  const byKey = new Map();
  for (const row of a) byKey.set(row.key, { key: row.key, a: row, b: null });
  for (const row of b) {
    const entry = byKey.get(row.key) || { key: row.key, a: null, b: null };
    entry.b = row;
    byKey.set(row.key, entry);
  }
  const n = (row, k) => (row ? row[k] : 0);
  return [...byKey.values()].map((e) => ({ ...e, requestsDelta: n(e.b, 'requests') - n(e.a, 'requests'), faultDelta: n(e.b, 'fault') - n(e.a, 'fault') }))
    .sort((x, y) => (n(y.a, 'requests') + n(y.b, 'requests')) - (n(x.a, 'requests') + n(x.b, 'requests')) || String(x.key).localeCompare(String(y.key)));
}

/** Chaos events within [start, end) that touch a node (by name) or every node (no target). */
export function eventsFor(events, start, end, name) {
  return (events || []).filter((e) => e.time >= start && e.time < end && (name === undefined || !e.target || e.target === name));
}

/**
 * The width of the histogram bucket whose lower edge is `value`, as xray-local counts
 * response times: 0.1 ms wide below 10 ms, 1 ms below 100 ms, 10 ms below 1 s, 100 ms
 * below 10 s, 1 s below 100 s, one open bucket beyond.
 */
export function bucketWidth(value) {
  for (const [limit, width] of [[0.01, 1e-4], [0.1, 1e-3], [1, 1e-2], [10, 0.1], [100, 1]]) if (value < limit - 1e-9) return width;
  return Infinity;
}

/** The lower edge of the bucket a response time falls in (the same buckets). */
export function bucketOf(seconds) {
  const width = bucketWidth(seconds + 1e-6);
  if (!Number.isFinite(width)) return 100;
  return Math.round(Math.floor(seconds / width + 1e-6) * width * 1e7) / 1e7;
}

/**
 * The response times a range of histogram bars stands for: from the first bar's lower
 * edge to the end of the last bar's bucket (a little below the edge for times stored as
 * 0.0699999...). Null for no upper bound.
 */
export function bucketRange(low, high) {
  const width = bucketWidth(high);
  return { low: Math.max(0, low - 1e-6), high: Number.isFinite(width) ? high + width : null };
}

/** Response times of summaries as X-Ray histogram entries, in xray-local's buckets. */
export function responseTimeHistogram(summaries) {
  const counts = new Map();
  for (const s of summaries) {
    const v = bucketOf(s.ResponseTime || 0);
    counts.set(v, (counts.get(v) || 0) + 1);
  }
  return [...counts.entries()].map(([Value, Count]) => ({ Value, Count })).sort((a, b) => a.Value - b.Value);
}

/**
 * GetTimeSeriesServiceStatistics' answer as the points timeChart draws: counts and
 * percentiles (from each period's histogram) per period, oldest first.
 */
export function statisticsSeries(items, period) {
  return (items || []).map((item) => {
    const stats = item.ServiceSummaryStatistics || item.EdgeSummaryStatistics || {};
    const errors = stats.ErrorStatistics || {};
    const faults = stats.FaultStatistics || {};
    const histogram = item.ResponseTimeHistogram || [];
    const point = {
      time: Number(item.Timestamp), period, requests: stats.TotalCount || 0, ok: stats.OkCount || 0,
      error: errors.OtherCount || 0, throttle: errors.ThrottleCount || 0, fault: faults.TotalCount || 0,
      avg: stats.TotalCount ? stats.TotalResponseTime / stats.TotalCount : NaN,
    };
    for (const p of PERCENTILES) point['p' + p] = histogramPercentile(histogram, p);
    return point;
  }).sort((a, b) => a.time - b.time);
}
