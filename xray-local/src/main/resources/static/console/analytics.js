// Analytics, as the X-Ray console's page: for a filter (or group) and a time range, the
// response-time distribution, requests / 4xx / 5xx / 429 and latency percentiles over
// time, and a breakdown by a chosen key; two filters or two time ranges side by side with
// what changed. Chaos events are markers on the time series.
import { $, el, showError } from './dom.js';
import { allSummaries, chaosEvents } from './api.js';
import { ms, number, percent, rate, hms } from './format.js';
import { withGroup, andCondition, latencyCondition } from './filters.js';
import {
  timeSeries, periodFor, summarize, deltas, breakdown, compareBreakdowns, annotationKeys, hasRootCauses, BREAKDOWNS,
  responseTimeHistogram, eventsFor, ROOT_CAUSE_KIND,
} from './stats.js';
import { histogramChart, timeChart, legend, COUNT_LINES, LATENCY_LINES } from './charts.js';

const MAX = 3000;

export function init(ctx) {
  $('#analytics-form').addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.go('analytics', formParams());
  });
  $('#analytics-compare').addEventListener('change', () => showCompareInputs($('#analytics-compare').value));
  $('#analytics-by').addEventListener('change', () => ctx.go('analytics', formParams()));
}

function formParams() {
  const params = {};
  const put = (key, value) => { if (value !== undefined && value !== null && String(value).trim() !== '') params[key] = String(value).trim(); };
  put('filter', $('#analytics-filter').value);
  put('by', $('#analytics-by').value);
  const compare = $('#analytics-compare').value;
  put('compare', compare);
  if (compare === 'filter') put('filterB', $('#analytics-filter-b').value);
  // A's range only when it was edited (or in a time comparison): otherwise the range
  // control's "last N minutes" keeps moving with the clock
  const aStart = $('#analytics-a-start');
  const aEnd = $('#analytics-a-end');
  if (compare === 'time' || aStart.value !== aStart.dataset.filled || aEnd.value !== aEnd.dataset.filled) {
    put('aStart', fromLocal(aStart.value));
    put('aEnd', fromLocal(aEnd.value));
  }
  if (compare === 'time') {
    put('bStart', fromLocal($('#analytics-b-start').value));
    put('bEnd', fromLocal($('#analytics-b-end').value));
  }
  return params;
}

function showCompareInputs(compare) {
  $('#analytics-filter-b-row').hidden = compare !== 'filter';
  $('#analytics-b-range').hidden = compare !== 'time';
}

/** datetime-local text (local time, seconds) from epoch seconds, and back. */
function toLocal(epoch) {
  const d = new Date(epoch * 1000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function fromLocal(text) {
  if (!text) return '';
  const t = new Date(text).getTime();
  return Number.isFinite(t) ? String(Math.round(t / 1000)) : '';
}

/** The sides to show: one, or two with their own filter and window. */
function sides(ctx) {
  const p = ctx.state.route.params;
  const win = ctx.timeWindow();
  const compare = p.get('compare') || '';
  const own = p.get('filter') || '';
  const num = (k, fallback) => (p.has(k) && Number.isFinite(Number(p.get(k))) ? Number(p.get(k)) : fallback);
  if (compare === 'time') {
    const length = win.EndTime - win.StartTime;
    const a = { label: 'A', filter: own, start: num('aStart', win.StartTime - length), end: num('aEnd', win.StartTime) };
    const b = { label: 'B', filter: own, start: num('bStart', win.StartTime), end: num('bEnd', win.EndTime) };
    return { compare, list: [a, b] };
  }
  const a = { label: 'A', filter: own, start: num('aStart', win.StartTime), end: num('aEnd', win.EndTime) };
  if (compare === 'filter') return { compare, list: [a, { label: 'B', filter: p.get('filterB') || '', start: a.start, end: a.end }] };
  return { compare: '', list: [a] };
}

export async function load(ctx) {
  const p = ctx.state.route.params;
  const section = $('#view-analytics');
  section.dataset.state = 'loading';
  const { compare, list } = sides(ctx);
  if (document.activeElement !== $('#analytics-filter')) $('#analytics-filter').value = p.get('filter') || '';
  $('#analytics-filter-b').value = p.get('filterB') || '';
  $('#analytics-compare').value = compare;
  showCompareInputs(compare);
  for (const [id, value] of [['#analytics-a-start', list[0].start], ['#analytics-a-end', list[0].end]]) {
    $(id).value = toLocal(value);
    $(id).dataset.filled = $(id).value;
  }
  if (compare === 'time') {
    $('#analytics-b-start').value = toLocal(list[1].start);
    $('#analytics-b-end').value = toLocal(list[1].end);
  }
  const errorBox = $('#analytics-error');
  let results;
  try {
    const since = Math.min(...list.map((s) => s.start));
    const [chaos, ...found] = await Promise.all([
      chaosEvents(since),
      ...list.map((s) => allSummaries(s.start, s.end, withGroup(ctx.state.group, s.filter), MAX)),
    ]);
    results = list.map((s, i) => ({ ...s, ...found[i], events: eventsFor(chaos.events, s.start, s.end) }));
  } catch (error) {
    showError(errorBox, error, error.message.includes('position') ? (p.get('filter') || '') : '');
    section.dataset.state = 'error';
    return;
  }
  errorBox.hidden = true;
  const all = results.flatMap((r) => r.summaries);
  const by = fillBreakdownSelect(all, p.get('by') || 'url');
  for (const r of results) {
    r.totals = summarize(r.summaries, r.end - r.start);
    r.rows = breakdown(r.summaries, by);
  }
  $('#analytics-sides').replaceChildren(...results.map((r) => side(ctx, r, results.length > 1)));
  $('#analytics-sides').classList.toggle('two', results.length > 1);
  $('#analytics-compare-box').replaceChildren(...(results.length > 1 ? comparison(results[0], results[1], by, compare) : []));
  section.dataset.state = 'ready';
  section.dataset.sides = results.length;
}

function fillBreakdownSelect(summaries, chosen) {
  const select = $('#analytics-by');
  const roots = hasRootCauses(summaries, 'Fault');
  const options = Object.entries(BREAKDOWNS).map(([key, b]) => {
    const off = ROOT_CAUSE_KIND[key] && !hasRootCauses(summaries, ROOT_CAUSE_KIND[key]);
    const option = new Option(b.label + (off ? ' (no root causes in these traces)' : ''), key);
    option.disabled = off;
    return option;
  });
  const keys = annotationKeys(summaries);
  if (chosen.startsWith('annotation:') && !keys.includes(chosen.slice(11))) keys.push(chosen.slice(11));
  for (const k of keys) options.push(new Option('Annotation ' + k, 'annotation:' + k));
  select.replaceChildren(...options);
  const valid = options.find((o) => o.value === chosen && !o.disabled);
  select.value = valid ? chosen : 'url';
  select.dataset.rootCauses = String(roots);
  return select.value;
}

function side(ctx, r, paired) {
  const t = r.totals;
  const card = (label, value, cls) => el('div', { class: 'stat ' + (cls || '') }, el('b', {}, value), el('span', {}, label));
  const period = periodFor(r.end - r.start, 40);
  // drawn about the size they are shown: a third of the page alone, half of it in a pair
  const size = paired ? { width: 640, height: 190 } : { width: 420, height: 200 };
  const series = timeSeries(r.summaries, r.start, r.end, period);
  // a point of a chart opens the traces of its period, with this side's filter
  const openPeriod = (from, to) => ctx.go('traces', { filter: r.filter, start: from, end: to, groupBy: '' });
  const histogram = histogramChart(responseTimeHistogram(r.summaries), (low, high) => {
    ctx.go('traces', { filter: andCondition(r.filter, latencyCondition(low, high)) });
  });
  return el('section', { class: 'side panel', dataset: { side: r.label, count: r.summaries.length } },
    el('h2', {}, paired ? el('span', { class: 'side-tag' }, r.label) : null, r.filter || 'All traces'),
    el('p', { class: 'muted' }, hms(r.start) + ' – ' + hms(r.end) + ' · ' + number(r.summaries.length) + (r.more ? '+' : '') + ' traces',
      r.more ? ' (the newest ' + number(r.summaries.length) + ')' : ''),
    el('div', { class: 'stat-row wide' },
      card('Requests/min', rate(t.perMinute)), card('4xx', percent(t.errorShare), 'error'), card('5xx', percent(t.faultShare), 'fault'),
      card('429', percent(t.throttleShare), 'throttle'), card('p50', ms(t.p50)), card('p99', ms(t.p99))),
    el('div', { class: 'chart-grid' },
      el('div', {},
        el('h3', {}, 'Response time distribution'),
        el('p', { class: 'hint small' }, 'Drag over the bars to see the traces in that range.'),
        histogram),
      el('div', {},
        el('h3', {}, 'Requests and errors per ' + periodLabel(period)),
        timeChart(series, COUNT_LINES, { start: r.start, end: r.end, events: r.events, id: 'counts-' + r.label, ...size, onPeriod: openPeriod }),
        legend(COUNT_LINES)),
      el('div', {},
        el('h3', {}, 'Response time percentiles per ' + periodLabel(period)),
        timeChart(series, LATENCY_LINES, { start: r.start, end: r.end, events: r.events, format: ms, id: 'latency-' + r.label, ...size, onPeriod: openPeriod }),
        legend(LATENCY_LINES))),
    r.events.length ? el('ul', { class: 'chaos-list' }, r.events.map((e) => el('li', {}, el('b', {}, e.action), ' ', e.target || 'all', ' at ', hms(e.time)))) : null,
    paired ? null : breakdownTable(r.rows));
}

const periodLabel = (seconds) => (seconds < 60 ? seconds + ' s' : seconds < 3600 ? seconds / 60 + ' min' : seconds / 3600 + ' h');

function breakdownTable(rows) {
  return el('table', { class: 'grid breakdown', id: 'analytics-breakdown' },
    el('thead', {}, el('tr', {}, el('th', {}, $('#analytics-by').selectedOptions[0].textContent), ...['Traces', 'OK', '4xx', '5xx', '429', 'p50', 'p90', 'p99'].map((h) => el('th', { class: 'num' }, h)))),
    el('tbody', {}, rows.slice(0, 50).map((row) => el('tr', { dataset: { key: row.key } },
      el('td', { class: 'wrap' }, row.key), el('td', { class: 'num' }, number(row.requests)), el('td', { class: 'num' }, number(row.ok)),
      el('td', { class: 'num' }, number(row.error)), el('td', { class: 'num' }, number(row.fault)), el('td', { class: 'num' }, number(row.throttle)),
      el('td', { class: 'num' }, ms(row.p50)), el('td', { class: 'num' }, ms(row.p90)), el('td', { class: 'num' }, ms(row.p99))))));
}

const METRICS = [
  ['requests', 'Traces', (v) => number(v), (d) => signed(d, number)],
  ['perMinute', 'Requests/min', rate, (d) => signed(d, (v) => v.toFixed(1))],
  ['errorShare', '4xx share', percent, (d) => signed(d * 100, (v) => v.toFixed(1) + ' pts')],
  ['faultShare', '5xx share', percent, (d) => signed(d * 100, (v) => v.toFixed(1) + ' pts')],
  ['throttleShare', '429 share', percent, (d) => signed(d * 100, (v) => v.toFixed(1) + ' pts')],
  ['p50', 'p50', ms, (d) => signed(d, ms)],
  ['p90', 'p90', ms, (d) => signed(d, ms)],
  ['p95', 'p95', ms, (d) => signed(d, ms)],
  ['p99', 'p99', ms, (d) => signed(d, ms)],
];

function signed(d, format) {
  if (!Number.isFinite(d)) return '–';
  if (d === 0) return '±0';
  return (d > 0 ? '+' : '−') + format(Math.abs(d));
}

/** Which way is worse: more faults, errors, throttles or time; fewer requests is neutral. */
const worseWhenUp = new Set(['errorShare', 'faultShare', 'throttleShare', 'p50', 'p90', 'p95', 'p99']);

function comparison(a, b, by, compare) {
  const d = deltas(a.totals, b.totals);
  const heading = compare === 'time' ? 'What changed from A (' + hms(a.start) + '–' + hms(a.end) + ') to B (' + hms(b.start) + '–' + hms(b.end) + ')' : 'What differs from A to B';
  const metrics = el('table', { class: 'grid compare', id: 'analytics-deltas' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Measure'), el('th', { class: 'num' }, 'A'), el('th', { class: 'num' }, 'B'), el('th', { class: 'num' }, 'Change'))),
    el('tbody', {}, METRICS.map(([key, label, format, change]) => {
      const v = d[key];
      const cls = !Number.isFinite(v) || v === 0 || !worseWhenUp.has(key) ? '' : (v > 0 ? 'worse' : 'better');
      return el('tr', { dataset: { metric: key, delta: Number.isFinite(v) ? v : '' } },
        el('td', {}, label), el('td', { class: 'num' }, format(a.totals[key])), el('td', { class: 'num' }, format(b.totals[key])),
        el('td', { class: 'num delta ' + cls }, change(v)));
    })));
  const rows = compareBreakdowns(a.rows, b.rows).slice(0, 50);
  const table = el('table', { class: 'grid breakdown', id: 'analytics-breakdown' },
    el('thead', {}, el('tr', {}, el('th', {}, $('#analytics-by').selectedOptions[0].textContent),
      ...['A traces', 'B traces', 'Change', 'A 5xx', 'B 5xx', 'Change', 'A p90', 'B p90'].map((h) => el('th', { class: 'num' }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', { dataset: { key: r.key } },
      el('td', { class: 'wrap' }, r.key),
      el('td', { class: 'num' }, number(r.a ? r.a.requests : 0)), el('td', { class: 'num' }, number(r.b ? r.b.requests : 0)),
      el('td', { class: 'num delta' }, signed(r.requestsDelta, number)),
      el('td', { class: 'num' }, number(r.a ? r.a.fault : 0)), el('td', { class: 'num' }, number(r.b ? r.b.fault : 0)),
      el('td', { class: 'num delta ' + (r.faultDelta > 0 ? 'worse' : r.faultDelta < 0 ? 'better' : '') }, signed(r.faultDelta, number)),
      el('td', { class: 'num' }, r.a ? ms(r.a.p90) : '–'), el('td', { class: 'num' }, r.b ? ms(r.b.p90) : '–')))));
  return [el('h2', {}, heading), metrics, el('h2', {}, 'Breakdown by ' + $('#analytics-by').selectedOptions[0].textContent), table];
}
