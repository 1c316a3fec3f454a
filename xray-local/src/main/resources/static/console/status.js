// Status: xray-local's own counters (/status), and the footer that shows the main ones.
import { $, el, kvList } from './dom.js';
import { fetchStatus } from './api.js';
import { number } from './format.js';

export async function loadStatusBar() {
  try {
    const s = await fetchStatus();
    const rejected = Object.entries(s.ingest.rejectedByReason || {});
    const bar = $('#status-bar');
    bar.replaceChildren(
      el('span', {}, 'UDP ', el('b', { class: 'udp' }, s.ingest.udpAddress)),
      el('span', { dataset: { counter: 'received' } }, el('b', {}, number(s.ingest.datagramsReceived)), ' datagrams'),
      el('span', { dataset: { counter: 'accepted' } }, el('b', {}, number(s.ingest.accepted)), ' segments accepted'),
      el('span', { class: s.ingest.rejected ? 'warn' : '', dataset: { counter: 'rejected' }, title: rejected.map(([k, v]) => k + ': ' + v).join(', ') },
        el('b', {}, number(s.ingest.rejected)), ' rejected', rejected.length ? ' (' + rejected.map(([k, v]) => k + ' ' + v).join(', ') + ')' : ''),
      el('span', { dataset: { counter: 'traces' } }, el('b', {}, number(s.store.traces)), ' traces stored'),
      el('span', { dataset: { counter: 'evicted' } }, el('b', {}, number(s.store.tracesEvicted)), ' evicted'));
    document.querySelectorAll('.udp-address').forEach((c) => { c.textContent = s.ingest.udpAddress; });
  } catch (error) {
    $('#status-bar').replaceChildren(el('span', { class: 'warn' }, el('b', {}, 'xray-local does not answer')));
  }
}

export async function load() {
  const s = await fetchStatus();
  const panel = (title, pairs) => el('div', { class: 'panel' }, el('h2', {}, title), kvList(pairs));
  const mb = (bytes) => (bytes / 1048576).toFixed(1) + ' MB';
  const reasons = Object.entries(s.ingest.rejectedByReason || {});
  $('#status-content').replaceChildren(
    panel('Ingest', [
      ['UDP address', s.ingest.udpAddress], ['Receive buffer', mb(s.ingest.udpReceiveBufferBytes)],
      ['Datagrams received', number(s.ingest.datagramsReceived)], ['API documents', number(s.ingest.apiDocumentsReceived)],
      ['Accepted', number(s.ingest.accepted)], ['Rejected', number(s.ingest.rejected)], ['Waiting to be parsed', number(s.ingest.queued)]]),
    el('div', { class: 'panel' }, el('h2', {}, 'Rejected or dropped, by reason'),
      reasons.length ? el('table', { class: 'grid', id: 'reject-table' },
        el('tbody', {}, reasons.map(([k, v]) => el('tr', { dataset: { reason: k } }, el('td', { class: 'mono' }, k), el('td', { class: 'num' }, number(v))))))
        : el('p', { class: 'muted' }, 'Nothing rejected.')),
    panel('Store', [
      ['Traces', number(s.store.traces) + ' of ' + number(s.store.maxTraces)],
      ['Segments', number(s.store.segments) + ' of ' + number(s.store.maxSegments)],
      ['JSON kept', mb(s.store.jsonBytes) + ' of ' + mb(s.store.maxJsonBytes)],
      ['Kept for', Math.round(s.store.maxAgeSeconds / 60) + ' minutes'],
      ['Traces evicted', number(s.store.tracesEvicted)], ['Segments evicted', number(s.store.segmentsEvicted)]]),
    panel('Sampling', [
      ['Rules from', s.sampling.rulesFrom], ['Rules', s.sampling.rules.join(', ')],
      ['Rule polls', number(s.sampling.rulePolls)], ['Target polls', number(s.sampling.targetPolls)],
      ['SDK clients seen', number(s.sampling.clients)]]),
    s.telemetry ? panel('Daemon telemetry (PutTelemetryRecords)', [
      ['Requests', number(s.telemetry.requests)], ['Records', number(s.telemetry.records)],
      ['Segments received', number(s.telemetry.SegmentsReceivedCount)], ['Segments sent', number(s.telemetry.SegmentsSentCount)],
      ['Segments spilled over', number(s.telemetry.SegmentsSpilloverCount)], ['Segments rejected', number(s.telemetry.SegmentsRejectedCount)],
      ['Backend connection errors', number(s.telemetry.BackendConnectionErrors)], ['Last reported by', s.telemetry.lastReporter || '–']]) : '',
    panel('Process', [['Up for', Math.round(s.uptimeSeconds) + ' s'], ['Heap used', mb(s.heap.usedBytes) + ' of ' + mb(s.heap.maxBytes)]]));
}
