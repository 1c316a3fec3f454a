import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeScope, edgeScope, scoped, latencyFilter, latencyCondition, withGroup, andCondition } from '../../main/resources/static/console/filters.js';
import { quote } from '../../main/resources/static/console/format.js';

test('a node is named with its type when it has one', () => {
  assert.equal(nodeScope({ Name: 'orderservice' }), 'service("orderservice")');
  assert.equal(nodeScope({ Name: 'Orders', Type: 'AWS::DynamoDB::Table' }), 'service(id(name: "Orders", type: "AWS::DynamoDB::Table"))');
});

test('a latency range on a service, an edge and the clients\' edge', () => {
  assert.equal(latencyFilter(nodeScope({ Name: 'x' }), 0.1, 0.3), 'service("x") { responsetime >= 0.1 AND responsetime <= 0.3 }');
  assert.equal(latencyFilter(edgeScope('a', 'b'), 0.3, 0.1), 'edge("a", "b") { responsetime >= 0.1 AND responsetime <= 0.3 }');
  assert.equal(latencyFilter(edgeScope('client', 'frontend', true), 0.02, 0.0456789, true),
    'service("frontend") { root AND responsetime >= 0.02 AND responsetime <= 0.045679 }');
  assert.equal(scoped(edgeScope('a', 'b'), 'fault'), 'edge("a", "b") { fault }');
  assert.equal(scoped(nodeScope({ Name: 'x' }), null), 'service("x")');
});

test('groups and conditions combine without changing the meaning of the filter', () => {
  assert.equal(withGroup('', 'fault'), 'fault');
  assert.equal(withGroup('Default', 'fault'), 'fault');
  assert.equal(withGroup('checkout', ''), 'group.name = "checkout"');
  assert.equal(withGroup('checkout', 'a OR b'), 'group.name = "checkout" AND (a OR b)');
  assert.equal(andCondition('a OR b', latencyCondition(1, 2)), '(a OR b) AND responsetime >= 1 AND responsetime <= 2');
  assert.equal(andCondition('', 'fault'), 'fault');
});

test('names with quotes and backslashes are quoted', () => {
  assert.equal(quote('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(nodeScope({ Name: 'we"ird' }), 'service("we\\"ird")');
});

test('a range without an upper bound', () => {
  assert.equal(latencyCondition(100, null), 'responsetime >= 100');
});
