// Group metrics and alarms: each group's per-period metrics as X-Ray publishes them to
// CloudWatch (ApproximateTraceCount, ErrorRate, FaultRate, ThrottleRate, ResponseTime),
// and alarms a person sets on them (xray-local's own /local/alarms: there is no
// CloudWatch locally), with their history, drawn with the chaos events.
import { $, el, showError } from './dom.js';
import { api, chaosEvents } from './api.js';
import { timeChart, legend } from './charts.js';
import { hms, clock, number, percent, ms } from './format.js';

const RATE_LINES = [
  { key: 'ErrorRate', label: 'Error rate', color: '#d89a00' },
  { key: 'FaultRate', label: 'Fault rate', color: '#d13438' },
  { key: 'ThrottleRate', label: 'Throttle rate', color: '#7b3fc4' },
];

const COUNT_LINES = [{ key: 'ApproximateTraceCount', label: 'Traces', color: '#0b63ce' }];

export function init(ctx) {
  $('#alarm-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = $('#alarm-error');
    try {
      const response = await fetch('local/alarms', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          AlarmName: $('#alarm-name').value.trim(), GroupName: ctx.state.group || 'Default',
          MetricName: $('#alarm-metric').value, ComparisonOperator: $('#alarm-operator').value,
          Threshold: Number($('#alarm-threshold').value), EvaluationPeriods: Number($('#alarm-periods').value),
        }),
      });
      if (!response.ok) {
        const json = await response.json();
        throw Object.assign(new Error(json.message), { type: json.__type });
      }
      box.hidden = true;
      $('#alarm-name').value = '';
      load(ctx);
    } catch (error) {
      showError(box, error);
    }
  });
}

export async function load(ctx) {
  const section = $('#view-alarms');
  const group = ctx.state.group || 'Default';
  const window = ctx.timeWindow();
  const [metrics, alarms, chaos] = await Promise.all([
    fetch(`local/groups/metrics?group=${encodeURIComponent(group)}&start=${Math.floor(window.StartTime)}&end=${Math.floor(window.EndTime)}`, { cache: 'no-store' }).then((r) => r.json()),
    fetch('local/alarms', { cache: 'no-store' }).then((r) => r.json()),
    chaosEvents(window.StartTime),
  ]);
  const points = (metrics.Points || []).map((p) => ({ ...p, time: p.Timestamp, period: metrics.Period }));
  const mine = (alarms.MetricAlarms || []).filter((a) => a.Definition.GroupName === metrics.GroupName);
  const changes = mine.flatMap((a) => a.History.map((h) => ({ time: h.Timestamp, action: h.NewState, target: a.Definition.AlarmName })));
  const marks = chaos.events.concat(changes);
  $('#alarm-group').textContent = 'Group ' + metrics.GroupName + ', one point per ' + metrics.Period + ' s';
  const last = points.filter((p) => p.ApproximateTraceCount > 0).pop();
  $('#alarm-charts').replaceChildren(
    el('div', {}, el('h3', {}, 'ApproximateTraceCount'), timeChart(points, COUNT_LINES, { start: window.StartTime, end: window.EndTime, events: marks, id: 'group-traces' })),
    el('div', {}, el('h3', {}, 'Error, fault and throttle rates'), timeChart(points, RATE_LINES, { start: window.StartTime, end: window.EndTime, events: marks, id: 'group-rates', format: (v) => percent(v) }), legend(RATE_LINES)),
    el('p', { class: 'muted' }, last ? `Last period: ${number(last.ApproximateTraceCount)} traces, fault rate ${percent(last.FaultRate)}, response time ${ms(last.ResponseTime)}` : 'No traces in the time range.'));
  const rows = (alarms.MetricAlarms || []).map((a) => el('tr', { dataset: { alarm: a.Definition.AlarmName, state: a.StateValue, group: a.Definition.GroupName } },
    el('td', {}, el('strong', {}, a.Definition.AlarmName)),
    el('td', {}, el('span', { class: 'badge ' + (a.StateValue === 'ALARM' ? 'fault' : a.StateValue === 'OK' ? 'ok' : 'partial') }, a.StateValue)),
    el('td', {}, a.Definition.GroupName),
    el('td', { class: 'mono' }, `${a.Definition.MetricName} ${a.Definition.ComparisonOperator} ${a.Definition.Threshold} for ${a.Definition.EvaluationPeriods}`),
    el('td', { class: 'wrap' }, a.StateReason),
    el('td', { class: 'wrap muted' }, a.History.slice(-5).reverse().map((h) => hms(h.Timestamp) + ' ' + h.OldState + ' → ' + h.NewState).join('; ')),
    el('td', {}, el('button', {
      type: 'button', class: 'button danger',
      onclick: async () => { await fetch('local/alarms/' + encodeURIComponent(a.Definition.AlarmName), { method: 'DELETE' }); load(ctx); },
    }, 'Delete'))));
  $('#alarm-table tbody').replaceChildren(...rows);
  section.dataset.state = 'ready';
  section.dataset.count = rows.length;
}
