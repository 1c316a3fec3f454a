// One trace: its facts, its own map, its critical path, the timeline of segments and
// subsegments (timeline-view.js), an entity's details.
import { $, el, kvList, jsonBlock } from './dom.js';
import { api } from './api.js';
import { ms, clock } from './format.js';
import { statusClass } from './model.js';
import { timelineRows, entityHealth } from './timeline.js';
import { linkRows } from './links.js';
import { criticalPath } from './critical-path.js';
import { targetOf } from './trace-diff.js';
import { renderTimeline } from './timeline-view.js';
import { traceMapLayout, traceMapSvg } from './trace-map.js';

let view = null;

export async function load(ctx) {
  const id = ctx.state.route.id;
  const section = $('#view-trace');
  section.dataset.state = 'loading';
  $('#trace-title').textContent = 'Trace ' + id;
  $('#trace-compare').href = '#/compare?a=' + encodeURIComponent(id);
  const [result, graph] = await Promise.all([api('/Traces', { TraceIds: [id] }), api('/TraceGraph', { TraceIds: [id] }).catch(() => null)]);
  const trace = (result.Traces || [])[0];
  if (!trace) {
    $('#trace-facts').replaceChildren(el('div', {}, el('dd', {}, 'No trace with this id is stored (it may have been evicted).')));
    $('#timeline').replaceChildren();
    $('#trace-map').replaceChildren();
    $('#critical-path').replaceChildren();
    $('#segment-details').replaceChildren();
    $('#trace-raw').textContent = '';
    section.dataset.state = 'missing';
    return;
  }
  const documents = trace.Segments.map((s) => JSON.parse(s.Document));
  const rows = timelineRows(documents);
  const critical = criticalPath(rows);
  renderTraceFacts(trace, documents, rows);
  renderCriticalPath(rows, critical);
  const timeline = $('#timeline');
  view = renderTimeline(timeline, rows, $('#critical-toggle').checked ? critical : null, selectEntity);
  $('#critical-toggle').onchange = () => {
    view = renderTimeline(timeline, rows, $('#critical-toggle').checked ? critical : null, selectEntity);
  };
  renderTraceMap(graph, rows);
  // the raw JSON of a very large trace is only written out when someone opens it
  const raw = $('#trace-raw');
  raw.textContent = '';
  raw.closest('details').ontoggle = (event) => {
    if (event.target.open && !raw.textContent) raw.textContent = JSON.stringify(documents, null, 2);
  };
  if (raw.closest('details').open) raw.textContent = JSON.stringify(documents, null, 2);
  selectEntity(rows[0]);
  section.dataset.state = 'ready';
  section.dataset.traceId = trace.Id;
}

/** "frontend 12 ms → recommenderservice 805 ms → …": the path's entities, each with its self time. */
function renderCriticalPath(rows, critical) {
  const box = $('#critical-path');
  const byIndex = new Map();
  for (const p of critical.pieces) if (!byIndex.has(p.index)) byIndex.set(p.index, p);
  const steps = [...byIndex.values()]
    .map((p) => ({ index: p.index, row: rows[p.index], self: critical.selfTime.get(p.index) }))
    .filter((s) => s.self >= Math.max(critical.total * 0.01, 1e-4))
    .sort((a, b) => a.index - b.index);
  const top = steps.slice().sort((a, b) => b.self - a.self)[0];
  box.replaceChildren(el('strong', {}, 'Critical path '), el('span', { class: 'muted' }, '(' + ms(critical.total) + '; self time of each piece, 1% and more): '),
    ...steps.flatMap((s, i) => [i ? ' → ' : null, el('button', {
      type: 'button', class: 'cp-step' + (s === top ? ' top' : ''),
      dataset: { index: s.index, service: s.row.service, target: targetOf(s.row), name: s.row.entity.name, selfMs: (s.self * 1000).toFixed(3) },
      onclick: () => { view.scrollTo(s.index); selectEntity(s.row); },
    }, s.row.entity.name + (s.row.kind === 'subsegment' && s.row.service !== s.row.entity.name ? ' (' + s.row.service + ')' : ''), ' ', el('b', {}, ms(s.self)))]).filter(Boolean));
  box.dataset.services = [...new Set(steps.flatMap((s) => [s.row.service, targetOf(s.row)]))].join(',');
  // where the most time on the path went: the service itself, or the callee of a call
  box.dataset.top = top ? targetOf(top.row) : '';
}

function renderTraceMap(graph, rows) {
  const box = $('#trace-map');
  if (!graph || !(graph.Services || []).length) { box.replaceChildren(); return; }
  const layout = traceMapLayout(graph);
  box.replaceChildren(traceMapSvg(layout, (node) => {
    const index = rows.findIndex((r) => (node.kind === 'inferred' ? r.kind === 'inferred' : r.kind === 'segment') && r.entity.name === node.name);
    const fallback = index >= 0 ? index : rows.findIndex((r) => r.service === node.name || r.entity.name === node.name);
    if (fallback < 0) return;
    view.scrollTo(fallback);
    selectEntity(rows[fallback]);
  }));
  box.dataset.nodes = layout.nodes.map((n) => n.name).join(',');
}

function renderTraceFacts(trace, documents, rows) {
  const start = Math.min(...rows.map((r) => r.entity.start_time || Infinity));
  const entry = rows.find((r) => r.kind === 'segment');
  const http = (entry && entry.entity.http) || {};
  const request = http.request || {};
  const response = http.response || {};
  const fact = (label, value) => el('div', {}, el('dt', {}, label), el('dd', {}, value));
  const worst = ['fault', 'throttle', 'error', 'partial'].find((h) => rows.some((r) => entityHealth(r.entity) === h)) || 'ok';
  // replaceChildren would print a null as "null": the facts a trace lacks are left out
  $('#trace-facts').replaceChildren(...[
    fact('Started', clock(start)),
    fact('Duration', ms(trace.Duration)),
    entry ? fact('Entry', entry.entity.name) : null,
    request.method ? fact('Request', request.method + ' ' + (request.url || '')) : null,
    response.status ? fact('Status', el('span', { class: 'badge ' + statusClass(Number(response.status)) }, response.status)) : null,
    fact('Segments', String(documents.filter((d) => !d.inferred).length)),
    fact('Health', el('span', { class: 'badge ' + worst }, worst))].filter(Boolean));
}

function selectEntity(row) {
  if (!row) return;
  document.querySelectorAll('#timeline .tl-row.selected').forEach((r) => r.classList.remove('selected'));
  $('#timeline').dataset.selected = row.entity.id;
  const rowEl = document.querySelector('#timeline .tl-row[data-segment-id="' + row.entity.id + '"]');
  if (rowEl) rowEl.classList.add('selected');
  const e = row.entity;
  const panel = $('#segment-details');
  const tabs = [
    ['overview', 'Overview', () => overview(row)],
    ['http', 'Request & response', () => httpTab(e), !!e.http],
    ['resources', 'Resources', () => resourcesTab(e), !!(e.aws || e.origin || e.sql)],
    ['annotations', 'Annotations', () => kvTable(e.annotations), !!(e.annotations && Object.keys(e.annotations).length)],
    ['metadata', 'Metadata', () => jsonBlock(e.metadata), !!e.metadata],
    ['exceptions', 'Exceptions', () => exceptionsTab(e.cause), !!e.cause],
    ['links', 'Links', () => linksTab(e.links), linkRows(e.links).length > 0],
    ['raw', 'Raw JSON', () => jsonBlock(withoutChildren(e))],
  ];
  const content = el('div', { class: 'tab-content' });
  const bar = el('div', { class: 'detail-tabs', role: 'tablist' });
  const show = (key) => {
    bar.querySelectorAll('button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === key)));
    content.replaceChildren(tabs.find((t) => t[0] === key)[2]());
    panel.dataset.tab = key;
  };
  for (const [key, label, , present] of tabs) {
    bar.append(el('button', { type: 'button', role: 'tab', dataset: { tab: key }, disabled: present === false, onclick: () => show(key) }, label));
  }
  panel.replaceChildren(el('h3', {}, e.name), el('p', { class: 'kind' }, row.kind + (e.namespace ? ' · ' + e.namespace : '')), bar, content);
  panel.dataset.segmentName = e.name;
  show('overview');
}

function withoutChildren(e) {
  const copy = { ...e };
  if (copy.subsegments) copy.subsegments = copy.subsegments.map((s) => '… ' + s.name + ' (' + s.id + ')');
  return copy;
}


function overview(row) {
  const e = row.entity;
  const flags = ['error', 'fault', 'throttle'].filter((f) => e[f]);
  return kvList([
    ['Name', e.name], ['Id', el('code', {}, e.id)], ['Parent id', e.parent_id ? el('code', {}, e.parent_id) : null],
    ['Kind', row.kind], ['Namespace', e.namespace], ['Origin', e.origin],
    ['Start', clock(e.start_time)], ['End', e.end_time ? clock(e.end_time) : 'in progress'],
    ['Duration', e.end_time ? ms(e.end_time - e.start_time) : 'in progress'],
    ['Flags', flags.length ? flags.join(', ') : 'none'], ['User', e.user],
    ['Service version', e.service && e.service.version], ['Subsegments', e.subsegments ? String(e.subsegments.length) : null],
  ]);
}

function httpTab(e) {
  const http = e.http || {};
  const req = http.request || {};
  const res = http.response || {};
  return el('div', {},
    el('strong', {}, 'Request'),
    kvList([['Method', req.method], ['URL', req.url], ['User agent', req.user_agent], ['Client IP', req.client_ip],
      ['X-Forwarded-For', req.x_forwarded_for === undefined ? null : String(req.x_forwarded_for)], ['Traced', req.traced === undefined ? null : String(req.traced)]]),
    el('strong', {}, 'Response'),
    kvList([['Status', res.status], ['Content length', res.content_length]]));
}

function resourcesTab(e) {
  const aws = e.aws || {};
  const simple = Object.entries(aws).filter(([, v]) => typeof v !== 'object');
  const nested = Object.entries(aws).filter(([, v]) => v && typeof v === 'object');
  return el('div', {},
    kvList([['Origin', e.origin], ['Operation', aws.operation], ['Table', aws.table_name], ['Region', aws.region],
      ['Request id', aws.request_id], ['Retries', aws.retries],
      ...simple.filter(([k]) => !['operation', 'table_name', 'region', 'request_id', 'retries'].includes(k))]),
    nested.length ? jsonBlock(Object.fromEntries(nested)) : null,
    e.sql ? jsonBlock({ sql: e.sql }) : null);
}

function kvTable(map) {
  return el('table', { class: 'grid' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Key'), el('th', {}, 'Value'))),
    el('tbody', {}, Object.entries(map || {}).map(([k, v]) => el('tr', { dataset: { annotation: k } }, el('td', {}, k), el('td', { class: 'wrap' }, JSON.stringify(v))))));
}


function exceptionsTab(cause) {
  if (typeof cause === 'string') return kvList([['Exception id', cause]]);
  const exceptions = (cause && cause.exceptions) || [];
  if (!exceptions.length) return jsonBlock(cause);
  return el('div', {}, exceptions.map((x) => el('div', { class: 'exception' },
    el('strong', {}, x.type || 'Exception'), x.remote ? el('span', { class: 'chip' }, 'remote') : null,
    el('div', {}, x.message || ''),
    x.stack ? el('pre', { class: 'mono' }, x.stack.map((f) => '  at ' + (f.label || '') + ' (' + (f.path || '') + ':' + (f.line || '') + ')').join('\n')
      + (x.truncated ? '\n  … ' + x.truncated + ' more' : '')) : null)));
}

// OpenTelemetry span links: the traces this segment's work came from or leads to
function linksTab(links) {
  return el('table', { class: 'grid' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Linked trace'), el('th', {}, 'Span id'), el('th', {}, 'Attributes'))),
    el('tbody', {}, linkRows(links).map((link) => el('tr', { dataset: { linkTrace: link.traceId } },
      el('td', { class: 'mono' }, el('a', { href: link.href }, link.traceId)),
      el('td', {}, el('code', {}, link.spanId)),
      el('td', { class: 'wrap' }, link.attributes)))));
}
