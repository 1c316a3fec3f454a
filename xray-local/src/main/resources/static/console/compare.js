// Two traces side by side as call trees (trace-diff.js): each call's count, time and self
// time in both, what is missing or new, the largest change in self time first. Reached
// from the trace list (pick two) or from a trace ("Compare with another trace", which
// offers the traces of the same route to pick from).
import { $, el } from './dom.js';
import { api } from './api.js';
import { ms, age, quote } from './format.js';
import { timelineRows } from './timeline.js';
import { diffTraces } from './trace-diff.js';
import { route } from './routes.js';

async function fetchTrace(id) {
  const result = await api('/Traces', { TraceIds: [id] });
  const trace = (result.Traces || [])[0];
  if (!trace) return null;
  const documents = trace.Segments.map((s) => JSON.parse(s.Document));
  return { trace, rows: timelineRows(documents) };
}

function entryUrl(rows) {
  const entry = rows.find((r) => r.kind === 'segment');
  const req = entry && entry.entity.http && entry.entity.http.request;
  return (req && req.url) || '';
}

export async function load(ctx) {
  const p = ctx.state.route.params;
  const section = $('#view-compare');
  section.dataset.state = 'loading';
  const [a, b] = await Promise.all([p.get('a'), p.get('b')].map((id) => (id ? fetchTrace(id) : null)));
  $('#compare-heads').replaceChildren(head('A', p.get('a'), a), head('B', p.get('b'), b));
  const pick = $('#compare-pick');
  if (a && !b) {
    await offerCandidates(ctx, p.get('a'), a);
    $('#compare-table tbody').replaceChildren();
    section.dataset.state = 'picking';
    return;
  }
  pick.hidden = true;
  if (!a || !b) {
    $('#compare-table tbody').replaceChildren();
    section.dataset.state = 'missing';
    return;
  }
  const diff = diffTraces(a.rows, b.rows);
  const signed = (seconds) => (seconds > 0 ? '+' : seconds < 0 ? '−' : '') + ms(Math.abs(seconds));
  $('#compare-table tbody').replaceChildren(...diff.map((d, i) => el('tr', {
    class: d.status + (i === 0 ? ' top' : ''),
    dataset: { service: d.service, target: d.target, name: d.name, kind: d.kind, status: d.status, selfDeltaMs: (d.selfDelta * 1000).toFixed(3) },
  },
  el('td', { class: 'call', title: d.path, style: 'padding-left:' + (8 + d.depth * 14) + 'px' }, d.label,
    d.kind === 'subsegment' ? el('small', {}, ' in ' + d.service) : null),
  ...cells(d.a), ...cells(d.b),
  el('td', { class: 'num delta ' + (d.selfDelta > 0 ? 'slower' : d.selfDelta < 0 ? 'faster' : '') }, signed(d.selfDelta)),
  el('td', {}, el('span', { class: 'chip ' + d.status }, d.status === 'both' ? (d.countDelta ? 'count ' + (d.countDelta > 0 ? '+' : '') + d.countDelta : 'in both') : d.status === 'missing' ? 'only in A' : 'only in B')))));
  section.dataset.state = 'ready';
  section.dataset.largest = diff.length ? diff[0].target : '';
}

function cells(totals) {
  if (!totals) return [el('td', { class: 'num muted' }, '–'), el('td', { class: 'num muted' }, '–'), el('td', { class: 'num muted' }, '–')];
  return [el('td', { class: 'num' }, String(totals.count)), el('td', { class: 'num' }, ms(totals.time)), el('td', { class: 'num' }, ms(totals.self))];
}

function head(label, id, found) {
  if (!id) return el('section', { class: 'side panel' }, el('h2', {}, el('span', { class: 'side-tag' }, label), 'not chosen yet'));
  if (!found) return el('section', { class: 'side panel' }, el('h2', {}, el('span', { class: 'side-tag' }, label), id), el('p', {}, 'Not stored (it may have been evicted).'));
  return el('section', { class: 'side panel', dataset: { side: label, traceId: id } },
    el('h2', {}, el('span', { class: 'side-tag' }, label), el('a', { href: '#/trace/' + encodeURIComponent(id), class: 'mono' }, id)),
    el('p', {}, el('b', {}, ms(found.trace.Duration)), ' · ', entryUrl(found.rows) || '(no URL)', ' · ', String(found.rows.length), ' rows'));
}

/** The traces of A's route in the time range, for picking B. */
async function offerCandidates(ctx, idA, a) {
  const url = entryUrl(a.rows);
  const r = route(url);
  const literal = r.split('{id}')[0];
  const filter = url ? 'http.url CONTAINS ' + quote(literal) : '';
  const page = await api('/TraceSummaries', { ...ctx.timeWindow(), FilterExpression: filter || undefined });
  const candidates = (page.TraceSummaries || []).filter((s) => s.Id !== idA).slice(0, 50);
  $('#compare-candidates tbody').replaceChildren(...candidates.map((s) => el('tr', {
    class: 'clickable', dataset: { traceId: s.Id },
    onclick: () => ctx.go('compare', { a: idA, b: s.Id }),
  }, el('td', { class: 'mono' }, s.Id), el('td', {}, age(s.StartTime || 0)), el('td', { class: 'num' }, ms(s.ResponseTime)),
  el('td', { class: 'url' }, (s.Http && s.Http.HttpURL) || ''))));
  $('#compare-pick').hidden = false;
}
