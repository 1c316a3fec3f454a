// The console's shell: state shared by the views, routing (#/view/id?params), the live
// refresh, the group and time range controls, and the footer. One module per view.
import { $, $$ } from './dom.js';
import { api } from './api.js';
import * as map from './map.js';
import * as traces from './traces.js';
import * as trace from './trace.js';
import * as analytics from './analytics.js';
import * as groups from './groups.js';
import * as status from './status.js';
import * as chaos from './chaos.js';
import * as compare from './compare.js';
import * as operations from './operations.js';
import * as insights from './insights.js';
import * as alarms from './alarms.js';
import * as sampling from './sampling.js';

const REFRESH_MS = 5000;
const VIEWS = { map, traces, trace, analytics, groups, status, chaos, compare, operations, insights, alarms, sampling };
// views that stay as they are until asked (a trace does not change; forms are being typed in)
const STILL = new Set(['trace', 'groups', 'compare']);

const state = {
  range: Number(localStorage.getItem('xray.range') || 900),
  group: localStorage.getItem('xray.group') || '',
  live: localStorage.getItem('xray.live') !== 'false',
  route: { view: 'map', id: null, params: new URLSearchParams() },
};

let refreshTimer = null;

function parseRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const parts = path.split('/');
  return { view: parts[0] || 'map', id: parts[1] ? decodeURIComponent(parts[1]) : null, params: new URLSearchParams(query || '') };
}

function go(view, params) {
  const query = params ? '?' + new URLSearchParams(params).toString() : '';
  location.hash = '#/' + view + query;
}

/** The time window of the range control, ending a little in the future (clock skew). */
function timeWindow() {
  const end = Date.now() / 1000;
  return { StartTime: end - state.range, EndTime: end + 5 };
}

function setGroup(name) {
  state.group = name;
  localStorage.setItem('xray.group', name);
  $('#group-select').value = name;
}

function fillGroupSelect(list) {
  const select = $('#group-select');
  const names = list.map((g) => g.GroupName).filter((n) => n !== 'Default');
  select.replaceChildren(new Option('Default (all)', ''), ...names.map((n) => new Option(n, n)));
  if (state.group && !names.includes(state.group)) state.group = '';
  select.value = state.group;
}

const ctx = { state, go, timeWindow, setGroup, fillGroupSelect, refresh: () => refresh() };

async function render() {
  state.route = parseRoute();
  // ?group=name in any route chooses the group, so a link can carry it
  const group = state.route.params.get('group');
  if (group !== null && group !== state.group) setGroup(group === 'Default' ? '' : group);
  const view = state.route.view;
  if (!VIEWS[view]) { go('map'); return; }
  $$('.view').forEach((section) => { section.hidden = section.id !== 'view-' + view; });
  $$('[data-nav]').forEach((link) => {
    link.classList.toggle('active', link.dataset.nav === view || ((view === 'trace' || view === 'compare') && link.dataset.nav === 'traces'));
  });
  await refresh();
}

async function refresh(live) {
  const view = VIEWS[state.route.view];
  try {
    await view.load(ctx, { live: !!live });
  } catch (error) {
    console.error(error && error.stack ? error.stack : error);
  }
  status.loadStatusBar();
}

function scheduleRefresh() {
  clearInterval(refreshTimer);
  if (!state.live) return;
  refreshTimer = setInterval(() => {
    if (STILL.has(state.route.view)) { status.loadStatusBar(); return; }
    // nothing changes under someone typing a filter or dragging over a chart
    if (document.body.dataset.dragging) return;
    const active = document.activeElement;
    if (active && active.matches('input[type=text], input:not([type]), select, textarea')) return;
    refresh(true);
  }, REFRESH_MS);
}

function init() {
  $('#range-select').value = String(state.range);
  $('#live-toggle').checked = state.live;
  $('#range-select').addEventListener('change', (event) => {
    state.range = Number(event.target.value);
    localStorage.setItem('xray.range', state.range);
    refresh();
  });
  $('#group-select').addEventListener('change', (event) => { setGroup(event.target.value); refresh(); });
  $('#live-toggle').addEventListener('change', (event) => {
    state.live = event.target.checked;
    localStorage.setItem('xray.live', state.live);
    scheduleRefresh();
  });
  $('#refresh-button').addEventListener('click', () => refresh());
  for (const view of Object.values(VIEWS)) if (view.init) view.init(ctx);
  window.addEventListener('hashchange', render);
  api('/Groups', {}).then((r) => fillGroupSelect(r.Groups)).catch(() => {});
  scheduleRefresh();
  render();
}

// for tests and curious people: the Cytoscape instance behind the map
window.xrayLocal = { map: () => map.cytoscapeInstance() };

init();
