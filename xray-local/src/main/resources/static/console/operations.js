// Rate, errors and duration per service and per operation (GET /local/operations, computed
// by xray-local over every stored trace): sortable, ranked by impact; a row opens its
// requests per minute, whose bars open that minute's traces; the Analytics link opens
// Analytics with the row's filter.
import { $, el, svg, showError } from './dom.js';
import { local, chaosEvents } from './api.js';
import { ms, number, percent, rate, hms } from './format.js';
import { withGroup } from './filters.js';
import { operationRows, sortRows, minuteBars } from './operations-model.js';

let rows = [];
let sort = { key: 'impact', descending: true };
let selected = null;
let events = [];
let range = null;

export function init(ctx) {
  document.querySelectorAll('#operations-table th[data-sort]').forEach((th) => th.addEventListener('click', () => {
    const key = th.dataset.sort;
    sort = { key, descending: sort.key === key ? !sort.descending : !['service', 'operation'].includes(key) };
    render(ctx);
  }));
}

export async function load(ctx) {
  const section = $('#view-operations');
  section.dataset.state = 'loading';
  const window = ctx.timeWindow();
  range = { start: window.StartTime, end: Math.min(window.EndTime, Date.now() / 1000) };
  let answer;
  try {
    const [found, chaos] = await Promise.all([
      local('local/operations', { start: window.StartTime, end: window.EndTime, filter: withGroup(ctx.state.group, '') }),
      chaosEvents(window.StartTime),
    ]);
    answer = found;
    events = chaos.events;
  } catch (error) {
    showError($('#operations-info'), error);
    section.dataset.state = 'error';
    return;
  }
  rows = operationRows(answer.rows || []);
  $('#operations-info').textContent = rows.length
    ? number(rows.filter((r) => !r.operation).length) + ' services and resources, ' + number(rows.filter((r) => r.operation).length) + ' operations, ' + hms(window.StartTime) + ' – ' + hms(window.EndTime) + '.'
    : 'No requests in the time range.';
  render(ctx);
  section.dataset.state = 'ready';
}

function render(ctx) {
  document.querySelectorAll('#operations-table th[data-sort]').forEach((th) => {
    th.dataset.sorted = th.dataset.sort === sort.key ? (sort.descending ? 'desc' : 'asc') : '';
  });
  const sorted = sortRows(rows, sort.key, sort.descending);
  $('#operations-table tbody').replaceChildren(...sorted.map((r, i) => el('tr', {
    class: 'clickable' + (r.operation ? ' operation' : ' service-total') + (selected === r.id ? ' selected' : ''),
    dataset: { service: r.service, operation: r.operation || '', rank: i + 1, faultShare: r.faultShare.toFixed(4), ownFaultShare: r.ownFaultShare.toFixed(4), requests: r.requests },
    // the row opens Analytics with its filter; "Minutes" shows its requests per minute here
    onclick: (event) => { if (!event.target.closest('a, button')) ctx.go('analytics', { filter: r.filter }); },
  },
  el('td', {}, r.service, r.type === 'AWS::DynamoDB::Table' ? el('small', { class: 'muted' }, ' DynamoDB table') : null),
  el('td', { class: 'url' }, r.operation || el('i', { class: 'muted' }, 'all operations')),
  el('td', { class: 'num' }, rate(r.perMinute)),
  el('td', { class: 'num' + (r.error ? ' error-text' : '') }, percent(r.errorShare)),
  el('td', { class: 'num' + (r.fault ? ' fault-text' : '') }, percent(r.faultShare)),
  el('td', { class: 'num' + (r.ownFault ? ' fault-text' : '') }, percent(r.ownFaultShare)),
  el('td', { class: 'num' + (r.throttle ? ' throttle-text' : '') }, percent(r.throttleShare)),
  el('td', { class: 'num' }, ms(r.p50)), el('td', { class: 'num' }, ms(r.p90)), el('td', { class: 'num' }, ms(r.p99)),
  el('td', { class: 'num' }, ms(r.impact) + '/min'),
  el('td', {}, el('button', {
    type: 'button', class: 'button small', dataset: { minutes: r.id }, title: 'Requests per minute, with chaos events',
    onclick: () => { selected = r.id; render(ctx); },
  }, 'Minutes'), ' ', el('a', { href: '#/analytics?' + new URLSearchParams({ filter: r.filter }).toString(), class: 'button small', title: r.filter }, 'Analytics')))));
  const current = rows.find((r) => r.id === selected);
  if (current) showChart(ctx, current);
}

/** Requests per minute as bars, faults red, 4xx orange, 429 purple; a bar opens that minute's traces. */
function showChart(ctx, row) {
  const box = $('#operations-chart');
  // the whole time range, so a burst shows as a burst
  const bars = minuteBars(row.series, range && range.start, range && range.end);
  const W = 760;
  const H = 150;
  const chart = svg('svg', { class: 'minute-chart', viewBox: `0 0 ${W} ${H}`, role: 'img' });
  const top = Math.max(1, ...bars.map((b) => b.requests));
  // a bar per minute, never wider than 40 px (an hour of minutes fills the chart)
  const width = Math.min(40, (W - 50) / Math.max(bars.length, 1));
  bars.forEach((b, i) => {
    const x = 40 + i * width;
    const y = (v) => 120 - (v / top) * 105;
    const open = () => ctx.go('traces', { filter: row.filter, start: b.time, end: b.time + 60, groupBy: '' });
    const group = svg('g', { class: 'minute', dataset: { time: b.time, requests: b.requests, faults: b.fault }, onclick: open },
      svg('rect', { class: 'bar', x: x + 1, y: y(b.requests), width: Math.max(2, width - 2), height: 120 - y(b.requests) }),
      ...[['fault', b.fault], ['throttle', b.throttle], ['error', b.error]].reduce((parts, [kind, n]) => {
        const base = parts.base;
        if (n) parts.list.push(svg('rect', { class: 'bar ' + kind, x: x + 1, y: y(base + n), width: Math.max(2, width - 2), height: y(base) - y(base + n) }));
        parts.base += n;
        return parts;
      }, { base: 0, list: [] }).list,
      svg('title', {}, hms(b.time) + ': ' + b.requests + ' requests, ' + b.fault + ' 5xx, ' + b.error + ' 4xx, ' + b.throttle + ' 429; p90 ' + ms(b.p90) + ' (click for the traces)'));
    chart.append(group);
  });
  // chaos events in the chart's minutes that touched this service (or every service)
  if (bars.length) {
    const first = bars[0].time;
    const last = bars[bars.length - 1].time + 60;
    const shown = events.filter((ev) => ev.time >= first && ev.time < last && (!ev.target || ev.target === row.service));
    for (const [i, e] of shown.entries()) {
      const at = 40 + ((e.time - first) / 60) * width;
      chart.append(svg('g', { class: 'chaos-marker', dataset: { action: e.action, target: e.target || '', time: e.time } },
        svg('line', { x1: at, x2: at, y1: 8, y2: 120 }),
        // labels of events close together take turns on three lines
        // near the right edge the label goes to the left of its line
        svg('text', { x: at > W - 160 ? at - 3 : at + 3, y: 16 + (i % 3) * 11, 'text-anchor': at > W - 160 ? 'end' : 'start' }, e.action + (e.target ? ' ' + e.target : '')),
        svg('title', {}, e.action + ' ' + (e.target || 'all') + ' at ' + hms(e.time))));
    }
  }
  chart.append(svg('text', { class: 'axis', x: 36, y: 20, 'text-anchor': 'end' }, String(top)));
  chart.append(svg('text', { class: 'axis', x: 36, y: 120, 'text-anchor': 'end' }, '0'));
  if (bars.length) {
    chart.append(svg('text', { class: 'axis', x: 40, y: 140 }, hms(bars[0].time)));
    chart.append(svg('text', { class: 'axis', x: 40 + bars.length * width, y: 140, 'text-anchor': 'end' }, hms(bars[bars.length - 1].time + 60)));
  }
  box.replaceChildren(el('h3', {}, row.service + (row.operation ? ' · ' + row.operation : ''), ': requests per minute'), chart);
  box.hidden = false;
  box.dataset.row = row.id;
}
