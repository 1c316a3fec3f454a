// Sampling rules as a person manages them: the rules SDKs poll, with what the SDKs
// reported for each in the last minute (GetSamplingStatisticSummaries) and since start
// (/status), an editor to change one and a form to add one. A change reaches running SDKs
// with their next GetSamplingTargets (rate and reservoir, about 10 s) or GetSamplingRules
// (new and deleted rules; the Java SDK polls every 5 minutes).
import { $, el, showError } from './dom.js';
import { api, fetchStatus } from './api.js';
import { number, clock, hms } from './format.js';

const FIELDS = [
  ['RuleName', 'Name', 'text'], ['Priority', 'Priority', 'number'], ['FixedRate', 'Fixed rate', 'number'],
  ['ReservoirSize', 'Reservoir', 'number'], ['ServiceName', 'Service name', 'text'], ['ServiceType', 'Service type', 'text'],
  ['Host', 'Host', 'text'], ['HTTPMethod', 'HTTP method', 'text'], ['URLPath', 'URL path', 'text'],
];

const NUMBERS = new Set(['Priority', 'FixedRate', 'ReservoirSize']);

let editing = null;

export function init(ctx) {
  $('#rule-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = $('#rule-error');
    const rule = readForm();
    try {
      if (editing) {
        const { RuleName, ...changes } = rule;
        await api('/UpdateSamplingRule', { SamplingRuleUpdate: { RuleName: editing, ...changes } });
      } else {
        await api('/CreateSamplingRule', { SamplingRule: { ...rule, ResourceARN: '*', Version: 1 } });
      }
      box.hidden = true;
      clearForm();
      load(ctx);
    } catch (error) {
      showError(box, error);
    }
  });
  $('#rule-cancel').addEventListener('click', clearForm);
  clearForm();
}

function readForm() {
  const rule = {};
  for (const [key] of FIELDS) {
    const value = $('#rule-' + key).value.trim();
    rule[key] = NUMBERS.has(key) ? Number(value) : value;
  }
  return rule;
}

function clearForm() {
  editing = null;
  const defaults = { Priority: 100, FixedRate: 0.05, ReservoirSize: 1, ServiceName: '*', ServiceType: '*', Host: '*', HTTPMethod: '*', URLPath: '*' };
  for (const [key] of FIELDS) {
    $('#rule-' + key).value = defaults[key] ?? '';
    $('#rule-' + key).disabled = false;
  }
  $('#rule-submit').textContent = 'Add rule';
  $('#rule-cancel').style.display = 'none';
}

function edit(rule) {
  editing = rule.RuleName;
  for (const [key] of FIELDS) $('#rule-' + key).value = rule[key];
  $('#rule-RuleName').disabled = true;
  // the Default rule's matching cannot change, only its rate and reservoir
  for (const [key] of FIELDS) {
    if (!NUMBERS.has(key) && key !== 'RuleName') $('#rule-' + key).disabled = rule.RuleName === 'Default';
  }
  $('#rule-Priority').disabled = rule.RuleName === 'Default';
  $('#rule-submit').textContent = 'Save ' + rule.RuleName;
  $('#rule-cancel').style.display = '';
  $('#rule-FixedRate').focus();
}

export async function load(ctx) {
  const section = $('#view-sampling');
  const [rules, summaries, status] = await Promise.all([
    api('/GetSamplingRules', {}), api('/SamplingStatisticSummaries', {}), fetchStatus().catch(() => ({})),
  ]);
  const recent = Object.fromEntries((summaries.SamplingStatisticSummaries || []).map((s) => [s.RuleName, s]));
  const totals = (status.sampling && status.sampling.reported) || {};
  const rows = rules.SamplingRuleRecords.map(({ SamplingRule: r, ModifiedAt }) => {
    const minute = recent[r.RuleName] || {};
    const total = totals[r.RuleName] || {};
    return el('tr', { dataset: { rule: r.RuleName, fixedRate: r.FixedRate, reservoir: r.ReservoirSize, requests: minute.RequestCount || 0, sampled: minute.SampledCount || 0, borrowed: minute.BorrowCount || 0 } },
      el('td', {}, el('strong', {}, r.RuleName)),
      el('td', { class: 'num' }, r.Priority),
      el('td', { class: 'mono wrap' }, [r.ServiceName, r.ServiceType, r.Host, r.HTTPMethod, r.URLPath].join('  ')),
      el('td', { class: 'num' }, (r.FixedRate * 100).toFixed(r.FixedRate < 0.1 ? 1 : 0) + '%'),
      el('td', { class: 'num' }, r.ReservoirSize + '/s'),
      el('td', { class: 'num', title: 'reported in the last minute' }, number(minute.RequestCount)),
      el('td', { class: 'num' }, number(minute.SampledCount)),
      el('td', { class: 'num' }, number(minute.BorrowCount)),
      el('td', { class: 'num muted', title: 'since xray-local started' }, number(total.requests) + ' / ' + number(total.sampled)),
      el('td', { class: 'muted', title: clock(ModifiedAt) }, hms(ModifiedAt)),
      el('td', {},
        el('button', { type: 'button', class: 'button', dataset: { editRule: r.RuleName }, onclick: () => edit(r) }, 'Edit'), ' ',
        r.RuleName === 'Default' ? null : el('button', {
          type: 'button', class: 'button danger', dataset: { deleteRule: r.RuleName },
          onclick: async () => { await api('/DeleteSamplingRule', { RuleName: r.RuleName }); load(ctx); },
        }, 'Delete')));
  });
  $('#rule-table tbody').replaceChildren(...rows);
  section.dataset.state = 'ready';
  section.dataset.count = rows.length;
}
