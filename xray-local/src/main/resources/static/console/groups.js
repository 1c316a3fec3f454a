// Groups: named filter expressions, used on the map, the trace list and Analytics.
import { $, el, showError } from './dom.js';
import { api } from './api.js';

export function init(ctx) {
  $('#group-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = $('#group-error');
    const expression = $('#group-filter').value.trim();
    try {
      await api('/CreateGroup', { GroupName: $('#group-name').value.trim(), FilterExpression: expression });
      box.hidden = true;
      $('#group-name').value = '';
      $('#group-filter').value = '';
      load(ctx);
    } catch (error) {
      showError(box, error, expression);
    }
  });
}

export async function load(ctx) {
  const result = await api('/Groups', {});
  ctx.fillGroupSelect(result.Groups);
  const use = (name, view) => { ctx.setGroup(name === 'Default' ? '' : name); ctx.go(view); };
  const rows = result.Groups.map((g) => el('tr', { dataset: { group: g.GroupName } },
    el('td', {}, el('strong', {}, g.GroupName)),
    el('td', { class: 'mono wrap' }, g.FilterExpression || '(all traces)'),
    el('td', { class: 'mono wrap muted' }, g.GroupARN),
    el('td', {},
      el('button', { type: 'button', class: 'button', onclick: () => use(g.GroupName, 'map') }, 'Map'), ' ',
      el('button', { type: 'button', class: 'button', onclick: () => use(g.GroupName, 'traces') }, 'Traces'), ' ',
      el('button', { type: 'button', class: 'button', onclick: () => use(g.GroupName, 'analytics') }, 'Analytics'), ' ',
      g.GroupName === 'Default' ? null : el('button', {
        type: 'button', class: 'button danger', dataset: { deleteGroup: g.GroupName },
        onclick: async () => {
          await api('/DeleteGroup', { GroupName: g.GroupName });
          if (ctx.state.group === g.GroupName) ctx.setGroup('');
          load(ctx);
        },
      }, 'Delete'))));
  $('#group-table tbody').replaceChildren(...rows);
}
