import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleRange, scrollTopFor } from '../../main/resources/static/console/virtual.js';
import { operationRows, sortRows, minuteBars, wilsonLower } from '../../main/resources/static/console/operations-model.js';
import { traceMapLayout } from '../../main/resources/static/console/trace-map.js';
import { annotationCondition, andCondition } from '../../main/resources/static/console/filters.js';
import { shopGraph } from './fixtures.js';

test('a long list draws the rows in view and a margin, the rest is room', () => {
  const r = visibleRange({ scrollTop: 29 * 1000, viewport: 580, rowHeight: 29, count: 2001, overscan: 20 });
  assert.deepEqual([r.first, r.last], [980, 1040]);
  assert.equal(r.before, 980 * 29);
  assert.equal(r.after, (2001 - 1040) * 29);
  const top = visibleRange({ scrollTop: 0, viewport: 580, rowHeight: 29, count: 10 });
  assert.deepEqual([top.first, top.last, top.before, top.after], [0, 10, 0, 0]);
  assert.equal(scrollTopFor(1500, 29, 600), 1500 * 29 - 200);
});

const answer = [
  { service: 'frontend', type: null, operation: 'GET /cart', requests: 100, ok: 60, error: 0, fault: 40, ownFault: 0, throttle: 0, perMinute: 10, p50: 0.02, p90: 0.05, p99: 0.1, impact: 0.5, filter: 'f', series: [] },
  { service: 'cartservice', type: null, operation: 'GET /api/v1/cart/{id}', requests: 80, ok: 40, error: 0, fault: 40, ownFault: 40, throttle: 0, perMinute: 8, p50: 0.01, p90: 0.02, p99: 0.03, impact: 0.16, filter: 'c', series: [] },
  { service: 'imageservice', type: null, operation: 'GET /img', requests: 1, ok: 0, error: 0, fault: 1, ownFault: 1, throttle: 0, perMinute: 0.1, p50: 0.01, p90: 0.01, p99: 0.01, impact: 0.001, filter: 'i', series: [] },
  { service: 'Carts', type: 'AWS::DynamoDB::Table', operation: null, requests: 50, ok: 45, error: 0, fault: 0, ownFault: 0, throttle: 5, perMinute: 5, p50: 0.003, p90: 0.004, p99: 0.01, impact: 0.02, filter: 't', series: [] },
];

test('operations: shares, sorted by what the requests back (one failure in one request is not 100%)', () => {
  const rows = operationRows(answer);
  assert.equal(rows[1].faultShare, 0.5);
  assert.equal(rows[3].throttleShare, 0.1);
  assert.equal(rows[3].id, 'AWS::DynamoDB::Table|Carts|');
  assert.deepEqual(sortRows(rows, 'faultShare').map((r) => r.service), ['cartservice', 'frontend', 'imageservice', 'Carts']);
  assert.ok(Math.abs(wilsonLower(15, 30) - 0.3315) < 1e-3, String(wilsonLower(15, 30)));
  assert.ok(wilsonLower(1, 1) < wilsonLower(15, 30));
  // the caller that passed the cart's faults on ranks below the cart
  assert.deepEqual(sortRows(rows, 'ownFaultShare').map((r) => r.service), ['cartservice', 'imageservice', 'frontend', 'Carts']);
  assert.equal(wilsonLower(0, 0), 0);
  assert.deepEqual(sortRows(rows, 'impact').map((r) => r.service), ['frontend', 'cartservice', 'Carts', 'imageservice']);
  assert.deepEqual(sortRows(rows, 'service', false).map((r) => r.service), ['Carts', 'cartservice', 'frontend', 'imageservice']);
});

test('a row\'s minutes with the quiet ones filled in', () => {
  const bars = minuteBars([{ time: 60, requests: 2, error: 0, fault: 1, throttle: 0 }, { time: 240, requests: 1, error: 0, fault: 0, throttle: 0 }]);
  assert.deepEqual(bars.map((b) => [b.time, b.requests]), [[60, 2], [120, 0], [180, 0], [240, 1]]);
  assert.deepEqual(minuteBars([]), []);
  // over a time range: its quiet minutes too
  assert.deepEqual(minuteBars([{ time: 120, requests: 5, error: 0, fault: 0, throttle: 0 }], 30, 250).map((b) => [b.time, b.requests]), [[0, 0], [60, 0], [120, 5], [180, 0], [240, 0]]);
});

test('the trace map: every node placed, calls left to right, health from the trace', () => {
  const graph = shopGraph();
  const layout = traceMapLayout(graph);
  assert.equal(layout.nodes.length, graph.Services.length);
  const at = (name) => layout.nodes.find((n) => n.name === name && n.kind !== 'client');
  assert.ok(at('frontend').x < at('orderservice').x && at('orderservice').x < at('Orders').x);
  for (const e of layout.edges) assert.ok(e.points.length >= 2);
  assert.ok(layout.width > 0 && layout.height > 0);
  assert.ok(layout.nodes.every((n) => ['ok', 'error', 'fault', 'throttle'].includes(n.health)));
});

test('an annotation value as a condition: text quoted, numbers and booleans bare', () => {
  assert.equal(annotationCondition('ProductID', 'P-0001'), 'annotation.ProductID = "P-0001"');
  assert.equal(annotationCondition('Quantity', 3), 'annotation.Quantity = 3');
  assert.equal(annotationCondition('Gift', true), 'annotation.Gift = true');
  assert.equal(andCondition('fault', annotationCondition('ProductID', 'P-0001')), '(fault) AND annotation.ProductID = "P-0001"');
});
