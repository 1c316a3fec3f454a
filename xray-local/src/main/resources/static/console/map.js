// The service map: Cytoscape draws, dagre (layout.js) places. Laid out again only when
// nodes or edges come or go; a refresh with new numbers only changes labels and rings.
import { $, el } from './dom.js';
import { api, allSummaries, chaosEvents } from './api.js';
import { ms, number, rate, hms } from './format.js';
import { COLORS, graphModel, health, ringShares, typeLabel, awsGroup, topologySignature } from './model.js';
import {
  FONT_FAMILY, NODE_FONT, EDGE_FONT, LABEL_GAP, layoutInput, computeLayout, segmentControls, nodeLabel, edgeLabel,
} from './layout.js';
import { nodeScope, edgeScope, scoped, latencyFilter, withGroup } from './filters.js';
import { histogramChart, timeChart, legend, COUNT_LINES } from './charts.js';
import { timeSeries, periodFor, eventsFor, statisticsSeries } from './stats.js';

let cy = null;
let signature = '';
let layouts = 0;
let model = null;
let selected = null; // {kind: 'node'|'edge', id}
let events = [];
let context = null;

export const cytoscapeInstance = () => cy;

export function init(ctx) {
  context = ctx;
  $('#map-fit').addEventListener('click', () => { if (cy) fit(); });
  $('#map-zoom-in').addEventListener('click', () => zoomBy(1.25));
  $('#map-zoom-out').addEventListener('click', () => zoomBy(0.8));
}

function zoomBy(factor) {
  if (!cy) return;
  const box = cy.container().getBoundingClientRect();
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: box.width / 2, y: box.height / 2 } });
}

export async function load(ctx) {
  const body = ctx.timeWindow();
  if (ctx.state.group && ctx.state.group !== 'Default') body.GroupName = ctx.state.group;
  const [graph, chaos] = await Promise.all([api('/ServiceGraph', body), chaosEvents(body.StartTime)]);
  events = chaos.events;
  model = graphModel(graph, ctx.state.range);
  // #/map?select=<node or edge id> opens with that selection (links from other views)
  const wanted = ctx.state.route.params.get('select');
  if (wanted && wanted !== appliedSelect) {
    appliedSelect = wanted;
    selected = { kind: model.edges.some((e) => e.id === wanted) ? 'edge' : 'node', id: wanted };
  }
  draw();
}

let appliedSelect = null;

let canvas = null;
function measure(text, size) {
  canvas = canvas || document.createElement('canvas').getContext('2d');
  canvas.font = size + 'px ' + FONT_FAMILY;
  return canvas.measureText(text).width;
}

function elements() {
  const nodes = model.nodes.map((n) => {
    const shares = ringShares(n.counts, n.kind === 'client');
    return {
      group: 'nodes',
      data: {
        id: n.id, label: nodeLabel(n), kind: n.kind, health: health(n.counts),
        pOk: shares.ok, pErr: shares.error, pFault: shares.fault, pThr: shares.throttle,
      },
    };
  });
  const edges = model.edges.map((e) => {
    const c = e.counts;
    return {
      group: 'edges',
      data: {
        id: e.id, source: e.sourceId, target: e.targetId, label: edgeLabel(e),
        color: c.total === 0 ? '#9aa5b1' : (health(c) === 'ok' ? '#8a97a6' : COLORS[health(c)]),
        width: 1.5 + Math.min(4, Math.log10(1 + c.total) * 1.2),
      },
    };
  });
  return [...nodes, ...edges];
}

function draw() {
  const mapEl = $('#map');
  // the details column first, so that a first layout fits the room the map really has
  $('#view-map .map-layout').classList.toggle('with-details', !!selectedItem());
  $('#map-empty').hidden = model.nodes.length > 0;
  mapEl.dataset.nodeCount = model.nodes.filter((n) => n.kind !== 'client').length;
  mapEl.dataset.edgeCount = model.edges.length;
  const items = elements();
  const next = topologySignature(model);
  if (!cy) {
    cy = cytoscape({ container: mapEl, elements: items, minZoom: 0.1, maxZoom: 3, style: mapStyle() });
    cy.on('tap', 'node', (event) => select('node', event.target.id()));
    cy.on('tap', 'edge', (event) => select('edge', event.target.id()));
    cy.on('tap', (event) => { if (event.target === cy) select(null); });
    place();
  } else if (next !== signature) {
    cy.elements().remove();
    cy.add(items);
    place();
  } else {
    cy.batch(() => { for (const item of items) cy.getElementById(item.data.id).data(item.data); });
  }
  signature = next;
  cy.elements().unselect();
  if (selected) cy.getElementById(selected.id).select();
  renderNodeTable();
  renderEdgeTable();
  renderDetails();
  mapEl.dataset.layouts = layouts;
  mapEl.dataset.ready = 'true';
}

/** Positions from dagre, edges routed through its bends, then the whole graph in view. */
function place() {
  const input = layoutInput(model, measure);
  const result = computeLayout(input);
  cy.batch(() => {
    for (const [id, p] of Object.entries(result.nodes)) cy.getElementById(id).position(p);
    for (const e of input.edges) {
      const route = result.edges[e.id];
      const controls = route && segmentControls(result.nodes[e.source], result.nodes[e.target], route.route, route.labelIndex);
      const edge = cy.getElementById(e.id);
      if (controls) {
        edge.style({ 'curve-style': 'segments', 'segment-weights': controls.weights.join(' '), 'segment-distances': controls.distances.join(' ') });
      } else {
        edge.style({ 'curve-style': 'straight' });
      }
    }
  });
  layouts++;
  fit();
}

/** The whole graph in view, never bigger than 150 %. */
function fit() {
  cy.fit(undefined, 24);
  if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(); }
}

function mapStyle() {
  return [
    {
      selector: 'node',
      style: {
        width: 58, height: 58,
        'background-color': '#ffffff',
        'border-width': 1, 'border-color': '#c9d2dc',
        'pie-size': '100%', 'pie-hole': '72%',
        'pie-1-background-color': COLORS.ok, 'pie-1-background-size': 'data(pOk)',
        'pie-2-background-color': COLORS.error, 'pie-2-background-size': 'data(pErr)',
        'pie-3-background-color': COLORS.fault, 'pie-3-background-size': 'data(pFault)',
        'pie-4-background-color': COLORS.throttle, 'pie-4-background-size': 'data(pThr)',
        label: 'data(label)', 'text-wrap': 'wrap', 'text-valign': 'bottom', 'text-margin-y': LABEL_GAP,
        'font-family': FONT_FAMILY, 'font-size': NODE_FONT, 'line-height': 1.3,
        color: '#1d2733', 'text-outline-color': '#ffffff', 'text-outline-width': 2,
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'node[kind = "client"]',
      style: { width: 40, height: 40, 'background-color': '#e9edf2', 'pie-size': '0%', 'border-color': '#aab4bf', color: '#5f6b7a' },
    },
    {
      selector: 'node[kind = "inferred"]',
      style: { shape: 'round-rectangle', 'background-color': '#f7f4fc', width: 54, height: 54 },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#0b63ce' } },
    {
      selector: 'edge',
      style: {
        'curve-style': 'straight', 'edge-distances': 'node-position',
        'target-arrow-shape': 'triangle', 'arrow-scale': 0.9,
        width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
        label: 'data(label)', 'text-wrap': 'wrap', 'font-family': FONT_FAMILY, 'font-size': EDGE_FONT, 'line-height': 1.3,
        color: '#3d4a59', 'text-rotation': 'none',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.92, 'text-background-padding': 2,
        'text-background-shape': 'round-rectangle',
      },
    },
    { selector: 'edge:selected', style: { 'line-color': '#0b63ce', 'target-arrow-color': '#0b63ce' } },
  ];
}

function statCells(c) {
  return [c.ok, c.error, c.fault, c.throttle].map((v) => el('td', { class: 'num' }, number(v)));
}

function statData(c) {
  return { total: c.total, ok: c.ok, errors: c.error, faults: c.fault, throttles: c.throttle, health: health(c) };
}

function renderNodeTable() {
  const rows = model.nodes
    .slice()
    .sort((a, b) => (a.kind === 'client') - (b.kind === 'client') || a.name.localeCompare(b.name))
    .map((n) => el('tr', {
      class: 'clickable' + (selected && selected.id === n.id ? ' selected' : ''),
      dataset: {
        node: n.kind === 'client' ? 'client' : n.name,
        nodeType: n.service.Type || 'service',
        nodeKind: n.kind,
        nodeGroup: awsGroup(n.service) || undefined,
        clientOf: n.kind === 'client' ? n.name : undefined,
        ...statData(n.counts),
      },
      onclick: () => selectFromTable('node', n.id),
    },
    el('td', {}, el('span', { class: 'dot ' + health(n.counts) }), n.kind === 'client' ? 'Clients' : n.name),
    el('td', {}, typeLabel(n.service)),
    el('td', { class: 'num' }, n.kind === 'client' ? '–' : ms(n.counts.avg)),
    el('td', { class: 'num' }, n.rpm.toFixed(1)),
    n.kind === 'client' ? [el('td', { class: 'num' }, '–'), el('td'), el('td'), el('td')] : statCells(n.counts)));
  $('#node-table tbody').replaceChildren(...rows);
}

function renderEdgeTable() {
  const rows = model.edges
    .slice()
    .sort((a, b) => a.label.localeCompare(b.label))
    .map((e) => el('tr', {
      class: 'clickable' + (selected && selected.id === e.id ? ' selected' : ''),
      dataset: { edge: e.label, from: e.fromClient ? 'client' : e.source.Name, to: e.target.Name, ...statData(e.counts) },
      onclick: () => selectFromTable('edge', e.id),
    },
    el('td', {}, e.fromClient ? 'Clients' : e.source.Name),
    el('td', {}, el('span', { class: 'dot ' + health(e.counts) }), e.target.Name),
    el('td', { class: 'num' }, ms(e.counts.avg)),
    el('td', { class: 'num' }, number(e.counts.total)),
    statCells(e.counts)));
  $('#edge-table tbody').replaceChildren(...rows);
}

/** A row of the tables below: select it and show the map and its details again. */
function selectFromTable(kind, id) {
  select(kind, id);
  $('#view-map .map-layout').scrollIntoView({ block: 'start' });
}

function select(kind, id) {
  const had = !!selected;
  selected = kind ? { kind, id } : null;
  if (cy) {
    cy.elements().unselect();
    if (id) cy.getElementById(id).select();
  }
  if (!model) return;
  renderNodeTable();
  renderEdgeTable();
  renderDetails();
  // the details panel takes room from the map (or gives it back): a graph that was all in
  // view is fitted again; one someone zoomed into keeps zoom and pan, with the selection
  // brought back into view if the panel now covers it
  if (cy && had !== !!selected) {
    const all = cy.elements().renderedBoundingBox();
    const wasWhole = all.x1 >= -1 && all.y1 >= -1 && all.x2 <= cy.width() + 1 && all.y2 <= cy.height() + 1;
    cy.resize();
    if (wasWhole) {
      fit();
    } else if (id) {
      const box = cy.getElementById(id).renderedBoundingBox();
      const width = cy.width();
      if (box.x2 > width - 16) cy.panBy({ x: Math.max(width - 16 - box.x2, 16 - box.x1), y: 0 });
    }
  }
}

function selectedItem() {
  if (!selected || !model) return null;
  return selected.kind === 'node' ? model.nodes.find((x) => x.id === selected.id) : model.edges.find((x) => x.id === selected.id);
}

function renderDetails() {
  const panel = $('#map-details');
  const layoutBox = $('#view-map .map-layout');
  const item = selectedItem();
  layoutBox.classList.toggle('with-details', !!item);
  panel.hidden = !item;
  if (!item) { panel.replaceChildren(); return; }
  const close = el('button', { type: 'button', class: 'close', title: 'Close', 'aria-label': 'Close details', onclick: () => select(null) }, '×');
  if (selected.kind === 'node' && item.kind === 'client') {
    panel.replaceChildren(close, el('h3', { dataset: { detailNode: 'client' } }, 'Clients'), el('p', { class: 'kind' }, 'Callers of ' + item.name),
      el('p', {}, number(item.counts.total) + ' requests (' + rate(item.rpm) + '/min) in the time range.'),
      traceButton(scoped(nodeScope({ Name: item.name }), null, true)));
    return;
  }
  const isNode = selected.kind === 'node';
  const scope = isNode ? nodeScope(item.service) : edgeScope(item.source.Name, item.target.Name, item.fromClient);
  const fromClient = !isNode && item.fromClient;
  const name = isNode ? item.name : item.target.Name;
  const histogram = (isNode ? item.service.ResponseTimeHistogram : item.edge.ResponseTimeHistogram) || [];
  // what someone typed in the filter stays through live refreshes of the same selection
  const typed = editedFilter && editedFilter.id === selected.id ? editedFilter.value : null;
  const filterInput = el('input', { type: 'text', class: 'range-filter', spellcheck: 'false', value: typed || scoped(scope, null, fromClient), 'aria-label': 'Filter expression for these traces' });
  filterInput.addEventListener('input', () => { editedFilter = { id: selected.id, value: filterInput.value }; });
  const openTraces = () => context.go('traces', { filter: filterInput.value.trim() });
  filterInput.addEventListener('keydown', (event) => { if (event.key === 'Enter') openTraces(); });
  const chart = histogramChart(histogram, (low, high) => {
    filterInput.value = latencyFilter(scope, low, high, fromClient);
    panel.dataset.rangeLow = low;
    panel.dataset.rangeHigh = high;
    openTraces();
  });
  const touching = eventsFor(events, -Infinity, Infinity, name);
  const series = el('div', { class: 'detail-series' });
  panel.replaceChildren(
    close,
    isNode
      ? el('h3', { dataset: { detailNode: item.name } }, item.name)
      : el('h3', { dataset: { detailEdge: item.label } }, (item.fromClient ? 'Clients' : item.source.Name) + ' → ' + item.target.Name),
    el('p', { class: 'kind' }, isNode ? typeLabel(item.service) : 'Edge: calls as the caller saw them'),
    statBlock(item.counts),
    el('dl', { class: 'kv' },
      el('dt', {}, 'Average response'), el('dd', {}, ms(item.counts.avg)),
      el('dt', {}, isNode ? 'Requests/min' : 'Calls/min'), el('dd', {}, rate(item.rpm))),
    el('strong', {}, 'Response time distribution'),
    el('p', { class: 'hint small' }, 'Drag over the bars to see the traces in that range.'),
    chart,
    el('label', { class: 'filter-label' }, 'Filter', filterInput),
    el('div', { class: 'buttons' },
      el('button', { type: 'button', class: 'button primary', dataset: { filter: scoped(scope, null, fromClient) }, onclick: openTraces }, 'View traces'),
      item.counts.fault ? traceButton(scoped(scope, 'fault', fromClient), 'Faults only') : null),
    el('strong', {}, 'Over time'),
    series,
    ...(touching.length ? [el('ul', { class: 'chaos-list' }, touching.map((e) => el('li', { dataset: { chaosEvent: e.id } }, el('b', {}, e.action), ' ', e.target || 'all', ' at ', hms(e.time))))] : []));
  loadSeries(series, scope, fromClient, name);
}

let seriesRequest = 0;
let editedFilter = null; // {id, value}

/**
 * Requests, 4xx, 5xx and 429 of the selection over the time range, with its chaos events:
 * from GetTimeSeriesServiceStatistics (minutes, as X-Ray keeps them), or counted from the
 * trace summaries where xray-local does not offer it.
 */
async function loadSeries(box, scope, fromClient, name) {
  const mine = ++seriesRequest;
  const span = context.timeWindow();
  try {
    let points;
    let period = 60;
    let source = 'statistics';
    try {
      const body = { StartTime: span.StartTime, EndTime: span.EndTime, EntitySelectorExpression: scope, Period: period };
      if (context.state.group) body.GroupName = context.state.group;
      const items = [];
      let token;
      do {
        const page = await api('/TimeSeriesServiceStatistics', { ...body, NextToken: token });
        items.push(...(page.TimeSeriesServiceStatistics || []));
        token = page.NextToken;
      } while (token && items.length < 2000);
      points = statisticsSeries(items, period);
    } catch (unavailable) {
      source = 'summaries';
      const filter = withGroup(context.state.group, scoped(scope, null, fromClient));
      const { summaries } = await allSummaries(span.StartTime, span.EndTime, filter, 1000);
      period = periodFor(span.EndTime - span.StartTime, 30);
      points = timeSeries(summaries, span.StartTime, span.EndTime, period);
    }
    if (mine !== seriesRequest) return;
    box.dataset.source = source;
    box.replaceChildren(
      timeChart(points, COUNT_LINES, { start: span.StartTime, end: span.EndTime, events: eventsFor(events, span.StartTime, span.EndTime, name), id: 'detail', width: 340, height: 170 }),
      legend(COUNT_LINES));
  } catch (error) {
    box.replaceChildren(el('p', { class: 'muted' }, error.message));
  }
}

function statBlock(c) {
  const stat = (cls, value, label) => el('div', { class: 'stat ' + cls }, el('b', {}, number(value)), el('span', {}, label));
  return el('div', { class: 'stat-row' },
    stat('ok', c.ok, 'OK'), stat('error', c.error, 'Error 4xx'), stat('fault', c.fault, 'Fault 5xx'), stat('throttle', c.throttle, 'Throttle 429'));
}

function traceButton(filter, label) {
  return el('button', {
    type: 'button', class: 'button', dataset: { filter }, onclick: () => context.go('traces', { filter }),
  }, label || 'View traces');
}
