// A trace's own map, above its timeline (as the AWS console shows it): the services and
// resources this trace touched and the calls between them, from GetTraceGraph, coloured by
// what happened in this trace (4xx orange, 429 purple, 5xx red). Laid out by dagre, drawn
// as SVG: a trace has a handful of nodes, no need for the big map's Cytoscape.
import { graphlib, layout as dagreLayout } from '@dagrejs/dagre';
import { svg } from './dom.js';
import { ms } from './format.js';
import { graphModel, health, COLORS } from './model.js';

const NODE_W = 150;
const NODE_H = 46;

/** Nodes and edges with positions: {nodes: [{id, name, kind, health, x, y}], edges: [{id, points, health}], width, height}. Pure. */
export function traceMapLayout(graph) {
  const model = graphModel(graph, 60);
  const g = new graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 60, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of model.nodes) g.setNode(n.id, { width: n.kind === 'client' ? 60 : NODE_W, height: NODE_H });
  for (const e of model.edges) if (e.sourceId !== e.targetId) g.setEdge(e.sourceId, e.targetId);
  dagreLayout(g);
  const nodes = model.nodes.map((n) => {
    const d = g.node(n.id);
    return { id: n.id, name: n.name, kind: n.kind, type: n.service.Type, health: health(n.counts), counts: n.counts, x: d.x, y: d.y, width: d.width };
  });
  const edges = model.edges.filter((e) => e.sourceId !== e.targetId).map((e) => ({
    id: e.id, label: e.label, source: e.source.Name, target: e.target.Name, health: health(e.counts), counts: e.counts,
    points: g.edge(e.sourceId, e.targetId).points,
  }));
  const info = g.graph();
  return { nodes, edges, width: info.width || 0, height: info.height || 0 };
}

/** The map as an SVG element; onNode(node) when a node is clicked. */
export function traceMapSvg(layout, onNode) {
  const chart = svg('svg', {
    class: 'trace-map', viewBox: `0 0 ${Math.max(layout.width, 200)} ${Math.max(layout.height, 60)}`,
    width: Math.max(layout.width, 200), height: Math.max(layout.height, 60), role: 'img', 'aria-label': 'Map of this trace',
  });
  chart.append(svg('defs', {}, ...Object.entries(COLORS).map(([h, color]) => svg('marker', {
    id: 'tm-arrow-' + h, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
  }, svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: color })))));
  for (const e of layout.edges) {
    const d = e.points.map((p, i) => (i ? 'L' : 'M') + p.x.toFixed(1) + ',' + p.y.toFixed(1)).join(' ');
    chart.append(svg('path', {
      class: 'tm-edge ' + e.health, d, stroke: COLORS[e.health], 'marker-end': 'url(#tm-arrow-' + e.health + ')',
      dataset: { edge: e.label, health: e.health },
    }, svg('title', {}, e.label + ': ' + e.counts.total + ' call(s), ' + ms(e.counts.avg))));
  }
  for (const n of layout.nodes) {
    const x = n.x - n.width / 2;
    const y = n.y - NODE_H / 2;
    const label = n.kind === 'client' ? 'Client' : n.name;
    const sub = n.kind === 'client' ? '' : (n.type === 'AWS::DynamoDB::Table' ? 'DynamoDB · ' : '') + ms(n.counts.avg);
    chart.append(svg('g', {
      class: 'tm-node ' + n.kind + ' ' + n.health, tabindex: n.kind === 'client' ? undefined : 0,
      dataset: { node: n.name, kind: n.kind, health: n.health, type: n.type || '' },
      onclick: () => { if (n.kind !== 'client') onNode(n); },
      onkeydown: (event) => { if (event.key === 'Enter' && n.kind !== 'client') onNode(n); },
    },
    svg('rect', { x, y, width: n.width, height: NODE_H, rx: n.kind === 'inferred' ? 4 : 10, stroke: COLORS[n.health] }),
    svg('text', { x: n.x, y: y + 19, 'text-anchor': 'middle', class: 'tm-name' }, label.length > 18 ? label.slice(0, 17) + '…' : label),
    svg('text', { x: n.x, y: y + 35, 'text-anchor': 'middle', class: 'tm-sub' }, sub),
    svg('title', {}, label + (n.kind === 'client' ? '' : ': ' + n.health + ', ' + n.counts.total + ' request(s) in this trace'))));
  }
  return chart;
}
