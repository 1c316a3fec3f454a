/*
 * The xray-local console: service map, traces, trace timeline, groups, status.
 * Plain JavaScript over the X-Ray API that xray-local serves on the same port.
 * Stable hooks for tests are data-* attributes (see xray-local/README.md).
 */
(function () {
  'use strict';

  const MAX_TRACES = 1000;
  const REFRESH_MS = 5000;

  const state = {
    range: Number(localStorage.getItem('xray.range') || 900),
    group: localStorage.getItem('xray.group') || '',
    live: localStorage.getItem('xray.live') !== 'false',
    route: { view: 'map', params: new URLSearchParams() },
    selected: null, // map selection: {kind: 'node'|'edge', id}
    graph: null,
    summaries: [],
  };

  let cy = null;
  let mapSignature = '';
  let refreshTimer = null;

  // ---------------------------------------------------------------- helpers

  const $ = (selector, root) => (root || document).querySelector(selector);

  /** el('td', {class: 'num', dataset: {x: 1}}, 'text', childNode) */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'dataset') Object.entries(value).forEach(([k, v]) => { if (v !== undefined && v !== null) node.dataset[k] = v; });
      else if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  async function api(path, body) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body || {}),
    });
    const text = await response.text();
    let json = {};
    try { json = text ? JSON.parse(text) : {}; } catch (e) { json = { message: text }; }
    if (!response.ok) {
      const error = new Error(json.message || json.Message || response.statusText);
      error.type = json.__type || response.headers.get('x-amzn-ErrorType');
      throw error;
    }
    return json;
  }

  function ms(seconds) {
    if (seconds === undefined || seconds === null || isNaN(seconds)) return '–';
    const millis = seconds * 1000;
    if (millis < 1) return millis.toFixed(2) + ' ms';
    if (millis < 10) return millis.toFixed(1) + ' ms';
    if (millis < 1000) return Math.round(millis) + ' ms';
    return (seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1)) + ' s';
  }

  function age(epochSeconds) {
    const seconds = Math.max(0, Date.now() / 1000 - epochSeconds);
    if (seconds < 60) return Math.round(seconds) + 's ago';
    if (seconds < 3600) return Math.round(seconds / 60) + 'm ago';
    if (seconds < 86400) return Math.round(seconds / 3600) + 'h ago';
    return Math.round(seconds / 86400) + 'd ago';
  }

  function clock(epochSeconds) {
    return new Date(epochSeconds * 1000).toLocaleString(undefined, { hour12: false }) +
      '.' + String(Math.floor((epochSeconds % 1) * 1000)).padStart(3, '0');
  }

  const number = (n) => (n || 0).toLocaleString();
  const quote = (s) => '"' + String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';

  /** Counts of X-Ray statistics in one shape. */
  function counts(stats) {
    if (!stats) return { total: 0, ok: 0, error: 0, fault: 0, throttle: 0, avg: NaN };
    const error = stats.ErrorStatistics || {};
    const fault = stats.FaultStatistics || {};
    const total = stats.TotalCount || 0;
    return {
      total,
      ok: stats.OkCount || 0,
      error: error.OtherCount || 0,
      throttle: error.ThrottleCount || 0,
      fault: fault.TotalCount || 0,
      avg: total ? stats.TotalResponseTime / total : NaN,
    };
  }

  /** The colour a node or edge earns: the worst thing that happened to it. */
  function health(c) {
    if (c.fault > 0) return 'fault';
    if (c.throttle > 0) return 'throttle';
    if (c.error > 0) return 'error';
    return 'ok';
  }

  function statusClass(status) {
    if (status >= 500) return 'fault';
    if (status === 429) return 'throttle';
    if (status >= 400) return 'error';
    return 'ok';
  }

  function summaryHealth(s) {
    if (s.HasFault) return 'fault';
    if (s.HasThrottle) return 'throttle';
    if (s.HasError) return 'error';
    if (s.IsPartial) return 'partial';
    return 'ok';
  }

  const COLORS = { ok: '#2e9d5b', error: '#d89a00', fault: '#d13438', throttle: '#7b3fc4' };

  function kindOf(service) {
    if (service.Type === 'client') return 'client';
    if (service.State === 'unknown') return 'inferred';
    return 'service';
  }

  function typeLabel(service) {
    if (service.Type === 'client') return 'Clients';
    if (service.Type === 'AWS::DynamoDB::Table') return 'DynamoDB table';
    if (service.Type === 'remote') return 'Remote (not instrumented)';
    if (service.Type) return service.Type;
    return 'Service';
  }

  /** DynamoDB for DynamoDB tables, etc.: the AWS service an inferred node belongs to. */
  function awsGroup(service) {
    const match = /^AWS::([^:]+)/.exec(service.Type || '');
    return match && service.State === 'unknown' ? match[1] : null;
  }

  function nodeId(service) {
    return (service.Type || 'service') + '|' + service.Name;
  }

  function showError(box, error, expression) {
    box.replaceChildren();
    box.append(el('strong', {}, error.type ? error.type + ': ' : ''), error.message);
    const position = /position (\d+)/.exec(error.message || '');
    if (position && expression) {
      const at = Number(position[1]) - 1;
      box.append(el('pre', {}, expression + '\n' + ' '.repeat(Math.max(0, at)) + '^'));
    }
    box.hidden = false;
  }

  // ---------------------------------------------------------------- routing

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

  async function render() {
    state.route = parseRoute();
    const view = state.route.view;
    document.querySelectorAll('.view').forEach((section) => { section.hidden = section.id !== 'view-' + view; });
    document.querySelectorAll('[data-nav]').forEach((link) => {
      link.classList.toggle('active', link.dataset.nav === view || (view === 'trace' && link.dataset.nav === 'traces'));
    });
    if (!document.getElementById('view-' + view)) {
      go('map');
      return;
    }
    await refresh();
  }

  async function refresh() {
    const view = state.route.view;
    try {
      if (view === 'map') await loadMap();
      else if (view === 'traces') await loadTraces();
      else if (view === 'trace') await loadTrace(state.route.id);
      else if (view === 'groups') await loadGroups();
      else if (view === 'status') await loadStatus();
    } catch (error) {
      console.error(error && error.stack ? error.stack : error);
    }
    loadStatusBar();
  }

  function scheduleRefresh() {
    clearInterval(refreshTimer);
    if (!state.live) return;
    refreshTimer = setInterval(() => {
      const view = state.route.view;
      // the trace page and a form being typed in stay as they are
      if (view === 'trace' || view === 'groups') { loadStatusBar(); return; }
      if (document.activeElement && document.activeElement.id === 'filter-input') return;
      refresh();
    }, REFRESH_MS);
  }

  function timeWindow() {
    const end = Date.now() / 1000;
    return { StartTime: end - state.range, EndTime: end + 5 };
  }

  // ---------------------------------------------------------------- service map

  async function loadMap() {
    const body = timeWindow();
    if (state.group && state.group !== 'Default') body.GroupName = state.group;
    const graph = await api('/ServiceGraph', body);
    state.graph = graph;
    renderMap(graph);
  }

  function graphModel(graph) {
    const byRef = new Map(graph.Services.map((s) => [s.ReferenceId, s]));
    const minutes = state.range / 60;
    const nodes = graph.Services.map((s) => {
      const c = counts(s.SummaryStatistics);
      const kind = kindOf(s);
      if (kind === 'client') {
        const out = (s.Edges || []).reduce((sum, e) => sum + counts(e.SummaryStatistics).total, 0);
        c.total = out;
      }
      return { service: s, id: nodeId(s), kind, counts: c, rpm: c.total / minutes };
    });
    const edges = [];
    for (const s of graph.Services) {
      for (const e of s.Edges || []) {
        const target = byRef.get(e.ReferenceId);
        if (!target) continue;
        const c = counts(e.SummaryStatistics);
        edges.push({
          id: nodeId(s) + '->' + nodeId(target), source: s, target, edge: e, counts: c,
          label: (kindOf(s) === 'client' ? 'client' : s.Name) + '->' + target.Name,
        });
      }
    }
    return { nodes, edges };
  }

  function renderMap(graph) {
    const model = graphModel(graph);
    const mapEl = $('#map');
    $('#map-empty').hidden = model.nodes.length > 0;
    mapEl.dataset.nodeCount = model.nodes.filter((n) => n.kind !== 'client').length;
    mapEl.dataset.edgeCount = model.edges.length;

    const elements = [];
    for (const n of model.nodes) {
      const c = n.counts;
      const total = Math.max(1, c.ok + c.error + c.fault + c.throttle);
      const label = n.kind === 'client'
        ? 'Clients'
        : n.service.Name + '\n' + (isNaN(c.avg) ? '' : ms(c.avg) + ' · ') + n.rpm.toFixed(n.rpm < 10 ? 1 : 0) + ' req/min';
      elements.push({
        group: 'nodes',
        data: {
          id: n.id, label, kind: n.kind, health: health(c),
          pOk: n.kind === 'client' || c.total === 0 ? 100 : (100 * c.ok) / total,
          pErr: (100 * c.error) / total, pFault: (100 * c.fault) / total, pThr: (100 * c.throttle) / total,
        },
      });
    }
    for (const e of model.edges) {
      const c = e.counts;
      elements.push({
        group: 'edges',
        data: {
          id: e.id, source: nodeId(e.source), target: nodeId(e.target),
          label: isNaN(c.avg) ? '' : ms(c.avg),
          color: c.total === 0 ? '#9aa5b1' : (health(c) === 'ok' ? '#8a97a6' : COLORS[health(c)]),
          width: 1.5 + Math.min(5, Math.log10(1 + c.total) * 1.5),
        },
      });
    }

    const signature = elements.map((e) => e.data.id).sort().join(',');
    if (!cy) {
      cy = cytoscape({
        container: mapEl,
        elements,
        minZoom: 0.2,
        maxZoom: 2.5,
        style: mapStyle(),
      });
      cy.on('tap', 'node', (event) => select('node', event.target.id()));
      cy.on('tap', 'edge', (event) => select('edge', event.target.id()));
      cy.on('tap', (event) => { if (event.target === cy) select(null); });
      layout();
    } else if (signature !== mapSignature) {
      cy.elements().remove();
      cy.add(elements);
      layout();
    } else {
      for (const item of elements) cy.getElementById(item.data.id).data(item.data);
    }
    mapSignature = signature;
    if (state.selected) cy.getElementById(state.selected.id).select();

    renderNodeTable(model);
    renderEdgeTable(model);
    renderDetails(model);
    mapEl.dataset.ready = 'true';
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
          label: 'data(label)', 'text-wrap': 'wrap', 'text-valign': 'bottom', 'text-margin-y': 6,
          'font-size': 11, color: '#1d2733', 'text-outline-color': '#ffffff', 'text-outline-width': 2,
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
          'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.9,
          width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
          label: 'data(label)', 'font-size': 9, color: '#5f6b7a', 'text-rotation': 'autorotate',
          'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': 2,
        },
      },
      { selector: 'edge:selected', style: { 'line-color': '#0b63ce', 'target-arrow-color': '#0b63ce' } },
    ];
  }

  function layout() {
    const roots = cy.nodes('[kind = "client"]');
    cy.layout({
      name: 'breadthfirst',
      directed: true,
      roots: roots.length ? roots : undefined,
      spacingFactor: 1.0,
      padding: 40,
      animate: false,
      // left to right reads like a request's path
      transform: (node, position) => ({ x: position.y * 2.2, y: position.x * 0.62 }),
    }).run();
    cy.fit(undefined, 40);
  }

  function statCells(c) {
    return [
      el('td', { class: 'num' }, number(c.ok)),
      el('td', { class: 'num' }, number(c.error)),
      el('td', { class: 'num' }, number(c.fault)),
      el('td', { class: 'num' }, number(c.throttle)),
    ];
  }

  function statData(c) {
    return { total: c.total, ok: c.ok, errors: c.error, faults: c.fault, throttles: c.throttle, health: health(c) };
  }

  function renderNodeTable(model) {
    const rows = model.nodes
      .slice()
      .sort((a, b) => (a.kind === 'client') - (b.kind === 'client') || a.service.Name.localeCompare(b.service.Name))
      .map((n) => el('tr', {
        class: 'clickable' + (state.selected && state.selected.id === n.id ? ' selected' : ''),
        dataset: {
          node: n.kind === 'client' ? 'client' : n.service.Name,
          nodeType: n.service.Type || 'service',
          nodeKind: n.kind,
          nodeGroup: awsGroup(n.service) || undefined,
          clientOf: n.kind === 'client' ? n.service.Name : undefined,
          ...statData(n.counts),
        },
        onclick: () => select('node', n.id),
      },
      el('td', {}, el('span', { class: 'dot ' + health(n.counts) }), n.kind === 'client' ? 'Clients' : n.service.Name),
      el('td', {}, typeLabel(n.service)),
      el('td', { class: 'num' }, n.kind === 'client' ? '–' : ms(n.counts.avg)),
      el('td', { class: 'num' }, n.rpm.toFixed(1)),
      n.kind === 'client' ? [el('td', { class: 'num' }, '–'), el('td'), el('td'), el('td')] : statCells(n.counts)));
    $('#node-table tbody').replaceChildren(...rows);
  }

  function renderEdgeTable(model) {
    const rows = model.edges
      .slice()
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((e) => el('tr', {
        class: 'clickable' + (state.selected && state.selected.id === e.id ? ' selected' : ''),
        dataset: { edge: e.label, from: kindOf(e.source) === 'client' ? 'client' : e.source.Name, to: e.target.Name, ...statData(e.counts) },
        onclick: () => select('edge', e.id),
      },
      el('td', {}, kindOf(e.source) === 'client' ? 'Clients' : e.source.Name),
      el('td', {}, el('span', { class: 'dot ' + health(e.counts) }), e.target.Name),
      el('td', { class: 'num' }, ms(e.counts.avg)),
      el('td', { class: 'num' }, number(e.counts.total)),
      statCells(e.counts)));
    $('#edge-table tbody').replaceChildren(...rows);
  }

  function select(kind, id) {
    state.selected = kind ? { kind, id } : null;
    if (cy) {
      cy.elements().unselect();
      if (id) cy.getElementById(id).select();
    }
    if (state.graph) {
      const model = graphModel(state.graph);
      renderNodeTable(model);
      renderEdgeTable(model);
      renderDetails(model);
    }
  }

  function renderDetails(model) {
    const panel = $('#map-details');
    const selected = state.selected;
    const hint = el('p', { class: 'hint' }, 'Click a node or an edge to see its response time distribution and its traces.');
    if (!selected) { panel.replaceChildren(hint); return; }
    if (selected.kind === 'node') {
      const n = model.nodes.find((x) => x.id === selected.id);
      if (!n) { panel.replaceChildren(hint); return; }
      if (n.kind === 'client') {
        panel.replaceChildren(el('h3', {}, 'Clients'), el('p', { class: 'kind' }, 'Callers of ' + n.service.Name),
          el('p', {}, number(n.counts.total) + ' requests (' + n.rpm.toFixed(1) + '/min) in the time range.'),
          traceButton('service(' + quote(n.service.Name) + ') { root }'));
        return;
      }
      const name = n.service.Name;
      const filter = n.service.Type
        ? 'service(id(name: ' + quote(name) + ', type: ' + quote(n.service.Type) + '))'
        : 'service(' + quote(name) + ')';
      panel.replaceChildren(
        el('h3', { dataset: { detailNode: name } }, name),
        el('p', { class: 'kind' }, typeLabel(n.service)),
        statBlock(n.counts),
        el('dl', { class: 'kv' },
          el('dt', {}, 'Average response'), el('dd', {}, ms(n.counts.avg)),
          el('dt', {}, 'Requests/min'), el('dd', {}, n.rpm.toFixed(1))),
        el('strong', {}, 'Response time distribution'),
        histogram(n.service.ResponseTimeHistogram || []),
        traceButton(filter),
        n.counts.fault ? traceButton(filter.replace(/\)$/, ') { fault }'), 'Faults only') : null);
      return;
    }
    const e = model.edges.find((x) => x.id === selected.id);
    if (!e) { panel.replaceChildren(hint); return; }
    const fromClient = kindOf(e.source) === 'client';
    const filter = fromClient
      ? 'service(' + quote(e.target.Name) + ') { root }'
      : 'edge(' + quote(e.source.Name) + ', ' + quote(e.target.Name) + ')';
    panel.replaceChildren(
      el('h3', { dataset: { detailEdge: e.label } }, (fromClient ? 'Clients' : e.source.Name) + ' → ' + e.target.Name),
      el('p', { class: 'kind' }, 'Edge: calls as the caller saw them'),
      statBlock(e.counts),
      el('dl', { class: 'kv' }, el('dt', {}, 'Average response'), el('dd', {}, ms(e.counts.avg))),
      el('strong', {}, 'Response time distribution'),
      histogram(e.edge.ResponseTimeHistogram || []),
      traceButton(filter),
      e.counts.fault && !fromClient ? traceButton(filter + ' { fault }', 'Faults only') : null);
  }

  function statBlock(c) {
    const stat = (cls, value, label) => el('div', { class: 'stat ' + cls }, el('b', {}, number(value)), el('span', {}, label));
    return el('div', { class: 'stat-row' },
      stat('ok', c.ok, 'OK'), stat('error', c.error, 'Error 4xx'), stat('fault', c.fault, 'Fault 5xx'), stat('throttle', c.throttle, 'Throttle 429'));
  }

  function traceButton(filter, label) {
    return el('button', {
      type: 'button', class: 'button primary', style: 'margin-right: 8px',
      dataset: { filter }, onclick: () => go('traces', { filter }),
    }, label || 'View traces');
  }

  /** Bars per histogram bucket; the X-Ray API gives {Value (seconds), Count}. */
  function histogram(entries) {
    const svgNs = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('class', 'histogram');
    svg.setAttribute('viewBox', '0 0 300 140');
    svg.setAttribute('role', 'img');
    const sorted = entries.slice().sort((a, b) => a.Value - b.Value);
    if (!sorted.length) {
      const text = document.createElementNS(svgNs, 'text');
      text.setAttribute('x', 150); text.setAttribute('y', 70); text.setAttribute('text-anchor', 'middle');
      text.setAttribute('class', 'axis'); text.textContent = 'No completed requests';
      svg.append(text);
      return svg;
    }
    // merge into at most 40 bars of equal width in time
    const min = sorted[0].Value;
    const max = sorted[sorted.length - 1].Value;
    const bars = Math.min(40, Math.max(1, sorted.length));
    const width = (max - min) / bars || 1;
    const counts = new Array(bars).fill(0);
    for (const entry of sorted) counts[Math.min(bars - 1, Math.floor((entry.Value - min) / width))] += entry.Count;
    const top = Math.max(...counts);
    const barWidth = 300 / bars;
    counts.forEach((count, i) => {
      if (!count) return;
      const height = Math.max(2, (count / top) * 110);
      const rect = document.createElementNS(svgNs, 'rect');
      rect.setAttribute('class', 'bar');
      rect.setAttribute('x', i * barWidth + 1);
      rect.setAttribute('y', 118 - height);
      rect.setAttribute('width', Math.max(1, barWidth - 2));
      rect.setAttribute('height', height);
      const title = document.createElementNS(svgNs, 'title');
      title.textContent = count + ' × ' + ms(min + i * width) + (bars > 1 ? '–' + ms(min + (i + 1) * width) : '');
      rect.append(title);
      svg.append(rect);
    });
    for (const [x, anchor, value] of [[0, 'start', min], [300, 'end', max]]) {
      const text = document.createElementNS(svgNs, 'text');
      text.setAttribute('x', x); text.setAttribute('y', 134); text.setAttribute('text-anchor', anchor);
      text.setAttribute('class', 'axis'); text.textContent = ms(value);
      svg.append(text);
    }
    svg.dataset.buckets = sorted.length;
    return svg;
  }

  // ---------------------------------------------------------------- traces

  function traceFilter() {
    const own = (state.route.params.get('filter') || '').trim();
    if (!state.group || state.group === 'Default') return own;
    const group = 'group.name = ' + quote(state.group);
    return own ? group + ' AND (' + own + ')' : group;
  }

  async function loadTraces() {
    const input = $('#filter-input');
    const own = state.route.params.get('filter') || '';
    if (document.activeElement !== input) input.value = own;
    const groupBy = state.route.params.get('groupBy');
    if (groupBy !== null) $('#group-by').value = groupBy;
    const errorBox = $('#filter-error');
    const section = $('#view-traces');
    section.dataset.state = 'loading';

    const summaries = [];
    let token;
    let processed = 0;
    try {
      do {
        const body = { ...timeWindow(), FilterExpression: traceFilter() || undefined, NextToken: token };
        const page = await api('/TraceSummaries', body);
        summaries.push(...page.TraceSummaries);
        processed += page.TracesProcessedCount || 0;
        token = page.NextToken;
      } while (token && summaries.length < MAX_TRACES);
    } catch (error) {
      showError(errorBox, error, own);
      section.dataset.state = 'error';
      $('#trace-table tbody').replaceChildren();
      $('#trace-groups').hidden = true;
      $('#trace-info').textContent = '';
      return;
    }
    errorBox.hidden = true;
    state.summaries = summaries;
    $('#trace-info').textContent = summaries.length
      ? number(summaries.length) + (token ? '+' : '') + ' traces' + (own ? ' matching the filter' : '') + ', newest first'
      : 'No traces' + (own ? ' match this filter' : '') + ' in the time range.';
    renderTraceGroups(summaries);
    renderTraceTable(summaries);
    section.dataset.state = 'ready';
    section.dataset.count = summaries.length;
  }

  const GROUPINGS = {
    url: { label: 'URL', key: (s) => (s.Http && s.Http.HttpURL) || '(none)', filter: (v) => 'http.url = ' + quote(v) },
    status: { label: 'Status code', key: (s) => String((s.Http && s.Http.HttpStatus) || '(none)'), filter: (v) => 'http.status = ' + v },
    method: { label: 'Method', key: (s) => (s.Http && s.Http.HttpMethod) || '(none)', filter: (v) => 'http.method = ' + quote(v) },
    entry: { label: 'Entry service', key: (s) => (s.EntryPoint && s.EntryPoint.Name) || '(none)', filter: (v) => 'service(' + quote(v) + ') { root }' },
  };

  function renderTraceGroups(summaries) {
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
      onclick: () => { if (g.key !== '(none)') go('traces', { filter: grouping.filter(g.key), groupBy: $('#group-by').value }); },
    },
    el('td', { class: 'url wrap' }, g.key),
    el('td', { class: 'num' }, number(g.total)),
    el('td', { class: 'num' }, ms(g.time / g.total)),
    el('td', { class: 'num' }, number(g.ok)), el('td', { class: 'num' }, number(g.error)),
    el('td', { class: 'num' }, number(g.fault)), el('td', { class: 'num' }, number(g.throttle))));
    table.querySelector('tbody').replaceChildren(...rows);
    table.hidden = false;
  }

  function renderTraceTable(summaries) {
    const rows = summaries.map((s) => {
      const h = summaryHealth(s);
      const http = s.Http || {};
      const services = (s.ServiceIds || []).map((id) => id.Name);
      return el('tr', {
        class: 'clickable', dataset: { traceId: s.Id, status: http.HttpStatus, health: h, services: services.join(',') },
        onclick: (event) => { if (!event.target.closest('a')) go('trace/' + encodeURIComponent(s.Id)); },
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

  // ---------------------------------------------------------------- one trace

  async function loadTrace(id) {
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

  /**
   * Segment documents into one ordered tree: subsegments under their segment, a callee's
   * segment (or an inferred segment) under the subsegment that called it.
   */
  function timelineRows(documents) {
    const childrenOf = new Map(); // subsegment id -> segment documents it called
    const ids = new Set();
    const walk = (entity, visit) => { visit(entity); (entity.subsegments || []).forEach((c) => walk(c, visit)); };
    documents.forEach((d) => walk(d, (e) => ids.add(e.id)));
    const roots = [];
    for (const d of documents) {
      if (d.parent_id && ids.has(d.parent_id)) {
        if (!childrenOf.has(d.parent_id)) childrenOf.set(d.parent_id, []);
        childrenOf.get(d.parent_id).push(d);
      } else {
        roots.push(d);
      }
    }
    const byStart = (a, b) => (a.start_time || 0) - (b.start_time || 0);
    const rows = [];
    const add = (entity, depth, kind, service) => {
      rows.push({ entity, depth, kind, service });
      const children = [
        ...(entity.subsegments || []).map((s) => ({ e: s, kind: 'subsegment' })),
        ...(childrenOf.get(entity.id) || []).map((s) => ({ e: s, kind: s.inferred ? 'inferred' : 'segment' })),
      ].sort((a, b) => byStart(a.e, b.e));
      for (const child of children) add(child.e, depth + 1, child.kind, child.kind === 'subsegment' ? service : child.e.name);
    };
    roots.sort(byStart).forEach((root) => add(root, 0, root.inferred ? 'inferred' : 'segment', root.name));
    return rows;
  }

  function entityHealth(e) {
    if (e.in_progress) return 'partial';
    if (e.fault) return 'fault';
    if (e.throttle) return 'throttle';
    if (e.error) return 'error';
    const status = e.http && e.http.response && Number(e.http.response.status);
    if (status >= 500) return 'fault';
    if (status === 429) return 'throttle';
    if (status >= 400) return 'error';
    return 'ok';
  }

  function renderTraceFacts(trace, documents, rows) {
    const start = Math.min(...rows.map((r) => r.entity.start_time || Infinity));
    const entry = rows.find((r) => r.kind === 'segment');
    const http = (entry && entry.entity.http) || {};
    const request = http.request || {};
    const response = http.response || {};
    const fact = (label, value) => el('div', {}, el('dt', {}, label), el('dd', {}, value));
    const worst = ['fault', 'throttle', 'error', 'partial'].find((h) => rows.some((r) => entityHealth(r.entity) === h)) || 'ok';
    $('#trace-facts').replaceChildren(
      fact('Started', clock(start)),
      fact('Duration', ms(trace.Duration)),
      entry ? fact('Entry', entry.entity.name) : null,
      request.method ? fact('Request', request.method + ' ' + (request.url || '')) : null,
      response.status ? fact('Status', el('span', { class: 'badge ' + statusClass(Number(response.status)) }, response.status)) : null,
      fact('Segments', String(documents.filter((d) => !d.inferred).length)),
      fact('Health', el('span', { class: 'badge ' + worst }, worst)));
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
      const left = ((e.start_time - start) / span) * 100;
      const finish = e.end_time || end;
      const width = Math.max(0.3, ((finish - e.start_time) / span) * 100);
      const bar = track(false);
      bar.append(el('div', { class: 'tl-bar ' + h, style: 'left:' + left + '%;width:' + width + '%', title: ms(finish - e.start_time) }));
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

  function kvList(pairs) {
    return el('dl', { class: 'kv' }, pairs.filter((p) => p[1] !== undefined && p[1] !== null && p[1] !== '')
      .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, typeof v === 'object' && !(v instanceof Node) ? JSON.stringify(v) : v)]));
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

  function jsonBlock(value) {
    return el('pre', { class: 'json' }, JSON.stringify(value, null, 2));
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

  // ---------------------------------------------------------------- groups

  async function loadGroups() {
    const result = await api('/Groups', {});
    fillGroupSelect(result.Groups);
    const rows = result.Groups.map((g) => el('tr', { dataset: { group: g.GroupName } },
      el('td', {}, el('strong', {}, g.GroupName)),
      el('td', { class: 'mono wrap' }, g.FilterExpression || '(all traces)'),
      el('td', { class: 'mono wrap muted' }, g.GroupARN),
      el('td', {},
        el('button', { type: 'button', class: 'button', onclick: () => useGroup(g.GroupName, 'map') }, 'Map'), ' ',
        el('button', { type: 'button', class: 'button', onclick: () => useGroup(g.GroupName, 'traces') }, 'Traces'), ' ',
        g.GroupName === 'Default' ? null : el('button', {
          type: 'button', class: 'button danger', dataset: { deleteGroup: g.GroupName },
          onclick: async () => { await api('/DeleteGroup', { GroupName: g.GroupName }); if (state.group === g.GroupName) setGroup(''); loadGroups(); },
        }, 'Delete'))));
    $('#group-table tbody').replaceChildren(...rows);
  }

  function useGroup(name, view) {
    setGroup(name === 'Default' ? '' : name);
    go(view);
  }

  function setGroup(name) {
    state.group = name;
    localStorage.setItem('xray.group', name);
    $('#group-select').value = name;
  }

  function fillGroupSelect(groups) {
    const select = $('#group-select');
    const names = groups.map((g) => g.GroupName).filter((n) => n !== 'Default');
    if (state.group && !names.includes(state.group)) state.group = '';
    select.replaceChildren(el('option', { value: '' }, 'Default (all)'), ...names.map((n) => el('option', { value: n }, n)));
    select.value = state.group;
  }

  // ---------------------------------------------------------------- status

  async function fetchStatus() {
    const response = await fetch('status', { cache: 'no-store' });
    return response.json();
  }

  async function loadStatusBar() {
    try {
      const s = await fetchStatus();
      const rejected = Object.entries(s.ingest.rejectedByReason || {});
      const bar = $('#status-bar');
      bar.replaceChildren(
        el('span', {}, 'UDP ', el('b', { class: 'udp' }, s.ingest.udpAddress)),
        el('span', { dataset: { counter: 'received' } }, el('b', {}, number(s.ingest.datagramsReceived)), ' datagrams'),
        el('span', { dataset: { counter: 'accepted' } }, el('b', {}, number(s.ingest.accepted)), ' segments accepted'),
        el('span', { class: s.ingest.rejected ? 'warn' : '', dataset: { counter: 'rejected' }, title: rejected.map(([k, v]) => k + ': ' + v).join(', ') },
          el('b', {}, number(s.ingest.rejected)), ' rejected', rejected.length ? ' (' + rejected.map(([k, v]) => k + ' ' + v).join(', ') + ')' : ''),
        el('span', { dataset: { counter: 'traces' } }, el('b', {}, number(s.store.traces)), ' traces stored'),
        el('span', { dataset: { counter: 'evicted' } }, el('b', {}, number(s.store.tracesEvicted)), ' evicted'));
      document.querySelectorAll('.udp-address').forEach((c) => { c.textContent = s.ingest.udpAddress; });
    } catch (error) {
      $('#status-bar').replaceChildren(el('span', { class: 'warn' }, el('b', {}, 'xray-local does not answer')));
    }
  }

  async function loadStatus() {
    const s = await fetchStatus();
    const panel = (title, pairs) => el('div', { class: 'panel' }, el('h2', {}, title), kvList(pairs));
    const mb = (bytes) => (bytes / 1048576).toFixed(1) + ' MB';
    const reasons = Object.entries(s.ingest.rejectedByReason || {});
    $('#status-content').replaceChildren(
      panel('Ingest', [
        ['UDP address', s.ingest.udpAddress], ['Receive buffer', mb(s.ingest.udpReceiveBufferBytes)],
        ['Datagrams received', number(s.ingest.datagramsReceived)], ['API documents', number(s.ingest.apiDocumentsReceived)],
        ['Accepted', number(s.ingest.accepted)], ['Rejected', number(s.ingest.rejected)], ['Waiting to be parsed', number(s.ingest.queued)]]),
      el('div', { class: 'panel' }, el('h2', {}, 'Rejected or dropped, by reason'),
        reasons.length ? el('table', { class: 'grid', id: 'reject-table' },
          el('tbody', {}, reasons.map(([k, v]) => el('tr', { dataset: { reason: k } }, el('td', { class: 'mono' }, k), el('td', { class: 'num' }, number(v))))))
          : el('p', { class: 'muted' }, 'Nothing rejected.')),
      panel('Store', [
        ['Traces', number(s.store.traces) + ' of ' + number(s.store.maxTraces)],
        ['Segments', number(s.store.segments) + ' of ' + number(s.store.maxSegments)],
        ['JSON kept', mb(s.store.jsonBytes) + ' of ' + mb(s.store.maxJsonBytes)],
        ['Kept for', Math.round(s.store.maxAgeSeconds / 60) + ' minutes'],
        ['Traces evicted', number(s.store.tracesEvicted)], ['Segments evicted', number(s.store.segmentsEvicted)]]),
      panel('Sampling', [
        ['Rules from', s.sampling.rulesFrom], ['Rules', s.sampling.rules.join(', ')],
        ['Rule polls', number(s.sampling.rulePolls)], ['Target polls', number(s.sampling.targetPolls)],
        ['SDK clients seen', number(s.sampling.clients)]]),
      panel('Process', [['Up for', Math.round(s.uptimeSeconds) + ' s'], ['Heap used', mb(s.heap.usedBytes) + ' of ' + mb(s.heap.maxBytes)]]));
  }

  // ---------------------------------------------------------------- wiring

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
    $('#filter-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const filter = $('#filter-input').value.trim();
      const params = { groupBy: $('#group-by').value };
      if (filter) params.filter = filter;
      const target = '#/traces?' + new URLSearchParams(params).toString();
      if (location.hash === target) refresh(); else location.hash = target;
    });
    $('#group-by').addEventListener('change', () => renderTraceGroups(state.summaries));
    $('#group-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const box = $('#group-error');
      const expression = $('#group-filter').value.trim();
      try {
        await api('/CreateGroup', { GroupName: $('#group-name').value.trim(), FilterExpression: expression });
        box.hidden = true;
        $('#group-name').value = '';
        $('#group-filter').value = '';
        loadGroups();
      } catch (error) {
        showError(box, error, expression);
      }
    });
    window.addEventListener('hashchange', render);
    api('/Groups', {}).then((r) => fillGroupSelect(r.Groups)).catch(() => {});
    scheduleRefresh();
    render();
  }

  // for tests and curious people: the Cytoscape instance behind the map
  window.xrayLocal = { map: () => cy };

  init();
})();
