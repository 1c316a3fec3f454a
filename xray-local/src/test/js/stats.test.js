import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  histogramBars, percentile, histogramPercentile, periodFor, timeSeries, summarize, deltas, breakdown,
  compareBreakdowns, rootCauseKeys, hasRootCauses, annotationKeys, responseTimeHistogram, eventsFor,
} from '../../main/resources/static/console/stats.js';

const summary = (start, time, { status = 200, fault, error, throttle, url = '/', services = ['frontend'], annotations, causes } = {}) => ({
  Id: 'id-' + start, StartTime: start, ResponseTime: time, HasFault: !!fault, HasError: !!error || !!throttle, HasThrottle: !!throttle,
  Http: { HttpURL: url, HttpStatus: status, HttpMethod: 'GET' }, ServiceIds: services.map((Name) => ({ Name })),
  EntryPoint: { Name: services[0] }, Annotations: annotations || {}, ...(causes ? { FaultRootCauses: causes } : {}),
});

test('nearest-rank percentiles', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(percentile(values, 50), 50);
  assert.equal(percentile(values, 90), 90);
  assert.equal(percentile(values, 99), 99);
  assert.equal(percentile(values, 100), 100);
  assert.equal(percentile([7], 50), 7);
  assert.ok(Number.isNaN(percentile([], 50)));
});

test('percentiles from a histogram follow the running count', () => {
  const entries = [{ Value: 0.3, Count: 1 }, { Value: 0.01, Count: 8 }, { Value: 0.1, Count: 1 }];
  assert.equal(histogramPercentile(entries, 50), 0.01);
  assert.equal(histogramPercentile(entries, 80), 0.01);
  assert.equal(histogramPercentile(entries, 90), 0.1);
  assert.equal(histogramPercentile(entries, 99), 0.3);
});

test('histogram bars cover min to max and keep every count', () => {
  const entries = [{ Value: 0.01, Count: 3 }, { Value: 0.02, Count: 2 }, { Value: 0.5, Count: 1 }, { Value: 0.03, Count: 0 }];
  const h = histogramBars(entries, 10);
  assert.equal(h.min, 0.01);
  assert.equal(h.max, 0.5);
  assert.equal(h.bars.length, 3);
  assert.equal(h.bars.reduce((s, b) => s + b.count, 0), 6);
  assert.equal(h.bars[h.bars.length - 1].count, 1);
  assert.equal(h.bars[h.bars.length - 1].high, 0.5);
  assert.equal(histogramBars([], 10), null);
  const one = histogramBars([{ Value: 0.2, Count: 4 }]);
  assert.deepEqual(one.bars, [{ low: 0.2, high: 0.2, count: 4 }]);
});

test('periods are round and give about the number of buckets asked for', () => {
  assert.equal(periodFor(900, 60), 15);
  assert.equal(periodFor(3600, 60), 60);
  assert.equal(periodFor(300, 60), 5);
  assert.equal(periodFor(86400, 60), 1800);
});

test('a time series counts outcomes and percentiles per bucket', () => {
  const s = [
    summary(1000, 0.1), summary(1001, 0.2), summary(1002, 0.3, { fault: true, status: 503 }),
    summary(1011, 0.05, { error: true, status: 404 }), summary(1012, 0.5, { throttle: true, status: 429 }),
    summary(1030, 9), // after the end: not counted
  ];
  const series = timeSeries(s, 1000, 1030, 10);
  assert.equal(series.length, 3);
  assert.deepEqual(series.map((p) => p.time), [1000, 1010, 1020]);
  assert.deepEqual([series[0].requests, series[0].ok, series[0].fault, series[0].error, series[0].throttle], [3, 2, 1, 0, 0]);
  assert.deepEqual([series[1].requests, series[1].error, series[1].throttle], [2, 1, 1]);
  assert.equal(series[0].p50, 0.2);
  assert.equal(series[0].p99, 0.3);
  assert.equal(series[2].requests, 0);
  assert.ok(Number.isNaN(series[2].p50));
});

test('totals and the deltas between two sides', () => {
  const before = summarize([summary(0, 0.1), summary(1, 0.1), summary(2, 0.1), summary(3, 0.1)], 120);
  const during = summarize([summary(0, 0.1), summary(1, 2, { fault: true }), summary(2, 3, { fault: true }), summary(3, 0.1)], 120);
  assert.equal(before.perMinute, 2);
  assert.equal(before.faultShare, 0);
  assert.equal(during.faultShare, 0.5);
  const d = deltas(before, during);
  assert.equal(d.faultShare, 0.5);
  assert.equal(d.requests, 0);
  assert.equal(d.p99, 2.9);
});

test('breakdown by URL, by service (a trace counts for each) and by annotation', () => {
  const s = [
    summary(0, 0.1, { url: '/a', services: ['frontend', 'catalogservice'], annotations: { ProductID: [{ AnnotationValue: { StringValue: 'P-1' } }] } }),
    summary(1, 0.2, { url: '/a', services: ['frontend'], fault: true }),
    summary(2, 0.3, { url: '/b', services: ['frontend', 'catalogservice'], annotations: { ProductID: [{ AnnotationValue: { StringValue: 'P-2' } }] } }),
  ];
  assert.deepEqual(breakdown(s, 'url').map((r) => [r.key, r.requests, r.fault]), [['/a', 2, 1], ['/b', 1, 0]]);
  assert.deepEqual(breakdown(s, 'service').map((r) => [r.key, r.requests]), [['frontend', 3], ['catalogservice', 2]]);
  assert.deepEqual(breakdown(s, 'annotation:ProductID').map((r) => r.key).sort(), ['(none)', 'P-1', 'P-2']);
  assert.deepEqual(annotationKeys(s), ['ProductID']);
});

test('root causes in X-Ray\'s shape group by service, entity and exception', () => {
  const causes = [{ Services: [{ Name: 'recommenderservice', Type: 'AWS::EC2::Instance', EntityPath: [{ Name: 'recommenderservice' }, { Name: 'catalogservice', Exceptions: [{ Name: 'SocketTimeoutException', Message: 'x' }] }] }], ClientImpacting: true }];
  const s = [summary(0, 1, { fault: true, causes }), summary(1, 1, { fault: true, causes }), summary(2, 0.1)];
  assert.deepEqual(rootCauseKeys(s[0]), ['recommenderservice › catalogservice · SocketTimeoutException']);
  assert.equal(hasRootCauses(s), true);
  assert.equal(hasRootCauses([summary(0, 1)]), false);
  assert.deepEqual(breakdown(s, 'rootcause').map((r) => [r.key, r.requests]), [['recommenderservice › catalogservice · SocketTimeoutException', 2]]);
});

test('two breakdowns side by side with the change in requests and faults', () => {
  const a = breakdown([summary(0, 0.1, { url: '/a' }), summary(1, 0.1, { url: '/b' })], 'url');
  const b = breakdown([summary(0, 0.1, { url: '/a', fault: true }), summary(1, 0.1, { url: '/a', fault: true }), summary(2, 0.1, { url: '/c' })], 'url');
  const rows = compareBreakdowns(a, b);
  assert.deepEqual(rows.map((r) => [r.key, r.requestsDelta, r.faultDelta]), [['/a', 1, 2], ['/b', -1, 0], ['/c', 1, 0]]);
});

test('response times become millisecond histogram entries', () => {
  assert.deepEqual(responseTimeHistogram([summary(0, 0.1004), summary(1, 0.1001), summary(2, 0.25)]), [{ Value: 0.1, Count: 2 }, { Value: 0.25, Count: 1 }]);
});

test('chaos events of a node: its own and those without a target, inside the window', () => {
  const events = [
    { id: 1, time: 100, action: 'kill', target: 'recommenderservice' },
    { id: 2, time: 150, action: 'latency', target: 'catalogservice' },
    { id: 3, time: 160, action: 'reset', target: null },
    { id: 4, time: 500, action: 'kill', target: 'recommenderservice' },
  ];
  assert.deepEqual(eventsFor(events, 0, 200, 'recommenderservice').map((e) => e.id), [1, 3]);
  assert.deepEqual(eventsFor(events, 0, 200).map((e) => e.id), [1, 2, 3]);
});

test('buckets as xray-local counts them, and the times a range of bars stands for', async () => {
  const { bucketWidth, bucketOf, bucketRange } = await import('../../main/resources/static/console/stats.js');
  assert.equal(bucketWidth(0.0042), 1e-4);
  assert.equal(bucketWidth(0.06), 1e-3);
  assert.equal(bucketWidth(0.25), 1e-2);
  assert.equal(bucketWidth(3), 0.1);
  assert.equal(bucketWidth(250), Infinity);
  assert.equal(bucketOf(0.0699999999), 0.07);
  assert.equal(bucketOf(0.0654), 0.065);
  assert.equal(bucketOf(0.257), 0.25);
  assert.equal(bucketOf(0.00123), 0.0012);
  const r = bucketRange(0.06, 0.06);
  assert.ok(r.low < 0.0599999999 + 1e-12 && r.low > 0.0599);
  assert.equal(r.high, 0.061);
  assert.equal(bucketRange(0.1, 120).high, null);
});

test('GetTimeSeriesServiceStatistics periods as chart points, edges or services', async () => {
  const { statisticsSeries } = await import('../../main/resources/static/console/stats.js');
  const points = statisticsSeries([
    { Timestamp: 1200, EdgeSummaryStatistics: { OkCount: 3, ErrorStatistics: { ThrottleCount: 1, OtherCount: 0, TotalCount: 1 }, FaultStatistics: { OtherCount: 0, TotalCount: 2 }, TotalCount: 6, TotalResponseTime: 1.2 }, ResponseTimeHistogram: [{ Value: 0.1, Count: 5 }, { Value: 0.5, Count: 1 }] },
    { Timestamp: 1140, ServiceSummaryStatistics: { OkCount: 1, ErrorStatistics: {}, FaultStatistics: {}, TotalCount: 1, TotalResponseTime: 0.05 }, ResponseTimeHistogram: [{ Value: 0.05, Count: 1 }] },
  ], 60);
  assert.deepEqual(points.map((p) => p.time), [1140, 1200]);
  assert.deepEqual([points[1].requests, points[1].ok, points[1].throttle, points[1].fault, points[1].error], [6, 3, 1, 2, 0]);
  assert.equal(points[1].p50, 0.1);
  assert.equal(points[1].p99, 0.5);
  assert.equal(points[0].avg, 0.05);
});
