import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphModel } from '../../main/resources/static/console/model.js';
import {
  layoutInput, computeLayout, layoutBoxes, overlappingPairs, segmentControls, controlPoints, segmentCrossesBox, intersects,
} from '../../main/resources/static/console/layout.js';
import { shopGraph, syntheticGraph, measure } from './fixtures.js';

/** Edges (drawn from circle centre through the route) passing over boxes not their own. */
function crossings(input, result) {
  const boxes = layoutBoxes(input, result);
  const found = [];
  for (const e of input.edges) {
    const { route } = result.edges[e.id];
    const path = [result.nodes[e.source], ...route, result.nodes[e.target]];
    for (const box of boxes) {
      if (box.owner === e.source || box.owner === e.target || box.id === 'edge-label:' + e.id) continue;
      for (let i = 0; i + 1 < path.length; i++) {
        if (segmentCrossesBox(path[i], path[i + 1], box)) found.push(e.id + ' over ' + box.id);
      }
    }
  }
  return found;
}

function laidOut(graph) {
  const model = graphModel(graph, 900);
  const input = layoutInput(model, measure);
  return { model, input, result: computeLayout(input) };
}

for (const [name, graph, nodes, edges] of [['the shop', shopGraph, 10, 13], ['30 services and 60 calls', syntheticGraph, 31, 61]]) {
  test(`${name}: no circle or label overlaps another`, () => {
    const { model, input, result } = laidOut(graph());
    assert.equal(model.nodes.length, nodes);
    assert.equal(model.edges.length, edges);
    assert.deepEqual(overlappingPairs(layoutBoxes(input, result)), []);
  });

  test(`${name}: edges go round the nodes and labels they do not belong to`, () => {
    const { input, result } = laidOut(graph());
    assert.deepEqual(crossings(input, result), []);
  });

  test(`${name}: every call goes left to right`, () => {
    const { input, result } = laidOut(graph());
    for (const e of input.edges) assert.ok(result.nodes[e.source].x < result.nodes[e.target].x, e.id);
  });

  test(`${name}: the same graph gets the same positions`, () => {
    assert.deepEqual(laidOut(graph()).result, laidOut(graph()).result);
  });
}

test('the shop reads clients, frontend, its callees, then the tables', () => {
  const { result } = laidOut(shopGraph());
  const x = (id) => result.nodes[id].x;
  assert.ok(x('client|frontend') < x('service|frontend'));
  for (const callee of ['orderservice', 'recommenderservice', 'imageservice']) assert.ok(x('service|frontend') < x('service|' + callee));
  assert.ok(x('service|catalogservice') < x('AWS::DynamoDB::Table|ProductCatalog'));
  assert.ok(x('service|cartservice') < x('AWS::DynamoDB::Table|Carts'));
});

test('numbers changing does not change the layout: labels are sized for their widest text', () => {
  const quiet = shopGraph();
  const busy = shopGraph();
  for (const s of busy.Services) {
    if (s.SummaryStatistics) { s.SummaryStatistics.TotalCount *= 900; s.SummaryStatistics.TotalResponseTime *= 40000; }
  }
  const a = laidOut(quiet);
  const b = laidOut(busy);
  assert.deepEqual(a.result, b.result);
});

test('segment controls put the label point in the middle and go back to the same points', () => {
  const source = { x: 10, y: 20 };
  const target = { x: 310, y: 80 };
  const route = [{ x: 90, y: 0 }, { x: 160, y: -10 }, { x: 230, y: 40 }];
  const label = { x: 160, y: -10 };
  const controls = segmentControls(source, target, route, 1);
  assert.equal(controls.weights.length % 2, 1);
  const back = controlPoints(source, target, controls);
  const middle = back[(back.length - 1) / 2];
  assert.ok(Math.abs(middle.x - label.x) < 0.1 && Math.abs(middle.y - label.y) < 0.1);
  assert.ok(Math.abs(back[0].x - 90) < 0.1 && Math.abs(back[0].y - 0) < 0.1);
  assert.ok(Math.abs(back[2].x - 230) < 0.1 && Math.abs(back[2].y - 40) < 0.1);
});

test('a label off-centre in the route is padded to the middle', () => {
  const controls = segmentControls({ x: 0, y: 0 }, { x: 100, y: 0 }, [{ x: 20, y: 10 }, { x: 40, y: 10 }, { x: 60, y: 10 }], 0);
  // the label is the first inner point: two copies of it pad the front, so it is third of five
  assert.deepEqual(controls.weights, [0.2, 0.2, 0.2, 0.4, 0.6]);
  assert.equal(controls.weights[(controls.weights.length - 1) / 2], 0.2);
  assert.equal(controls.distances[(controls.distances.length - 1) / 2], 10);
});

test('boxes touching at an edge do not overlap; boxes sharing area do', () => {
  assert.equal(intersects({ x1: 0, y1: 0, x2: 10, y2: 10 }, { x1: 10, y1: 0, x2: 20, y2: 10 }), false);
  assert.equal(intersects({ x1: 0, y1: 0, x2: 10, y2: 10 }, { x1: 9, y1: 9, x2: 20, y2: 20 }), true);
  assert.deepEqual(overlappingPairs([{ id: 'a', owner: 1, x1: 0, y1: 0, x2: 5, y2: 5 }, { id: 'b', owner: 1, x1: 0, y1: 0, x2: 5, y2: 5 }]), []);
});

test('a segment through a box crosses it; one beside it does not', () => {
  const box = { x1: 10, y1: 10, x2: 20, y2: 20 };
  assert.equal(segmentCrossesBox({ x: 0, y: 15 }, { x: 30, y: 15 }, box), true);
  assert.equal(segmentCrossesBox({ x: 0, y: 25 }, { x: 30, y: 25 }, box), false);
  assert.equal(segmentCrossesBox({ x: 0, y: 0 }, { x: 5, y: 30 }, box), false);
});

test('a call back to an earlier service (a cycle) is laid out and routed without overlaps', () => {
  const graph = shopGraph();
  const byName = (name) => graph.Services.find((s) => s.Name === name && s.Type !== 'client');
  byName('catalogservice').Edges.push({ ReferenceId: byName('frontend').ReferenceId, SummaryStatistics: { OkCount: 1, ErrorStatistics: {}, FaultStatistics: {}, TotalCount: 1, TotalResponseTime: 0.01 } });
  const { input, result } = laidOut(graph);
  const back = result.edges['service|catalogservice->service|frontend'];
  assert.ok(back && back.route.length >= 3);
  assert.ok(back.labelIndex > 0 && back.labelIndex < back.route.length - 1);
  assert.deepEqual(overlappingPairs(layoutBoxes(input, result)), []);
  assert.deepEqual(crossings(input, result), []);
  const controls = segmentControls(result.nodes['service|catalogservice'], result.nodes['service|frontend'], back.route, back.labelIndex);
  assert.equal(controls.weights.length % 2, 1);
});
