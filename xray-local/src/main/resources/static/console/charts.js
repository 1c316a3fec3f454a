// SVG charts: a response-time histogram that can be dragged over, and time series with
// chaos markers. Drawing only; the numbers come from stats.js.
import { svg } from './dom.js';
import { ms, hms } from './format.js';
import { histogramBars, bucketRange, bucketWidth } from './stats.js';

const W = 300;
const H = 140;

/**
 * Bars of a response-time histogram. Dragging over it (or clicking a bar) calls
 * onRange(low, high) with the response times of the buckets covered (high null: no bound).
 */
export function histogramChart(entries, onRange) {
  const chart = svg('svg', { class: 'histogram', viewBox: `0 0 ${W} ${H}`, role: 'img' });
  const h = histogramBars(entries, 40);
  if (!h) {
    chart.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'axis' }, 'No completed requests'));
    return chart;
  }
  const barWidth = W / h.bars.length;
  const top = Math.max(...h.bars.map((b) => b.count));
  h.bars.forEach((b, i) => {
    if (!b.count) return;
    const height = Math.max(2, (b.count / top) * 110);
    chart.append(svg('rect', { class: 'bar', x: i * barWidth + 1, y: 118 - height, width: Math.max(1, barWidth - 2), height, dataset: { low: b.low, high: b.high, count: b.count } },
      svg('title', {}, b.count + ' × ' + ms(b.low) + (h.bars.length > 1 ? '–' + ms(b.high) : ''))));
  });
  // the axis ends where the last bucket ends
  const last = bucketWidth(h.max);
  for (const [x, anchor, value] of [[0, 'start', h.min], [W, 'end', Number.isFinite(last) ? h.max + last : h.max]]) {
    chart.append(svg('text', { x, y: 134, 'text-anchor': anchor, class: 'axis' }, ms(value)));
  }
  chart.dataset.buckets = (entries || []).length;
  chart.dataset.min = h.min;
  chart.dataset.max = h.max;
  if (!onRange) return chart;

  // drag to choose a latency range; the selection snaps to whole bars
  const brush = svg('rect', { class: 'brush', x: 0, y: 0, width: 0, height: 120, visibility: 'hidden' });
  chart.append(brush);
  chart.classList.add('brushable');
  const toX = (event) => {
    const box = chart.getBoundingClientRect();
    return Math.min(W - 0.001, Math.max(0, ((event.clientX - box.left) / box.width) * W));
  };
  const barAt = (x) => Math.min(h.bars.length - 1, Math.floor(x / barWidth));
  let from = null;
  chart.addEventListener('pointerdown', (event) => {
    from = toX(event);
    // a live refresh would redraw the chart under the drag
    document.body.dataset.dragging = 'true';
    chart.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  chart.addEventListener('pointercancel', () => { from = null; delete document.body.dataset.dragging; });
  chart.addEventListener('pointermove', (event) => {
    if (from === null) return;
    const a = barAt(Math.min(from, toX(event)));
    const b = barAt(Math.max(from, toX(event)));
    brush.setAttribute('x', a * barWidth);
    brush.setAttribute('width', (b - a + 1) * barWidth);
    brush.setAttribute('visibility', 'visible');
  });
  chart.addEventListener('pointerup', (event) => {
    delete document.body.dataset.dragging;
    if (from === null) return;
    const a = barAt(Math.min(from, toX(event)));
    const b = barAt(Math.max(from, toX(event)));
    from = null;
    const range = bucketRange(h.bars[a].low, h.bars[b].high);
    onRange(range.low, range.high);
  });
  return chart;
}

const PAD = { left: 46, right: 10, top: 12, bottom: 26 };

/**
 * Lines over time: series is [{time, ...}], lines [{key, label, color}], events chaos
 * events ({time, action, target}) drawn as vertical markers. Fixed [start, end] so two
 * charts side by side share an axis per side.
 */
export function timeChart(series, lines, { start, end, format = countLabel, events = [], title, id, width: CW = 640, height: CH = 190, onPeriod } = {}) {
  const chart = svg('svg', { class: 'timechart', viewBox: `0 0 ${CW} ${CH}`, role: 'img', dataset: { chart: id || '' } });
  if (title) chart.append(svg('title', {}, title));
  const plotW = CW - PAD.left - PAD.right;
  const plotH = CH - PAD.top - PAD.bottom;
  const values = series.flatMap((p) => lines.map((l) => p[l.key]).filter(Number.isFinite));
  const top = niceMax(Math.max(0, ...values));
  const x = (t) => PAD.left + ((t - start) / Math.max(end - start, 1)) * plotW;
  const y = (v) => PAD.top + plotH - (v / top) * plotH;
  for (let i = 0; i <= 4; i++) {
    const v = (top * i) / 4;
    chart.append(svg('line', { class: 'grid-line', x1: PAD.left, x2: CW - PAD.right, y1: y(v), y2: y(v) }));
    chart.append(svg('text', { class: 'axis', x: PAD.left - 4, y: y(v) + 3, 'text-anchor': 'end' }, format(v)));
  }
  const ticks = CW < 480 ? 2 : 4;
  for (let i = 0; i <= ticks; i++) {
    const t = start + ((end - start) * i) / ticks;
    chart.append(svg('text', { class: 'axis', x: x(t), y: CH - 8, 'text-anchor': i === 0 ? 'start' : i === ticks ? 'end' : 'middle' }, hms(t)));
  }
  for (const line of lines) {
    const pts = series.filter((p) => Number.isFinite(p[line.key])).map((p) => `${x(p.time + p.period / 2).toFixed(1)},${y(p[line.key]).toFixed(1)}`);
    if (pts.length) {
      chart.append(svg('polyline', { class: 'series', points: pts.join(' '), stroke: line.color, dataset: { series: line.key } }));
    }
  }
  // a click on a period (a point of the lines) calls onPeriod(start, end): its traces
  if (onPeriod) {
    for (const p of series) {
      const x0 = Math.max(PAD.left, x(p.time));
      const x1 = Math.min(CW - PAD.right, x(p.time + p.period));
      if (x1 <= x0) continue;
      chart.append(svg('rect', {
        class: 'period', x: x0, y: PAD.top, width: x1 - x0, height: plotH, dataset: { time: p.time, period: p.period },
        onclick: () => onPeriod(p.time, p.time + p.period),
      }, svg('title', {}, hms(p.time) + ': ' + (p.requests || 0) + ' requests (click for the traces)')));
    }
  }
  // marker labels take the first of three rows where they do not run into the previous one
  const rowEnds = [-Infinity, -Infinity, -Infinity];
  for (const e of events.filter((ev) => ev.time >= start && ev.time <= end).sort((a, b) => a.time - b.time)) {
    const at = x(e.time);
    const full = e.action + (e.target ? ' ' + e.target : '');
    let row = rowEnds.findIndex((endX) => at + 3 > endX + 6);
    let text = full;
    if (row < 0) {
      row = rowEnds.indexOf(Math.min(...rowEnds));
      text = e.action;
    }
    const width = text.length * 5.6;
    // near the right edge the label goes to the left of its line
    const left = at + 3 + width > CW - PAD.right;
    rowEnds[row] = left ? at : at + 3 + width;
    chart.append(svg('g', { class: 'chaos-marker', dataset: { action: e.action, target: e.target || '', time: e.time } },
      svg('line', { x1: at, x2: at, y1: PAD.top - 4, y2: PAD.top + plotH }),
      svg('text', { x: left ? at - 3 : at + 3, y: PAD.top + 6 + row * 11, 'text-anchor': left ? 'end' : 'start' }, text),
      svg('title', {}, full + ' at ' + hms(e.time))));
  }
  return chart;
}

/** Legend chips for a chart's lines. */
export function legend(lines) {
  const box = document.createElement('div');
  box.className = 'chart-legend';
  for (const l of lines) {
    const item = document.createElement('span');
    const swatch = document.createElement('i');
    swatch.style.background = l.color;
    item.append(swatch, l.label);
    box.append(item);
  }
  return box;
}

/** Axis numbers as short as they can be without rounding a quarter away (1.25, 2.5). */
function countLabel(v) {
  return String(Number(v.toFixed(2)));
}

function niceMax(v) {
  if (v <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= v) return m * power;
  return 10 * power;
}

export const COUNT_LINES = [
  { key: 'requests', label: 'Requests', color: '#0b63ce' },
  { key: 'error', label: '4xx', color: '#d89a00' },
  { key: 'fault', label: '5xx', color: '#d13438' },
  { key: 'throttle', label: '429', color: '#7b3fc4' },
];

export const LATENCY_LINES = [
  { key: 'p50', label: 'p50', color: '#2e9d5b' },
  { key: 'p90', label: 'p90', color: '#5b9bd5' },
  { key: 'p95', label: 'p95', color: '#d89a00' },
  { key: 'p99', label: 'p99', color: '#d13438' },
];
