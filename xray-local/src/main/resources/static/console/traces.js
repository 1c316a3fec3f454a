// The trace list: a filter expression (typed, or picked from the annotation values seen),
// a group-by table and the newest traces; two of them can be picked to compare.
import { $, el, showError } from './dom.js';
import { api, annotationValues } from './api.js';
import { ms, age, number, quote, hms } from './format.js';
import { statusClass, summaryHealth } from './model.js';
import { withGroup, andCondition, annotationCondition } from './filters.js';

const MAX_TRACES = 1000;
let summaries = [];
let annotationKeys = [];
const picked = new Set();

const GROUPINGS = {
  url: { label: 'URL', key: (s) => (s.Http && s.Http.HttpURL) || '(none)', filter: (v) => 'http.url = ' + quote(v) },
  status: { label: 'Status code', key: (s) => String((s.Http && s.Http.HttpStatus) || '(none)'), filter: (v) => 'http.status = ' + v },
  method: { label: 'Method', key: (s) => (s.Http && s.Http.HttpMethod) || '(none)', filter: (v) => 'http.method = ' + quote(v) },
  entry: { label: 'Entry service', key: (s) => (s.EntryPoint && s.EntryPoint.Name) || '(none)', filter: (v) => 'service(' + quote(v) + ') { root }' },
};

export function init(ctx) {
  $('#filter-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const filter = $('#filter-input').value.trim();
    const params = { groupBy: $('#group-by').value };
    if (filter) params.filter = filter;
    const target = '#/traces?' + new URLSearchParams(params).toString();
    if (location.hash === target) ctx.refresh(); else location.hash = target;
  });
  $('#group-by').addEventListener('change', () => renderGroups(ctx));
  $('#annotation-key').addEventListener('change', () => fillValues($('#annotation-key').value));
  $('#annotation-value').addEventListener('change', () => {
    const key = annotationKeys.find((k) => k.key === $('#annotation-key').value);
    const chosen = key && key.values[Number($('#annotation-value').value)];
    if (!chosen) return;
    $('#filter-input').value = andCondition($('#filter-input').value, annotationCondition(key.key, chosen.value));
    $('#filter-form').requestSubmit();
  });
  $('#compare-selected').addEventListener('click', () => {
    const [a, b] = [...picked];
    if (a && b) ctx.go('compare', { a, b });
  });
  $('#filter-to-analytics').addEventListener('click', () => {
    const filter = $('#filter-input').value.trim();
    ctx.go('analytics', filter ? { filter } : {});
  });
}

export async function load(ctx) {
  const { state } = ctx;
  const input = $('#filter-input');
  const own = state.route.params.get('filter') || '';
  if (document.activeElement !== input) input.value = own;
  const groupBy = state.route.params.get('groupBy');
  if (groupBy !== null) $('#group-by').value = groupBy;
  const errorBox = $('#filter-error');
  const section = $('#view-traces');
  section.dataset.state = 'loading';

  // a chart point links to the traces of its minute: ?start=&end= (epoch seconds)
  const p = state.route.params;
  const fixed = p.has('start') && p.has('end');
  const window = fixed ? { StartTime: Number(p.get('start')), EndTime: Number(p.get('end')) } : ctx.timeWindow();
  loadAnnotationKeys(window, withGroup(state.group, ''));
  const found = [];
  let token;
  try {
    do {
      const body = { ...window, FilterExpression: withGroup(state.group, own) || undefined, NextToken: token };
      const page = await api('/TraceSummaries', body);
      found.push(...page.TraceSummaries);
      token = page.NextToken;
    } while (token && found.length < MAX_TRACES);
  } catch (error) {
    showError(errorBox, error, own);
    section.dataset.state = 'error';
    $('#trace-table tbody').replaceChildren();
    $('#trace-groups').hidden = true;
    $('#trace-info').textContent = '';
    return;
  }
  errorBox.hidden = true;
  summaries = found;
  $('#trace-info').textContent = found.length
    ? number(found.length) + (token ? '+' : '') + ' traces' + (own ? ' matching the filter' : '') + ', newest first'
    : 'No traces' + (own ? ' match this filter' : '') + ' in the time range.';
  if (fixed) $('#trace-info').textContent += ' Between ' + hms(window.StartTime) + ' and ' + hms(window.EndTime) + '.';
  renderGroups(ctx);
  renderTable(ctx);
  section.dataset.state = 'ready';
  section.dataset.count = found.length;
}

function renderGroups(ctx) {
  const grouping = GROUPINGS[$('#group-by').value];
  const table = $('#trace-groups');
  if (!grouping || !summaries.length) { table.hidden = true; return; }
  const groups = new Map();
  for (const s of summaries) {
    const key = grouping.key(s);
    const g = groups.get(key) || { key, total: 0, time: 0, ok: 0, error: 0, fault: 0, throttle: 0 };
    g.total++;
    g.time += s.ResponseTime || 0;
    const h = summaryHealth(s);
    g[h === 'partial' ? 'ok' : h]++;
    groups.set(key, g);
  }
  $('#trace-groups-key').textContent = grouping.label;
  const rows = [...groups.values()].sort((a, b) => b.total - a.total).map((g) => el('tr', {
    class: 'clickable', dataset: { groupKey: g.key, total: g.total },
    onclick: () => { if (g.key !== '(none)') ctx.go('traces', { filter: grouping.filter(g.key), groupBy: $('#group-by').value }); },
  },
  el('td', { class: 'url wrap' }, g.key),
  el('td', { class: 'num' }, number(g.total)),
  el('td', { class: 'num' }, ms(g.time / g.total)),
  el('td', { class: 'num' }, number(g.ok)), el('td', { class: 'num' }, number(g.error)),
  el('td', { class: 'num' }, number(g.fault)), el('td', { class: 'num' }, number(g.throttle))));
  table.querySelector('tbody').replaceChildren(...rows);
  table.hidden = false;
}

function renderTable(ctx) {
  const rows = summaries.map((s) => {
    const h = summaryHealth(s);
    const http = s.Http || {};
    const services = (s.ServiceIds || []).map((id) => id.Name);
    return el('tr', {
      class: 'clickable', dataset: { traceId: s.Id, status: http.HttpStatus, health: h, services: services.join(',') },
      onclick: (event) => { if (!event.target.closest('a, input')) ctx.go('trace/' + encodeURIComponent(s.Id)); },
    },
    el('td', { class: 'mono' }, el('span', { class: 'dot ' + h, title: h }), el('a', { href: '#/trace/' + encodeURIComponent(s.Id) }, s.Id)),
    el('td', {}, age(s.StartTime || 0)),
    el('td', {}, http.HttpMethod || ''),
    el('td', { class: 'num' }, http.HttpStatus ? el('span', { class: 'badge ' + statusClass(http.HttpStatus) }, http.HttpStatus) : ''),
    el('td', { class: 'num' }, ms(s.ResponseTime)),
    el('td', { class: 'url', title: http.HttpURL || '' }, http.HttpURL || ''),
    el('td', {}, services.slice(0, 6).map((name) => el('span', { class: 'chip' }, name)), services.length > 6 ? '…' : ''),
    el('td', { class: 'pick' }, el('input', {
      type: 'checkbox', 'aria-label': 'Pick to compare', checked: picked.has(s.Id), dataset: { pick: s.Id },
      onclick: (event) => { event.stopPropagation(); togglePick(s.Id, event.target.checked); },
    })));
  });
  $('#trace-table tbody').replaceChildren(...rows);
}

/** Two picked traces make a comparison; a third pick replaces the oldest. */
function togglePick(id, on) {
  if (on) {
    picked.add(id);
    while (picked.size > 2) picked.delete(picked.values().next().value);
  } else {
    picked.delete(id);
  }
  document.querySelectorAll('#trace-table input[data-pick]').forEach((box) => { box.checked = picked.has(box.dataset.pick); });
  $('#compare-selected').disabled = picked.size !== 2;
}

async function loadAnnotationKeys(window, filter) {
  const keys = await annotationValues(window.StartTime, window.EndTime, filter);
  annotationKeys = keys;
  const select = $('#annotation-key');
  const chosen = select.value;
  select.replaceChildren(new Option('Choose…', ''), ...keys.map((k) => new Option(k.key + ' (' + number(k.traces) + ')', k.key)));
  select.value = keys.some((k) => k.key === chosen) ? chosen : '';
  select.dataset.keys = keys.map((k) => k.key).join(',');
  fillValues(select.value);
}

function fillValues(key) {
  const select = $('#annotation-value');
  const found = annotationKeys.find((k) => k.key === key);
  select.hidden = !found;
  if (!found) { select.replaceChildren(); return; }
  select.replaceChildren(new Option('Most frequent values…', ''),
    ...found.values.map((v, i) => new Option(String(v.value) + ' (' + number(v.traces) + ')', String(i))));
  select.dataset.values = found.values.map((v) => String(v.value)).join(',');
}
