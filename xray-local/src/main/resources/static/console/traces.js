// The trace list: a filter expression, a group-by table and the newest traces.
import { $, el, showError } from './dom.js';
import { api } from './api.js';
import { ms, age, number, quote } from './format.js';
import { statusClass, summaryHealth } from './model.js';
import { withGroup } from './filters.js';

const MAX_TRACES = 1000;
let summaries = [];

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

  const found = [];
  let token;
  try {
    do {
      const body = { ...ctx.timeWindow(), FilterExpression: withGroup(state.group, own) || undefined, NextToken: token };
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
      onclick: (event) => { if (!event.target.closest('a')) ctx.go('trace/' + encodeURIComponent(s.Id)); },
    },
    el('td', { class: 'mono' }, el('span', { class: 'dot ' + h, title: h }), el('a', { href: '#/trace/' + encodeURIComponent(s.Id) }, s.Id)),
    el('td', {}, age(s.StartTime || 0)),
    el('td', {}, http.HttpMethod || ''),
    el('td', { class: 'num' }, http.HttpStatus ? el('span', { class: 'badge ' + statusClass(http.HttpStatus) }, http.HttpStatus) : ''),
    el('td', { class: 'num' }, ms(s.ResponseTime)),
    el('td', { class: 'url', title: http.HttpURL || '' }, http.HttpURL || ''),
    el('td', {}, services.slice(0, 6).map((name) => el('span', { class: 'chip' }, name)), services.length > 6 ? '…' : ''));
  });
  $('#trace-table tbody').replaceChildren(...rows);
}
