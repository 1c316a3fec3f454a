// Prints how long dagre takes to lay out the shop's graph and 30 services / 60 calls
// (not a test; run `node src/test/js/layout-bench.mjs` in xray-local/).
import { graphModel } from '../../main/resources/static/console/model.js';
import { layoutInput, computeLayout } from '../../main/resources/static/console/layout.js';
import { shopGraph, syntheticGraph, measure } from './fixtures.js';

for (const [name, graph] of [['shop (10 nodes, 13 edges)', shopGraph()], ['synthetic (31 nodes, 61 edges)', syntheticGraph()]]) {
  const input = layoutInput(graphModel(graph, 900), measure);
  for (let i = 0; i < 5; i++) computeLayout(input); // warm-up
  const times = [];
  for (let i = 0; i < 21; i++) {
    const start = process.hrtime.bigint();
    const result = computeLayout(input);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (i === 0) console.log(`${name}: ${Math.round(result.width)} x ${Math.round(result.height)} px at zoom 1`);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: median ${times[10].toFixed(1)} ms, max ${times[20].toFixed(1)} ms of 21 layouts`);
}
