// GetServiceGraph answers shaped like xray-local's, for the tests of the pure modules.

let nextRef = 0;

function stats(total, { errors = 0, faults = 0, throttles = 0, avg = 0.02 } = {}) {
  return {
    OkCount: total - errors - faults - throttles,
    ErrorStatistics: { ThrottleCount: throttles, OtherCount: errors, TotalCount: errors + throttles },
    FaultStatistics: { OtherCount: faults, TotalCount: faults },
    TotalCount: total,
    TotalResponseTime: total * avg,
  };
}

function service(name, type, extra = {}) {
  return { ReferenceId: nextRef++, Name: name, Names: [name], Type: type, State: 'active', Edges: [], SummaryStatistics: stats(10), ResponseTimeHistogram: [{ Value: 0.02, Count: 10 }], ...extra };
}

function connect(from, to, total = 10, options) {
  from.Edges.push({ ReferenceId: to.ReferenceId, SummaryStatistics: stats(total, options), ResponseTimeHistogram: [{ Value: 0.01, Count: total }] });
}

/** The shop: clients, six services, three DynamoDB tables (as xray-local draws them). */
export function shopGraph() {
  const s = {};
  for (const name of ['frontend', 'catalogservice', 'cartservice', 'orderservice', 'recommenderservice', 'imageservice']) s[name] = service(name, undefined);
  s.frontend.Root = true;
  for (const table of ['ProductCatalog', 'Carts', 'Orders']) {
    s[table] = service(table, 'AWS::DynamoDB::Table', { State: 'unknown' });
  }
  const client = service('frontend', 'client', { SummaryStatistics: undefined });
  connect(client, s.frontend, 40);
  for (const callee of ['catalogservice', 'cartservice', 'orderservice', 'recommenderservice', 'imageservice']) connect(s.frontend, s[callee]);
  connect(s.cartservice, s.catalogservice);
  connect(s.orderservice, s.cartservice);
  connect(s.orderservice, s.catalogservice);
  connect(s.recommenderservice, s.catalogservice);
  connect(s.catalogservice, s.ProductCatalog);
  connect(s.cartservice, s.Carts);
  connect(s.orderservice, s.Orders);
  return { Services: [client, ...Object.values(s)] };
}

/**
 * `services` services in layers and `edges` calls between them, every call going to a later
 * layer, named svc-00 ... (a deterministic pseudo-random choice, so the test is repeatable).
 */
export function syntheticGraph(services = 30, edges = 60, seed = 7) {
  let state = seed;
  const random = () => { state = (state * 1103515245 + 12345) % 2147483648; return state / 2147483648; };
  const nodes = Array.from({ length: services }, (_, i) => service('svc-' + String(i).padStart(2, '0'), undefined));
  nodes[0].Root = true;
  const layerOf = (i) => (i === 0 ? 0 : 1 + Math.floor((i - 1) / 5));
  const have = new Set();
  const add = (a, b) => {
    const key = a + '>' + b;
    if (a === b || have.has(key)) return false;
    have.add(key);
    connect(nodes[a], nodes[b], 5 + Math.floor(random() * 50), { faults: random() < 0.1 ? 1 : 0 });
    return true;
  };
  // every service reachable: one caller in an earlier layer
  for (let i = 1; i < services; i++) {
    const earlier = [];
    for (let j = 0; j < i; j++) if (layerOf(j) < layerOf(i)) earlier.push(j);
    add(earlier[Math.floor(random() * earlier.length)], i);
  }
  while (have.size < edges) {
    const a = Math.floor(random() * services);
    const b = Math.floor(random() * services);
    if (layerOf(a) < layerOf(b)) add(a, b);
  }
  const client = service('svc-00', 'client', { SummaryStatistics: undefined });
  connect(client, nodes[0], 30);
  return { Services: [client, ...nodes] };
}

/** Text width like a sans-serif font's, a little generous. */
export const measure = (text, size) => text.length * size * 0.62;
