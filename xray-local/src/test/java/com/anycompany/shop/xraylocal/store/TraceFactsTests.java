package com.anycompany.shop.xraylocal.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.anycompany.shop.xraylocal.Json;
import com.anycompany.shop.xraylocal.ingest.Rejection;
import com.anycompany.shop.xraylocal.ingest.SegmentParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TraceFactsTests {

	private final SegmentParser parser = new SegmentParser();

	private final String traceId = Json.newTraceId();

	private TraceFacts facts(Json... documents) {
		TraceStore store = new TraceStore(new TraceStore.Limits(10, 1000, 10_000_000, 1000, 3_600_000),
				java.time.Clock.systemUTC());
		for (Json document : documents) {
			try {
				store.add(this.parser.parseDocument(document.json()));
			}
			catch (Rejection ex) {
				throw new IllegalStateException(ex);
			}
		}
		return store.get(this.traceId).facts();
	}

	@Test
	void linksCallerToCalleeThroughTheCallingSubsegment() {
		Json call = Json.subsegment("catalogservice", 100.01, 0.05).namespace("remote");
		Json frontend = Json.segment("frontend", this.traceId, 100, 0.1)
			.http("GET", "http://shop/product/1", 200)
			.sub(call);
		Json catalog = Json.segment("catalogservice", this.traceId, 100.02, 0.03)
			.parent(call.id())
			.sub(Json.subsegment("DynamoDb", 100.025, 0.01).dynamo("ProductCatalog", "GetItem"));

		TraceFacts facts = facts(frontend, catalog);

		assertThat(facts.entry().name).isEqualTo("frontend");
		assertThat(facts.responseTime()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(facts.nodes()).extracting((o) -> o.node().name(), (o) -> o.node().kind(), Occurrence::root)
			.containsExactlyInAnyOrder(tuple("frontend", NodeKey.Kind.SERVICE, true),
					tuple("catalogservice", NodeKey.Kind.SERVICE, false),
					tuple("ProductCatalog", NodeKey.Kind.INFERRED, false));
		assertThat(facts.edges()).extracting((o) -> o.from().name() + "(" + o.from().type() + ")->" + o.node().name())
			.containsExactlyInAnyOrder("frontend(client)->frontend", "frontend(null)->catalogservice",
					"catalogservice(null)->ProductCatalog");
		Occurrence edge = facts.edges()
			.stream()
			.filter((o) -> o.node().name().equals("catalogservice"))
			.findFirst()
			.orElseThrow();
		// edge figures are the caller's: its subsegment took 50 ms, the callee 30 ms
		assertThat(edge.entity().duration()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(facts.services()).extracting(NodeKey::type).containsExactly(null, null, NodeKey.DYNAMODB_TABLE);
	}

	@Test
	void attributionUsesTheCallsOwnAccountAndRegionAndNamesNoServiceForAnOrphan() {
		Json table = Json.subsegment("DynamoDB", 100.01, 0.01)
			.namespace("aws")
			.put("aws", java.util.Map.of("table_name", "Orders", "region", "cn-north-1", "account_id", "444455556666"));
		Json orders = Json.segment("orderservice", this.traceId, 100, 0.1).sub(table);
		// its parent never arrives: no service can be said to have recorded it
		Json orphan = Json.subsegment("late", 100.05, 0.01)
			.independent(this.traceId, Json.newId())
			.annotation("stage", "orphan");

		TraceFacts facts = facts(orders, orphan);
		Attribution attribution = facts.attribution();

		assertThat(attribution.resourceArns())
			.containsExactly("arn:aws-cn:dynamodb:cn-north-1:444455556666:table/Orders");
		assertThat(attribution.account(NodeKey.service("orderservice", null))).isNull();
		assertThat(facts.annotations()).containsEntry("stage", List.of("orphan"));
		assertThat(attribution.annotationServices("stage", "orphan")).isEmpty();
	}

	@Test
	void aRemoteCallWithoutCalleeSegmentIsAnInferredNode() {
		Json call = Json.subsegment("recommenderservice", 100.01, 0.05)
			.namespace("remote")
			.http("GET", "http://r/", 503);
		TraceFacts facts = facts(Json.segment("frontend", this.traceId, 100, 0.1).sub(call));
		assertThat(facts.nodes()).extracting((o) -> o.node().name() + ":" + o.node().type())
			.containsExactlyInAnyOrder("frontend:null", "recommenderservice:remote");
		assertThat(facts.hasFlag(Entity.FAULT)).isTrue();
		assertThat(facts.inferredCalls()).containsKey(Long.parseUnsignedLong(call.id(), 16));
	}

	@Test
	void stitchesIndependentSubsegmentsArrivingInAnyOrder() {
		String rootId = Json.newId();
		Json frontend = Json.segment("frontend", this.traceId, 100, 1).id(rootId);
		Json parent = Json.subsegment("work", 100.1, 0.5).independent(this.traceId, rootId);
		List<Json> documents = new ArrayList<>(List.of(frontend, parent));
		for (int i = 0; i < 20; i++) {
			documents.add(Json.subsegment("DynamoDb", 100.2, 0.01)
				.dynamo("Table" + (i % 3), "Query")
				.independent(this.traceId, parent.id()));
		}
		Collections.shuffle(documents, new Random(7));

		TraceFacts facts = facts(documents.toArray(Json[]::new));

		assertThat(facts.partial()).isFalse();
		assertThat(facts.edges()).filteredOn((o) -> o.from().name().equals("frontend") && !o.from().isClient())
			.hasSize(20)
			.extracting((o) -> o.node().name())
			.containsOnly("Table0", "Table1", "Table2");
	}

	@Test
	void anOrphanSubsegmentMakesTheTracePartial() {
		TraceFacts facts = facts(Json.segment("frontend", this.traceId, 100, 1),
				Json.subsegment("DynamoDb", 100.2, 0.01).dynamo("T", "Query").independent(this.traceId, Json.newId()));
		assertThat(facts.partial()).isTrue();
		assertThat(facts.edges()).noneMatch((o) -> o.node().name().equals("T"));
	}

	@Test
	void collectsAnnotationsAndUsersFromEverySegment() {
		Json call = Json.subsegment("cartservice", 100.01, 0.05).namespace("remote");
		TraceFacts facts = facts(
				Json.segment("frontend", this.traceId, 100, 1)
					.annotation("UserID", "u1")
					.put("user", "alice")
					.sub(call),
				Json.segment("cartservice", this.traceId, 100.02, 0.01)
					.parent(call.id())
					.sub(Json.subsegment("save", 100.03, 0.001).annotation("UserID", "u2").annotation("Items", 3)));
		assertThat(facts.annotations()).containsEntry("UserID", List.of("u1", "u2"))
			.containsEntry("Items", List.of(3.0));
		assertThat(facts.users()).containsExactly("alice");
	}

}
