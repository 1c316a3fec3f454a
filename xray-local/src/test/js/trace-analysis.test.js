import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timelineRows } from '../../main/resources/static/console/timeline.js';
import { criticalPath, callTree } from '../../main/resources/static/console/critical-path.js';
import { diffTraces, stepKey, targetOf } from '../../main/resources/static/console/trace-diff.js';
import { route, operationOf } from '../../main/resources/static/console/routes.js';

/**
 * A product page as the shop records it: frontend fans out to catalogservice and
 * recommenderservice in parallel, then reads an image; `slow` seconds added inside the
 * recommender (as `./shop chaos latency recommenderservice` does).
 */
export function productPage(slow = 0, id = 'P-0001') {
  const t = 100;
  const sub = (sid, name, start, end, extra) => ({ id: sid, name, start_time: t + start, end_time: t + end, ...extra });
  const http = (method, url) => ({ http: { request: { method, url }, response: { status: 200 } } });
  return [
    { id: 'f', name: 'frontend', start_time: t, end_time: t + 0.12 + slow, ...http('GET', 'http://localhost:8080/product/' + id), subsegments: [
      sub('fc', 'catalogservice', 0.01, 0.05, { namespace: 'remote', ...http('GET', 'http://localhost:8081/api/v1/product/' + id) }),
      sub('fr', 'recommenderservice', 0.01, 0.09 + slow, { namespace: 'remote', ...http('GET', 'http://localhost:8084/api/v1/recommender/' + id) }),
      sub('fi', 'imageservice', 0.095 + slow, 0.115 + slow, { namespace: 'remote', ...http('GET', 'http://localhost:8085/api/v1/image/' + id + '.png') }),
    ] },
    { id: 'c', name: 'catalogservice', parent_id: 'fc', start_time: t + 0.012, end_time: t + 0.048, ...http('GET', 'http://localhost:8081/api/v1/product/' + id),
      subsegments: [sub('cd', 'DynamoDb', 0.015, 0.04, { namespace: 'aws', aws: { operation: 'GetItem', table_name: 'ProductCatalog' } })] },
    { id: 'r', name: 'recommenderservice', parent_id: 'fr', start_time: t + 0.012, end_time: t + 0.088 + slow, ...http('GET', 'http://localhost:8084/api/v1/recommender/' + id),
      subsegments: [sub('rc', 'catalogservice', 0.02 + slow, 0.08 + slow, { namespace: 'remote', ...http('GET', 'http://localhost:8081/api/v1/products?category=kitchen') })] },
    { id: 'i', name: 'imageservice', parent_id: 'fi', start_time: t + 0.096 + slow, end_time: t + 0.114 + slow, ...http('GET', 'http://localhost:8085/api/v1/image/' + id + '.png') },
  ];
}

const near = (a, b) => Math.abs(a - b) < 1e-9;

test('routes: ids become {id}, versions and extensions stay, the same rule as the server', () => {
  assert.equal(route('http://localhost:8080/product/P-0001'), '/product/{id}');
  assert.equal(route('http://localhost:8082/api/v1/cart/abc1/item/P-0003?x=1'), '/api/v1/cart/{id}/item/{id}');
  assert.equal(route('/api/v1/image/P-0001.png?width=300'), '/api/v1/image/{id}.png');
  assert.equal(route('http://localhost:8080/'), '/');
  assert.equal(operationOf({ aws: { operation: 'Query' } }), 'Query');
  assert.equal(operationOf({ name: 'local work' }), null);
});

test('the call tree follows the rows\' depths', () => {
  const tree = callTree(timelineRows(productPage()));
  assert.equal(tree.length, 1);
  assert.deepEqual(tree[0].children.map((c) => c.row.entity.id), ['fc', 'fr', 'fi']);
  assert.deepEqual(tree[0].children[1].children.map((c) => c.row.entity.id), ['r']);
});

test('of a parallel fan-out the call that finished last is on the critical path, the other is not', () => {
  const rows = timelineRows(productPage());
  const path = criticalPath(rows);
  const ids = new Set(path.pieces.map((p) => p.id));
  assert.ok(ids.has('fr') && ids.has('r') && ids.has('rc'), 'through the recommender: ' + [...ids]);
  assert.ok(!ids.has('fc') && !ids.has('c') && !ids.has('cd'), 'not through the catalog, which finished first');
  assert.ok(ids.has('fi') && ids.has('i'), 'the image read after both is on it too');
  // the pieces tile the page's duration exactly, without overlaps
  assert.ok(near(path.total, 0.12), 'total ' + path.total);
  for (let i = 1; i < path.pieces.length; i++) assert.ok(path.pieces[i].start >= path.pieces[i - 1].end - 1e-12);
  // self time: the frontend's own time is what no child covers on the path
  const frontend = rows.findIndex((r) => r.entity.id === 'f');
  assert.ok(near(path.selfTime.get(frontend), 0.01 + 0.005 + 0.005));
});

test('when the catalog is the slower of the two, the path goes through it instead', () => {
  const docs = productPage();
  docs[0].subsegments[0].end_time = 100.093;
  docs[1].end_time = 100.092;
  const ids = new Set(criticalPath(timelineRows(docs)).pieces.map((p) => p.id));
  assert.ok(ids.has('fc') && ids.has('c'));
  assert.ok(!ids.has('r'));
});

test('an entity still in progress runs to the end of the trace', () => {
  const docs = productPage();
  delete docs[3].end_time;
  docs[3].in_progress = true;
  const path = criticalPath(timelineRows(docs));
  assert.ok(path.pieces.some((p) => p.id === 'i'));
});

test('compare: the slow recommender is the largest difference, in self time', () => {
  const fast = timelineRows(productPage(0));
  const slow = timelineRows(productPage(0.8));
  const diff = diffTraces(fast, slow);
  assert.equal(diff[0].service, 'recommenderservice');
  assert.equal(diff[0].kind, 'segment');
  assert.ok(near(diff[0].selfDelta, 0.8), 'delta ' + diff[0].selfDelta);
  // the frontend waited as long, but its own time did not change
  const frontend = diff.find((d) => d.depth === 0);
  assert.ok(near(frontend.timeDelta, 0.8) && near(frontend.selfDelta, 0));
  assert.ok(diff.every((d) => d.status === 'both'));
  // two product ids are one route: the same paths
  assert.equal(diffTraces(fast, timelineRows(productPage(0, 'P-0002'))).filter((d) => d.status !== 'both').length, 0);
});

test('compare: what is missing and what is new, with counts', () => {
  const a = productPage();
  const b = productPage();
  b.splice(2, 1); // the recommender's segment never arrived (it was down)
  b[1].subsegments.push({ id: 'cd2', name: 'DynamoDb', namespace: 'aws', aws: { operation: 'GetItem' }, start_time: 100.041, end_time: 100.045 });
  const diff = diffTraces(timelineRows(a), timelineRows(b));
  const missing = diff.filter((d) => d.status === 'missing').map((d) => d.label);
  assert.ok(missing.includes('recommenderservice GET /api/v1/recommender/{id}'), missing.join('; '));
  const dynamo = diff.find((d) => d.label === 'DynamoDb GetItem (aws)');
  assert.equal(dynamo.a.count, 1);
  assert.equal(dynamo.b.count, 2);
  assert.equal(dynamo.countDelta, 1);
  assert.equal(stepKey({ kind: 'inferred', entity: { name: 'Carts', origin: 'AWS::DynamoDB::Table' } }), 'Carts (inferred)');
});

test('a call\'s time belongs to its callee, even when the callee\'s segment does not hold it', () => {
  // the latency added before the recommender's own segment starts: only the caller sees it
  const docs = productPage(0);
  const slow = productPage(0);
  slow[0].end_time += 0.8;
  slow[0].subsegments[1].end_time += 0.8;
  slow[0].subsegments[2].start_time += 0.8;
  slow[0].subsegments[2].end_time += 0.8;
  slow[3].start_time += 0.8;
  slow[3].end_time += 0.8;
  const diff = diffTraces(timelineRows(docs), timelineRows(slow));
  assert.equal(diff[0].service, 'frontend');
  assert.equal(diff[0].target, 'recommenderservice');
  const rows = timelineRows(slow);
  const top = criticalPath(rows);
  const [index] = [...top.selfTime.entries()].sort((a, b) => b[1] - a[1])[0];
  assert.equal(targetOf(rows[index]), 'recommenderservice');
  assert.equal(targetOf({ kind: 'subsegment', service: 'cartservice', entity: { name: 'DynamoDb', namespace: 'aws', aws: { table_name: 'Carts' } } }), 'Carts');
  assert.equal(targetOf({ kind: 'subsegment', service: 'cartservice', entity: { name: 'validate' } }), 'cartservice');
});
