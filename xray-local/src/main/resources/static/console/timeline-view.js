// The timeline of a trace: a row per segment and subsegment, its bar on the trace's time
// axis, the critical path marked (rows on it, the stretches of each bar that were, and
// their self time). A long trace (more than VIRTUAL_FROM rows) scrolls in a box of its own
// and only the rows in view are in the page, so 2,000 subsegments open and scroll as fast
// as twenty.
import { el } from './dom.js';
import { ms } from './format.js';
import { entityHealth, barGeometry } from './timeline.js';
import { visibleRange, scrollTopFor } from './virtual.js';

export const ROW_HEIGHT = 29; // 28px and the 1px border: .tl-row in console.css
export const VIRTUAL_FROM = 300;

/**
 * Draws rows into `container`; onSelect(row) on click. Returns {scrollTo(index), refresh()}.
 * `critical` is criticalPath's answer (or null for none shown).
 */
export function renderTimeline(container, rows, critical, onSelect) {
  const start = Math.min(...rows.map((r) => r.entity.start_time || Infinity));
  const end = Math.max(...rows.map((r) => r.entity.end_time || r.entity.start_time || 0));
  const span = Math.max(end - start, 1e-6);
  const piecesOf = new Map();
  if (critical) for (const p of critical.pieces) (piecesOf.get(p.index) || piecesOf.set(p.index, []).get(p.index)).push(p);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const track = (labels) => el('div', { class: 'tl-track' }, ticks.map((t) => el('div', { class: 'tick', style: 'left:' + t * 100 + '%' },
    labels && t < 1 ? el('span', {}, ms(span * t)) : null)));
  const head = el('div', { class: 'tl-row tl-head', role: 'row' },
    el('div', { class: 'tl-name', role: 'columnheader' }, 'Name'),
    track(true),
    el('div', { class: 'tl-dur', role: 'columnheader' }, 'Duration'),
    el('div', { class: 'tl-self', role: 'columnheader', title: 'Time on the critical path not spent in a child' }, 'Critical self'),
    el('div', { class: 'tl-status', role: 'columnheader' }, 'Status'));

  const rowEl = (row, index) => {
    const e = row.entity;
    const h = entityHealth(e);
    const { left, width } = barGeometry(e, start, end);
    const bar = track(false);
    bar.append(el('div', { class: 'tl-bar ' + h, style: 'left:' + left + '%;width:' + width + '%', title: ms((e.end_time || end) - e.start_time) }));
    for (const p of piecesOf.get(index) || []) {
      bar.append(el('div', { class: 'tl-crit', style: 'left:' + ((p.start - start) / span) * 100 + '%;width:' + Math.max(0.2, ((p.end - p.start) / span) * 100) + '%' }));
    }
    const status = e.http && e.http.response && e.http.response.status;
    const aws = e.namespace === 'aws' || (e.inferred && /^AWS::/.test(e.origin || ''));
    const awsService = aws ? (e.inferred ? e.origin.split('::')[1] : (/^dynamodb$/i.test(e.name) ? 'DynamoDB' : e.name)) : undefined;
    const note = row.kind === 'inferred' ? (e.origin === 'AWS::DynamoDB::Table' ? 'DynamoDB table' : e.origin)
      : e.namespace === 'aws' ? ((e.aws && e.aws.operation) || 'AWS') + (e.aws && e.aws.table_name ? ' ' + e.aws.table_name : '')
      : e.namespace === 'remote' ? 'remote' : null;
    const self = critical && critical.selfTime.get(index);
    return el('div', {
      class: 'tl-row ' + row.kind + (self !== undefined && self !== null ? ' critical' : ''), role: 'row', tabindex: 0,
      dataset: { segmentName: e.name, segmentId: e.id, kind: row.kind, namespace: e.namespace, awsService, service: row.service, health: h, index, critical: self !== undefined && self !== null ? 'true' : undefined, selfMs: self !== undefined ? (self * 1000).toFixed(3) : undefined },
      onclick: () => onSelect(row),
      onkeydown: (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); onSelect(row); } },
    },
    el('div', { class: 'tl-name', role: 'cell', style: 'padding-left:' + (10 + row.depth * 16) + 'px', title: e.name },
      el('span', { class: 'dot ' + h }), e.name, note ? el('small', {}, note) : null),
    bar,
    el('div', { class: 'tl-dur', role: 'cell' }, e.in_progress ? 'in progress' : ms(e.end_time - e.start_time)),
    el('div', { class: 'tl-self', role: 'cell' }, self ? ms(self) : ''),
    el('div', { class: 'tl-status', role: 'cell' }, status || ''));
  };

  container.dataset.rows = rows.length;
  const virtual = rows.length > VIRTUAL_FROM;
  container.classList.toggle('virtual', virtual);
  container.dataset.virtual = String(virtual);
  if (!virtual) {
    container.replaceChildren(head, ...rows.map(rowEl));
    return {
      scrollTo(index) {
        const target = container.querySelector('.tl-row[data-index="' + index + '"]');
        if (target) target.scrollIntoView({ block: 'center' });
      },
      refresh() {},
    };
  }
  const body = el('div', { class: 'tl-body', role: 'rowgroup' });
  const before = el('div', { class: 'tl-spacer' });
  const after = el('div', { class: 'tl-spacer' });
  container.replaceChildren(head, body);
  let drawn = null;
  const draw = () => {
    const range = visibleRange({ scrollTop: body.scrollTop, viewport: body.clientHeight || 600, rowHeight: ROW_HEIGHT, count: rows.length });
    if (drawn && drawn.first === range.first && drawn.last === range.last) return;
    drawn = range;
    before.style.height = range.before + 'px';
    after.style.height = range.after + 'px';
    const selected = container.dataset.selected;
    const shown = rows.slice(range.first, range.last).map((row, i) => rowEl(row, range.first + i));
    body.replaceChildren(before, ...shown, after);
    if (selected) shown.filter((r) => r.dataset.segmentId === selected).forEach((r) => r.classList.add('selected'));
    container.dataset.first = range.first;
    container.dataset.last = range.last;
  };
  let pending = false;
  body.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; draw(); });
  });
  draw();
  return {
    scrollTo(index) {
      body.scrollTop = scrollTopFor(index, ROW_HEIGHT, body.clientHeight || 600);
      draw();
      container.scrollIntoView({ block: 'start' });
    },
    refresh: draw,
  };
}
