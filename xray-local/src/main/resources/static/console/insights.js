// Insights: what xray-local's detector found (a service whose fault rate left its
// expected band), newest first; one opened shows its summary, impact, the root-cause
// service's faults against the top of its band over time with the chaos events, and
// its events.
import { $, el, kvList } from './dom.js';
import { api, chaosEvents } from './api.js';
import { timeChart, legend } from './charts.js';
import { hms, clock, number, percent } from './format.js';

const LINES = [
  { key: 'total', label: 'Calls', color: '#0b63ce' },
  { key: 'faults', label: 'Faults', color: '#d13438' },
  { key: 'expected', label: 'Expected faults (top of band)', color: '#2e9d5b' },
];

export async function load(ctx) {
  const section = $('#view-insights');
  const window = ctx.timeWindow();
  const group = ctx.state.group || undefined;
  const result = await api('/InsightSummaries', { StartTime: Math.max(window.StartTime, window.EndTime - 86400), EndTime: window.EndTime, GroupName: group });
  const insights = result.InsightSummaries || [];
  const selected = ctx.state.route.id;
  $('#insight-info').textContent = insights.length
    ? insights.length + ' insights in the time range' + (group ? ' for group ' + group : '') + ', newest first.'
    : 'No insights in the time range. One opens when a service\'s fault rate leaves its expected band (groups with insights enabled).';
  const rows = insights.map((i) => el('tr', { dataset: { insight: i.InsightId, state: i.State, rootCause: i.RootCauseServiceId.Name }, class: i.InsightId === selected ? 'selected' : null },
    el('td', {}, el('span', { class: 'badge ' + (i.State === 'ACTIVE' ? 'fault' : 'ok') }, i.State)),
    el('td', {}, el('strong', {}, i.RootCauseServiceId.Name)),
    el('td', { title: clock(i.StartTime) }, hms(i.StartTime)),
    el('td', {}, i.EndTime ? hms(i.EndTime) : '–'),
    el('td', {}, i.GroupName),
    el('td', { class: 'num' }, number(i.RootCauseServiceRequestImpactStatistics.FaultCount) + ' of ' + number(i.RootCauseServiceRequestImpactStatistics.TotalCount)),
    el('td', { class: 'wrap' }, i.Summary),
    el('td', {}, el('button', { type: 'button', class: 'button', onclick: () => ctx.go('insights/' + i.InsightId) }, 'Open'))));
  $('#insight-table tbody').replaceChildren(...rows);
  const details = $('#insight-details');
  if (selected) {
    await showInsight(details, selected);
  } else {
    details.replaceChildren();
  }
  section.dataset.state = 'ready';
  section.dataset.count = insights.length;
}

async function showInsight(box, id) {
  const [{ Insight: i }, events, timeline] = await Promise.all([
    api('/Insight', { InsightId: id }),
    api('/InsightEvents', { InsightId: id }),
    fetch('local/insights/timeline?id=' + encodeURIComponent(id), { cache: 'no-store' }).then((r) => r.json()),
  ]);
  const points = (timeline.Points || []).map((p, index, all) => ({
    time: p.Time, period: (all[1] ? all[1].Time - all[0].Time : 60), total: p.Total, faults: p.Faults,
    expected: p.Total * p.ExpectedHigh,
  }));
  const period = points.length ? points[0].period : 60;
  const start = i.StartTime - 10 * period;
  const end = (i.EndTime || Date.now() / 1000) + 3 * period;
  const { events: chaos } = await chaosEvents(start);
  const marks = chaos.concat([{ time: i.StartTime, action: 'insight opened', target: '' }],
    i.EndTime ? [{ time: i.EndTime, action: 'insight closed', target: '' }] : []);
  const client = i.ClientRequestImpactStatistics;
  const root = i.RootCauseServiceRequestImpactStatistics;
  box.replaceChildren(el('div', { class: 'panel', dataset: { insight: i.InsightId, state: i.State } },
    el('h2', {}, 'Insight: ' + i.RootCauseServiceId.Name + ' (' + i.State + ')'),
    el('p', {}, i.Summary),
    kvList([
      ['Root-cause service', i.RootCauseServiceId.Name + ' (' + (i.RootCauseServiceId.Type || 'service') + ')'],
      ['Group', i.GroupName], ['Started', clock(i.StartTime)], ['Ended', i.EndTime ? clock(i.EndTime) : 'still active'],
      ['Calls to the root cause', number(root.TotalCount) + ', ' + number(root.FaultCount) + ' faulted (' + percent(root.TotalCount ? root.FaultCount / root.TotalCount : NaN) + ')'],
      ['Client requests impacted', number(client.TotalCount) + ' reached it; ' + number(client.FaultCount) + ' failed for the client'],
      ['Usual fault rate before', percent(timeline.ExpectedRate)],
      ['Anomalous services', (i.TopAnomalousServices || []).map((s) => s.ServiceId.Name).join(', ')]]),
    timeChart(points, LINES, { start, end, events: marks, id: 'insight', title: 'Calls into ' + i.RootCauseServiceId.Name }),
    legend(LINES),
    el('h3', {}, 'Events'),
    el('table', { class: 'grid', id: 'insight-events' }, el('tbody', {}, (events.InsightEvents || []).map((e) => el('tr', {},
      el('td', { title: clock(e.EventTime) }, hms(e.EventTime)), el('td', { class: 'wrap' }, e.Summary)))))));
}
