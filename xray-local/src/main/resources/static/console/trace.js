// One trace: its facts, the timeline of segments and subsegments, an entity's details.
import { $, el, kvList, jsonBlock } from './dom.js';
import { api } from './api.js';
import { ms, clock } from './format.js';
import { statusClass } from './model.js';
import { timelineRows, entityHealth, barGeometry } from './timeline.js';
import { linkRows } from './links.js';

export async function load(ctx) {
  const id = ctx.state.route.id;
  const section = $('#view-trace');
  section.dataset.state = 'loading';
  $('#trace-title').textContent = 'Trace ' + id;
  const result = await api('/Traces', { TraceIds: [id] });
  const trace = (result.Traces || [])[0];
  if (!trace) {
    $('#trace-facts').replaceChildren(el('div', {}, el('dd', {}, 'No trace with this id is stored (it may have been evicted).')));
    $('#timeline').replaceChildren();
    $('#segment-details').replaceChildren();
    $('#trace-raw').textContent = '';
    section.dataset.state = 'missing';
    return;
  }
  const documents = trace.Segments.map((s) => JSON.parse(s.Document));
  const rows = timelineRows(documents);
  renderTraceFacts(trace, documents, rows);
  renderTimeline(rows);
  $('#trace-raw').textContent = JSON.stringify(documents, null, 2);
  selectEntity(rows[0]);
  section.dataset.state = 'ready';
  section.dataset.traceId = trace.Id;
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

function renderTimeline(rows) {
  const timeline = $('#timeline');
  const start = Math.min(...rows.map((r) => r.entity.start_time || Infinity));
  const end = Math.max(...rows.map((r) => r.entity.end_time || r.entity.start_time || 0));
  const span = Math.max(end - start, 1e-6);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const track = (labels) => el('div', { class: 'tl-track' }, ticks.map((t) => el('div', { class: 'tick', style: 'left:' + t * 100 + '%' },
    labels && t < 1 ? el('span', {}, ms(span * t)) : null)));
  const head = el('div', { class: 'tl-row tl-head', role: 'row' },
    el('div', { class: 'tl-name', role: 'columnheader' }, 'Name'),
    track(true),
    el('div', { class: 'tl-dur', role: 'columnheader' }, 'Duration'),
    el('div', { class: 'tl-status', role: 'columnheader' }, 'Status'));
  const body = rows.map((row, index) => {
    const e = row.entity;
    const h = entityHealth(e);
    const { left, width } = barGeometry(e, start, end);
    const bar = track(false);
    bar.append(el('div', { class: 'tl-bar ' + h, style: 'left:' + left + '%;width:' + width + '%', title: ms((e.end_time || end) - e.start_time) }));
    const status = e.http && e.http.response && e.http.response.status;
    const aws = e.namespace === 'aws' || (e.inferred && /^AWS::/.test(e.origin || ''));
    const awsService = aws ? (e.inferred ? e.origin.split('::')[1] : (/^dynamodb$/i.test(e.name) ? 'DynamoDB' : e.name)) : undefined;
    const note = row.kind === 'inferred' ? (e.origin === 'AWS::DynamoDB::Table' ? 'DynamoDB table' : e.origin)
      : e.namespace === 'aws' ? ((e.aws && e.aws.operation) || 'AWS') + (e.aws && e.aws.table_name ? ' ' + e.aws.table_name : '')
      : e.namespace === 'remote' ? 'remote' : null;
    return el('div', {
      class: 'tl-row ' + row.kind, role: 'row', tabindex: 0,
      dataset: { segmentName: e.name, segmentId: e.id, kind: row.kind, namespace: e.namespace, awsService, service: row.service, health: h, index },
      onclick: () => selectEntity(row),
      onkeydown: (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); selectEntity(row); } },
    },
    el('div', { class: 'tl-name', role: 'cell', style: 'padding-left:' + (10 + row.depth * 16) + 'px', title: e.name },
      el('span', { class: 'dot ' + h }), e.name, note ? el('small', {}, note) : null),
    bar,
    el('div', { class: 'tl-dur', role: 'cell' }, e.in_progress ? 'in progress' : ms(e.end_time - e.start_time)),
    el('div', { class: 'tl-status', role: 'cell' }, status || ''));
  });
  timeline.replaceChildren(head, ...body);
  timeline.dataset.rows = rows.length;
}

function selectEntity(row) {
  if (!row) return;
  document.querySelectorAll('#timeline .tl-row.selected').forEach((r) => r.classList.remove('selected'));
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
