import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphModel, counts, health, ringShares, topologySignature } from '../../main/resources/static/console/model.js';
import { ms, rate } from '../../main/resources/static/console/format.js';
import { nodeLabel, edgeLabel } from '../../main/resources/static/console/layout.js';
import { timelineRows, entityHealth, barGeometry } from '../../main/resources/static/console/timeline.js';
import { shopGraph } from './fixtures.js';

test('the shop graph as nodes and edges, client requests counted from its edges', () => {
  const model = graphModel(shopGraph(), 600);
  const client = model.nodes.find((n) => n.kind === 'client');
  assert.equal(client.id, 'client|frontend');
  assert.equal(client.counts.total, 40);
  assert.equal(client.rpm, 4);
  assert.deepEqual(model.nodes.filter((n) => n.kind === 'inferred').map((n) => n.name).sort(), ['Carts', 'Orders', 'ProductCatalog']);
  const toFrontend = model.edges.find((e) => e.fromClient);
  assert.equal(toFrontend.label, 'client->frontend');
  assert.ok(model.edges.some((e) => e.label === 'catalogservice->ProductCatalog'));
});

test('counts, health and the ring shares', () => {
  const c = counts({ OkCount: 6, ErrorStatistics: { ThrottleCount: 1, OtherCount: 1 }, FaultStatistics: { TotalCount: 2 }, TotalCount: 10, TotalResponseTime: 1 });
  assert.deepEqual([c.ok, c.error, c.throttle, c.fault, c.avg], [6, 1, 1, 2, 0.1]);
  assert.equal(health(c), 'fault');
  assert.deepEqual(ringShares(c), { ok: 60, error: 10, fault: 20, throttle: 10 });
  assert.deepEqual(ringShares(counts(null)), { ok: 100, error: 0, fault: 0, throttle: 0 });
});

test('labels: name, average and rate on a node; average and rate on an edge', () => {
  const model = graphModel(shopGraph(), 600);
  const frontend = model.nodes.find((n) => n.id === 'service|frontend');
  assert.equal(nodeLabel(frontend), 'frontend\n' + ms(0.02) + ' · ' + rate(1) + '/min');
  assert.equal(edgeLabel(model.edges.find((e) => e.fromClient)), ms(0.02) + '\n4.0/min');
});

test('the topology signature ignores numbers and notices a new edge', () => {
  const a = shopGraph();
  const b = shopGraph();
  b.Services[1].SummaryStatistics.TotalCount = 999;
  assert.equal(topologySignature(graphModel(a, 600)), topologySignature(graphModel(b, 600)));
  const catalog = b.Services.find((s) => s.Name === 'catalogservice');
  catalog.Edges.push({ ReferenceId: b.Services.find((s) => s.Name === 'imageservice').ReferenceId });
  assert.notEqual(topologySignature(graphModel(a, 600)), topologySignature(graphModel(b, 600)));
});

test('timeline rows: a callee under the call that reached it, inferred tables under their calls', () => {
  const docs = [
    { id: 'c', name: 'catalogservice', parent_id: 's1', start_time: 1.01, end_time: 1.05, subsegments: [{ id: 'd', name: 'DynamoDb', namespace: 'aws', start_time: 1.02, end_time: 1.03 }] },
    { id: 'f', name: 'frontend', start_time: 1, end_time: 1.1, subsegments: [{ id: 's1', name: 'catalogservice', namespace: 'remote', start_time: 1.005, end_time: 1.06 }] },
    { id: 't', name: 'ProductCatalog', parent_id: 'd', inferred: true, origin: 'AWS::DynamoDB::Table', start_time: 1.02, end_time: 1.03 },
  ];
  const rows = timelineRows(docs);
  assert.deepEqual(rows.map((r) => [r.entity.name, r.depth, r.kind, r.service]), [
    ['frontend', 0, 'segment', 'frontend'], ['catalogservice', 1, 'subsegment', 'frontend'], ['catalogservice', 2, 'segment', 'catalogservice'],
    ['DynamoDb', 3, 'subsegment', 'catalogservice'], ['ProductCatalog', 4, 'inferred', 'ProductCatalog'],
  ]);
  const geometry = barGeometry(docs[0], 1, 1.1);
  assert.ok(Math.abs(geometry.left - 10) < 1e-9 && Math.abs(geometry.width - 40) < 1e-9);
});

test('an entity\'s health from its flags or its status', () => {
  assert.equal(entityHealth({ in_progress: true }), 'partial');
  assert.equal(entityHealth({ http: { response: { status: 503 } } }), 'fault');
  assert.equal(entityHealth({ http: { response: { status: 429 } } }), 'throttle');
  assert.equal(entityHealth({ error: true }), 'error');
  assert.equal(entityHealth({}), 'ok');
});
