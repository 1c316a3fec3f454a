package com.anycompany.shop.xraylocal.query;

import java.time.Clock;
import java.util.List;

import com.anycompany.shop.xraylocal.Json;
import com.anycompany.shop.xraylocal.TestTraces;
import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.filter.FilterParser;
import com.anycompany.shop.xraylocal.filter.TraceTarget;
import com.anycompany.shop.xraylocal.ingest.Rejection;
import com.anycompany.shop.xraylocal.ingest.SegmentParser;
import com.anycompany.shop.xraylocal.store.TraceStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OperationsTests {

	private final TraceStore store = new TraceStore(new TraceStore.Limits(1000, 100_000, 100_000_000, 1000, 3_600_000),
			Clock.systemUTC());

	private final SegmentParser parser = new SegmentParser();

	private void add(List<Json> documents) {
		for (Json document : documents) {
			try {
				this.store.add(this.parser.parseDocument(document.json()));
			}
			catch (Rejection ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private static Operations.Row row(List<Operations.Row> rows, String service, String operation) {
		return rows.stream()
			.filter((r) -> r.service().equals(service) && java.util.Objects.equals(r.operation(), operation))
			.findFirst()
			.orElseThrow(() -> new AssertionError(service + " " + operation + " not in " + rows));
	}

	@Test
	void productPagesCountAsOneRouteWithTheirFaultsAndPercentiles() {
		double now = 1_800_000_000;
		for (int i = 0; i < 10; i++) {
			// every fourth recommender call fails with a 503 (and has no segment of its
			// own)
			add(TestTraces.product(Json.newTraceId(), now + i, "P-000" + i, i % 4 == 0));
		}
		List<Operations.Row> rows = new Operations(new TraceQuery(this.store)).of(now - 60, now + 60, Filter.ALL);

		Operations.Row page = row(rows, "frontend", "GET /product/{id}");
		assertThat(page.requests()).isEqualTo(10);
		assertThat(page.perMinute()).isCloseTo(5, within(1e-9));
		assertThat(page.p50()).isCloseTo(0.1, within(1e-6));
		assertThat(row(rows, "frontend", null).requests()).isEqualTo(10);
		// the page stayed up (200) when the recommender failed: no fault of its own
		// either
		assertThat(page.fault()).isZero();
		Operations.Row recommender = row(rows, "recommenderservice", null);
		assertThat(recommender.requests()).isEqualTo(7);
		assertThat(recommender.fault()).isZero();
		Operations.Row table = row(rows, "ProductCatalog", "GetItem");
		assertThat(table.type()).isEqualTo("AWS::DynamoDB::Table");
		assertThat(table.requests()).isEqualTo(10);
		assertThat(table.series()).isNotEmpty();
		assertThat(table.series().stream().mapToLong(Operations.Point::requests).sum()).isEqualTo(10);
		// ranked by impact: the page (100 ms, 5/min) before the recommender (45 ms,
		// 3.5/min)
		assertThat(rows.indexOf(page)).isLessThan(rows.indexOf(recommender));
	}

	@Test
	void faultsAndTheFilterOfARouteFindTheTracesOfThatRoute() {
		double now = 1_800_000_000;
		for (int i = 0; i < 4; i++) {
			add(TestTraces.order(Json.newTraceId(), now + i));
			add(TestTraces.product(Json.newTraceId(), now + i, "P-0001", false));
		}
		// two carts read on their own that fail with a 500
		for (int i = 0; i < 2; i++) {
			add(List.of(Json.segment("cartservice", Json.newTraceId(), now + i, 0.01)
				.http("GET", "http://localhost:8082/api/v1/cart/c" + i, 500)));
		}
		List<Operations.Row> rows = new Operations(new TraceQuery(this.store)).of(now - 60, now + 60, Filter.ALL);
		Operations.Row cart = row(rows, "cartservice", "GET /api/v1/cart/{id}");
		assertThat(cart.requests()).isEqualTo(6);
		assertThat(cart.fault()).isEqualTo(2);
		assertThat(cart.ok()).isEqualTo(4);
		assertThat(cart.series().stream().mapToLong(Operations.Point::fault).sum()).isEqualTo(2);
		assertThat(cart.filter())
			.isEqualTo("service(\"cartservice\") { http.method = \"GET\" AND http.url CONTAINS \"/api/v1/cart/\" }");
		Filter filter = FilterParser.parse(cart.filter());
		long matching = this.store.snapshot().stream().filter((t) -> TraceTarget.matches(filter, t.facts())).count();
		assertThat(matching).isEqualTo(6);
		Operations.Row table = row(rows, "Orders", "PutItem");
		assertThat(table.filter()).isEqualTo("service(id(name: \"Orders\", type: \"AWS::DynamoDB::Table\"))");
		assertThat(FilterParser.parse(table.filter())).isNotNull();
	}

	@Test
	void aFaultPassedOnFromAFailedCallIsNotTheCallersOwn() {
		double now = 1_800_000_000;
		for (int i = 0; i < 4; i++) {
			// frontend -> cartservice, and the cart read fails with a 500 that the page
			// passes on
			String traceId = Json.newTraceId();
			Json call = Json.subsegment("cartservice", now + i + 0.001, 0.01)
				.namespace("remote")
				.http("GET", "http://localhost:8082/api/v1/cart/c" + i, 500);
			add(List.of(
					Json.segment("frontend", traceId, now + i, 0.02)
						.http("GET", "http://localhost:8080/cart", 500)
						.sub(call),
					Json.segment("cartservice", traceId, now + i + 0.002, 0.005)
						.parent(call.id())
						.http("GET", "http://localhost:8082/api/v1/cart/c" + i, 500)));
		}
		List<Operations.Row> rows = new Operations(new TraceQuery(this.store)).of(now - 60, now + 60, Filter.ALL);
		Operations.Row page = row(rows, "frontend", "GET /cart");
		Operations.Row cart = row(rows, "cartservice", "GET /api/v1/cart/{id}");
		assertThat(page.fault()).isEqualTo(4);
		assertThat(page.ownFault()).isZero();
		assertThat(cart.fault()).isEqualTo(4);
		assertThat(cart.ownFault()).isEqualTo(4);
	}

}
