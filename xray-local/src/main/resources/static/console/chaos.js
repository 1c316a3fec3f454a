// Chaos: what `./shop chaos` did (kills, latency, errors, throttling, resets), as the
// launcher recorded it in xray-local, newest first; each event opens Analytics around it.
import { $, el } from './dom.js';
import { chaosEvents } from './api.js';
import { clock, hms } from './format.js';

/** Minutes before and after an event that "Before / during" compares. */
const AROUND = 300;

export async function load(ctx) {
  const section = $('#view-chaos');
  const since = ctx.timeWindow().StartTime;
  const { events, available } = await chaosEvents(since);
  $('#chaos-info').textContent = !available
    ? 'This xray-local records no chaos events (it has no /local/chaos/events).'
    : events.length ? events.length + ' chaos events in the time range, newest first.' : 'No chaos events in the time range. `./shop chaos` records them here.';
  const rows = events.slice().reverse().map((e) => el('tr', { dataset: { chaosEvent: e.id, action: e.action, target: e.target || '' } },
    el('td', { title: clock(e.time) }, hms(e.time)),
    el('td', {}, el('span', { class: 'badge chaos ' + e.action }, e.action)),
    el('td', {}, e.target || 'all services'),
    el('td', { class: 'mono wrap' }, e.parameters && Object.keys(e.parameters).length ? JSON.stringify(e.parameters) : ''),
    el('td', { class: 'muted' }, e.source || ''),
    el('td', {}, el('button', {
      type: 'button', class: 'button',
      onclick: () => ctx.go('analytics', {
        compare: 'time',
        aStart: Math.floor(e.time - AROUND), aEnd: Math.floor(e.time), bStart: Math.floor(e.time), bEnd: Math.ceil(e.time + AROUND),
      }),
    }, 'Before / after'))));
  $('#chaos-table tbody').replaceChildren(...rows);
  section.dataset.state = 'ready';
  section.dataset.count = events.length;
}
