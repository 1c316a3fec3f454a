import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkRows } from '../../main/resources/static/console/links.js';

test('each span link becomes a row that opens the linked trace', () => {
  const rows = linkRows([
    { trace_id: '1-5f8a1b2c-0123456789abcdef01234567', id: '0102030405060708', attributes: { 'messaging.operation': 'receive', batch: 3 } },
    { trace_id: '1-ffffffff-00000000000000000000000a', id: '00000000000000ff' },
  ]);
  assert.equal(rows.length, 2);
  assert.equal(rows[0].href, '#/trace/1-5f8a1b2c-0123456789abcdef01234567');
  assert.equal(rows[0].spanId, '0102030405060708');
  assert.equal(rows[0].attributes, 'messaging.operation=receive, batch=3');
  assert.equal(rows[1].attributes, '');
});

test('no links, or malformed ones, make no rows', () => {
  assert.deepEqual(linkRows(undefined), []);
  assert.deepEqual(linkRows([{ id: '01' }, null, { trace_id: 7, id: 'x' }]), []);
});
