package com.anycompany.shop.xraylocal.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.anycompany.shop.xraylocal.Json;
import com.anycompany.shop.xraylocal.TestTraces;
import com.anycompany.shop.xraylocal.store.NodeKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ServiceGraphTests {

	@Test
	void countsNodesAndEdgesOverTraces() {
		ServiceGraph graph = new ServiceGraph();
		for (int i = 0; i < 3; i++) {
			graph.add(TestTraces.facts(TestTraces.order(Json.newTraceId(), 1000 + i)));
		}
		graph.add(TestTraces.facts(TestTraces.product(Json.newTraceId(), 1010, "P-1", false)));
		graph.add(TestTraces.facts(TestTraces.product(Json.newTraceId(), 1011, "P-2", true)));

		Map<String, ServiceGraph.Node> nodes = graph.nodes()
			.stream()
			.collect(Collectors.toMap((n) -> n.key().name() + ":" + n.key().type(), Function.identity()));
		assertThat(nodes).containsOnlyKeys("frontend:client", "frontend:null", "orderservice:null", "cartservice:null",
				"catalogservice:null", "recommenderservice:null", "Orders:" + NodeKey.DYNAMODB_TABLE,
				"Carts:" + NodeKey.DYNAMODB_TABLE, "ProductCatalog:" + NodeKey.DYNAMODB_TABLE);

		ServiceGraph.Node frontend = nodes.get("frontend:null");
		assertThat(frontend.root()).isTrue();
		assertThat(frontend.stats().total()).isEqualTo(5);
		assertThat(frontend.stats().ok()).isEqualTo(5);
		assertThat(frontend.stats().totalResponseTime()).isCloseTo(3 * 0.12 + 2 * 0.1, within(1e-9));

		Map<String, ServiceGraph.Edge> edges = frontend.edges()
			.stream()
			.collect(Collectors.toMap((e) -> e.target().name(), Function.identity()));
		assertThat(edges).containsOnlyKeys("orderservice", "catalogservice", "recommenderservice");
		// the recommender was down once: no segment of its own, but the fault shows on
		// the edge
		ServiceGraph.Edge toRecommender = edges.get("recommenderservice");
		assertThat(toRecommender.stats().total()).isEqualTo(2);
		assertThat(toRecommender.stats().fault()).isEqualTo(1);
		assertThat(nodes.get("recommenderservice:null").stats().total()).isEqualTo(1);

		ServiceGraph.Node catalog = nodes.get("catalogservice:null");
		assertThat(catalog.stats().total()).isEqualTo(5);
		assertThat(catalog.edges()).extracting((e) -> e.target().name()).containsExactly("ProductCatalog");
		assertThat(catalog.edges().get(0).stats().histogram().buckets()).extracting(Histogram.Bucket::count)
			.containsExactly(3, 2);

		assertThat(nodes.get("frontend:client").edges()).hasSize(1);
		assertThat(nodes.get("frontend:client").edges().get(0).stats().total()).isEqualTo(5);
	}

	@Test
	void separatesErrorsThrottlesAndFaults() {
		ServiceGraph graph = new ServiceGraph();
		for (int status : List.of(200, 404, 429, 500, 503, 200)) {
			String traceId = Json.newTraceId();
			graph.add(TestTraces.facts(List.of(Json.segment("api", traceId, 100, 0.01).http("GET", "/x", status))));
		}
		Stats stats = graph.nodes().stream().filter((n) -> !n.key().isClient()).findFirst().orElseThrow().stats();
		assertThat(stats.ok()).isEqualTo(2);
		assertThat(stats.errorOther()).isEqualTo(1);
		assertThat(stats.throttle()).isEqualTo(1);
		assertThat(stats.errorTotal()).isEqualTo(2);
		assertThat(stats.fault()).isEqualTo(2);
		assertThat(stats.total()).isEqualTo(6);
	}

	@Test
	void histogramBucketsAreFineForShortTimesAndCoarseForLongOnes() {
		Histogram histogram = new Histogram();
		histogram.add(0.00123);
		histogram.add(0.0701);
		histogram.add(0.07);
		histogram.add(2.5);
		histogram.add(500);
		assertThat(histogram.buckets()).extracting(Histogram.Bucket::value, Histogram.Bucket::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0.0012, 1),
					org.assertj.core.groups.Tuple.tuple(0.07, 2), org.assertj.core.groups.Tuple.tuple(2.5, 1),
					org.assertj.core.groups.Tuple.tuple(100.0, 1));
	}

}
