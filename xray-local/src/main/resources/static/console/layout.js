// Where the map's nodes go: a layered (Sugiyama) layout by dagre, left to right, with the
// edge labels laid out as dummy nodes so that they never sit on a node or on each other.
// The input is sized from the labels' widest possible text, so new numbers never outgrow
// the room they were given and a live refresh does not need a new layout. Pure.
import { graphlib, layout as dagreLayout } from '@dagrejs/dagre';
import { ms, rate } from './format.js';

export const CIRCLE = { service: 58, inferred: 54, client: 40 };
export const FONT_FAMILY = 'Helvetica, Arial, sans-serif';
export const NODE_FONT = 11;
export const EDGE_FONT = 9;
/** Space between a node's circle and its label (Cytoscape's text-margin-y). */
export const LABEL_GAP = 6;
/** Room around every label for its outline or background, and a little air. */
export const LABEL_PAD = 8;

// The widest a number line can get ("999 ms" and thousands of requests a minute).
export const NODE_METRICS_WIDEST = '999 ms · 9999/min';
export const EDGE_LABEL_WIDEST = ['999 ms', '9999/min'];

/** Average response time and requests per minute, the line under a node's name. */
export function nodeMetrics(node) {
  const avg = node.counts.avg;
  return (Number.isNaN(avg) ? '' : ms(avg) + ' · ') + rate(node.rpm) + '/min';
}

export function nodeLabel(node) {
  return node.kind === 'client' ? 'Clients' : node.name + '\n' + nodeMetrics(node);
}

/** Two short lines keep the columns of edge labels narrow: average, then calls per minute. */
export function edgeLabel(edge) {
  return Number.isNaN(edge.counts.avg) ? '' : ms(edge.counts.avg) + '\n' + rate(edge.rpm) + '/min';
}

/** Text lines of a label at a font size: their height as Cytoscape stacks them. */
export const lineHeight = (size) => Math.ceil(size * 1.3);

/**
 * Boxes for dagre from the graph model. `measure(text, fontSize)` gives a text's width in
 * pixels (a canvas in the browser, an estimate in tests).
 */
export function layoutInput(model, measure) {
  const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const nodes = model.nodes.slice().sort(byId).map((n) => {
    const circle = CIRCLE[n.kind] || CIRCLE.service;
    const lines = n.kind === 'client' ? ['Clients'] : [n.name, NODE_METRICS_WIDEST];
    const labelWidth = Math.ceil(Math.max(...lines.map((l) => measure(l, NODE_FONT)))) + LABEL_PAD;
    const labelHeight = lines.length * lineHeight(NODE_FONT) + LABEL_PAD;
    return { id: n.id, circle, labelWidth, labelHeight, width: Math.max(circle, labelWidth), height: circle + LABEL_GAP + labelHeight };
  });
  const edges = model.edges.slice().sort(byId).map((e) => ({
    id: e.id, source: e.sourceId, target: e.targetId,
    labelWidth: Math.ceil(Math.max(...EDGE_LABEL_WIDEST.map((l) => measure(l, EDGE_FONT)))) + LABEL_PAD,
    labelHeight: EDGE_LABEL_WIDEST.length * lineHeight(EDGE_FONT) + LABEL_PAD,
  }));
  return { nodes, edges };
}

export const SPACING = { nodesep: 24, edgesep: 12, ranksep: 44, margin: 16 };

/**
 * Runs dagre: {nodes: {id: {x, y}} (the circle's centre), edges: {id: {route, labelIndex,
 * label}}, width, height}. An edge's route crosses every column of the layout (a rank's
 * nodes, or a rank of edge labels) straight across, at its own height, and turns only in
 * the gaps between columns, where nothing is drawn: so it never runs over a node or a
 * label it does not belong to.
 */
export function computeLayout(input, spacing = SPACING) {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({
    rankdir: 'LR', nodesep: spacing.nodesep, edgesep: spacing.edgesep, ranksep: spacing.ranksep,
    marginx: spacing.margin, marginy: spacing.margin, ranker: 'network-simplex',
  });
  for (const n of input.nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of input.edges) {
    if (e.source === e.target) continue; // X-Ray graphs have none; dagre would loop it
    g.setEdge(e.source, e.target, { width: e.labelWidth, height: e.labelHeight, labelpos: 'c', minlen: 1 }, e.id);
  }
  dagreLayout(g);
  const nodes = {};
  const columns = new Map(); // rank x (rounded) -> half the column's width
  const widen = (x, half) => {
    const key = Math.round(x);
    columns.set(key, Math.max(columns.get(key) || 0, half));
  };
  for (const n of input.nodes) {
    const d = g.node(n.id);
    // dagre centres the whole box (circle and label below it); Cytoscape positions the circle
    nodes[n.id] = { x: d.x, y: d.y - d.height / 2 + n.circle / 2, half: d.width / 2 };
    widen(d.x, d.width / 2);
  }
  const raw = {};
  for (const e of input.edges) {
    const d = g.edge({ v: e.source, w: e.target, name: e.id });
    if (!d) continue;
    raw[e.id] = d;
    widen(d.x, e.labelWidth / 2);
  }
  const halfAt = (x) => columns.get(Math.round(x)) || 0;
  const edges = {};
  for (const e of input.edges) {
    const d = raw[e.id];
    if (!d) continue;
    const source = nodes[e.source];
    const target = nodes[e.target];
    const label = { x: d.x, y: d.y };
    const forward = source.x <= target.x;
    // leave the source's column and enter the target's at the height of their circles
    const route = [{ x: source.x + (forward ? source.half : -source.half), y: source.y }];
    let labelIndex = -1;
    const inner = d.points.slice(1, -1);
    for (const p of inner) {
      const half = halfAt(p.x);
      const isLabel = Math.abs(p.x - label.x) < 0.5 && Math.abs(p.y - label.y) < 0.5;
      const sign = forward ? 1 : -1;
      if (half > 0) route.push({ x: p.x - sign * half, y: p.y });
      if (isLabel || half === 0) {
        if (isLabel) labelIndex = route.length;
        route.push({ x: p.x, y: p.y });
      }
      if (half > 0) route.push({ x: p.x + sign * half, y: p.y });
    }
    if (labelIndex < 0) {
      labelIndex = route.length;
      route.push(label);
    }
    route.push({ x: target.x - (forward ? target.half : -target.half), y: target.y });
    edges[e.id] = { route, labelIndex, label };
  }
  for (const id of Object.keys(nodes)) delete nodes[id].half;
  const graph = g.graph();
  return { nodes, edges, width: graph.width, height: graph.height };
}

/**
 * Cytoscape "segments" edge control values (segment-weights and -distances relative to the
 * two node centres, edge-distances: node-position) that draw the edge through the route
 * with its label point in the middle, where Cytoscape puts the label of an odd number of
 * points.
 */
export function segmentControls(source, target, route, labelIndex) {
  const label = route[labelIndex];
  const before = route.slice(0, labelIndex);
  const after = route.slice(labelIndex + 1);
  while (before.length < after.length) before.push(label);
  while (after.length < before.length) after.unshift(label);
  const points = [...before, label, ...after];
  const vx = target.x - source.x;
  const vy = target.y - source.y;
  const length2 = vx * vx + vy * vy;
  if (!length2) return null;
  const length = Math.sqrt(length2);
  const weights = [];
  const distances = [];
  for (const p of points) {
    const px = p.x - source.x;
    const py = p.y - source.y;
    weights.push(round((px * vx + py * vy) / length2));
    distances.push(round((px * -vy + py * vx) / length));
  }
  return { weights, distances };
}

const round = (v) => Math.round(v * 10000) / 10000;

/** Inverse of segmentControls: the points a segments edge passes through. */
export function controlPoints(source, target, controls) {
  const vx = target.x - source.x;
  const vy = target.y - source.y;
  const length = Math.sqrt(vx * vx + vy * vy);
  return controls.weights.map((w, i) => ({
    x: source.x + vx * w + (-vy / length) * controls.distances[i],
    y: source.y + vy * w + (vx / length) * controls.distances[i],
  }));
}

/** Whether two boxes {x1, y1, x2, y2} overlap by more than `slack` pixels. */
export function intersects(a, b, slack = 0) {
  return a.x1 < b.x2 - slack && b.x1 < a.x2 - slack && a.y1 < b.y2 - slack && b.y1 < a.y2 - slack;
}

/** Pairs of boxes {id, owner, ...} that overlap, ignoring boxes of the same owner. */
export function overlappingPairs(boxes, slack = 0) {
  const pairs = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (boxes[i].owner !== undefined && boxes[i].owner === boxes[j].owner) continue;
      if (intersects(boxes[i], boxes[j], slack)) pairs.push([boxes[i].id, boxes[j].id]);
    }
  }
  return pairs;
}

/** Boxes of every circle, node label and edge label of a computed layout (layout units). */
export function layoutBoxes(input, result) {
  const boxes = [];
  for (const n of input.nodes) {
    const p = result.nodes[n.id];
    const r = n.circle / 2;
    boxes.push({ id: 'node:' + n.id, owner: n.id, x1: p.x - r, y1: p.y - r, x2: p.x + r, y2: p.y + r });
    const top = p.y + r + LABEL_GAP;
    boxes.push({ id: 'label:' + n.id, owner: n.id, x1: p.x - n.labelWidth / 2, y1: top, x2: p.x + n.labelWidth / 2, y2: top + n.labelHeight });
  }
  for (const e of input.edges) {
    const l = result.edges[e.id] && result.edges[e.id].label;
    if (!l) continue;
    boxes.push({ id: 'edge-label:' + e.id, x1: l.x - e.labelWidth / 2, y1: l.y - e.labelHeight / 2, x2: l.x + e.labelWidth / 2, y2: l.y + e.labelHeight / 2 });
  }
  return boxes;
}

/** Whether the segment p-q passes through the box (Liang–Barsky clipping). */
export function segmentCrossesBox(p, q, box) {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const checks = [[-dx, p.x - box.x1], [dx, box.x2 - p.x], [-dy, p.y - box.y1], [dy, box.y2 - p.y]];
  for (const [pp, qq] of checks) {
    if (pp === 0) { if (qq < 0) return false; continue; }
    const t = qq / pp;
    if (pp < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
  }
  return t0 < t1;
}
