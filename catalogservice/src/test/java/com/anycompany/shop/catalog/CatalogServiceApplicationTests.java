package com.anycompany.shop.catalog;

import java.time.Duration;
import java.util.List;

import com.anycompany.shop.testsupport.ShopServiceTest;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on a random port against dynalite: the table is created and seeded,
 * the API answers, and the segments the SDK sends over UDP carry the request, the
 * ProductID annotation and the DynamoDB call.
 */
@ShopServiceTest(dynamoDb = true)
class CatalogServiceApplicationTests {

	@Autowired
	XRayDaemonStub daemon;

	@Autowired
	private RestTestClient http;

	@Test
	void servesTheSeededCatalogSortedById() {
		List<?> products = this.http.get()
			.uri("/api/v1/products")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(products).hasSize(24);
		this.http.get()
			.uri("/api/v1/products?category=garden")
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(6)
			.jsonPath("$[0].id")
			.isEqualTo("P-0007")
			.jsonPath("$[5].id")
			.isEqualTo("P-0012");
		this.http.get().uri("/api/v1/products?category=toys").exchange().expectBody().json("[]");
		this.http.get()
			.uri("/api/v1/categories")
			.exchange()
			.expectBody()
			.json("[\"garden\",\"kitchen\",\"office\",\"outdoors\"]");
	}

	/**
	 * Every request reads by key or through an index: the DynamoDB subsegments the SDK
	 * really sent name GetItem and Query, never Scan, and the home page's featured list
	 * is one Query.
	 */
	@Test
	void requestsQueryTheIndexesAndNeverScan() {
		assertThat(dynamoDbCallsOf("/api/v1/products?featured=true")).containsExactly("Query ProductCatalog");
		assertThat(dynamoDbCallsOf("/api/v1/products?category=office")).containsExactly("Query ProductCatalog");
		// the catalog page: one Query per category
		assertThat(dynamoDbCallsOf("/api/v1/products")).hasSize(4).containsOnly("Query ProductCatalog");
		assertThat(dynamoDbCallsOf("/api/v1/categories")).isEmpty();
		this.http.get()
			.uri("/api/v1/products?featured=true")
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(8)
			.jsonPath("$[0].id")
			.isEqualTo("P-0001");
	}

	/** The DynamoDB calls in the segment the SDK sent for one request. */
	private List<String> dynamoDbCallsOf(String pathAndQuery) {
		daemon.clear();
		this.http.get().uri(pathAndQuery).exchange().expectStatus().isOk();
		String path = pathAndQuery.replaceAll("\\?.*", "");
		return operations(daemon.awaitSegment(
				(s) -> "catalogservice".equals(s.path("name").asString())
						&& s.path("http").path("request").path("url").asString().endsWith(path),
				Duration.ofSeconds(10)));
	}

	private static List<String> operations(JsonNode segment) {
		return XRayDaemonStub.walk(segment)
			.filter((s) -> "DynamoDb".equals(s.path("name").asString()))
			.map((s) -> s.path("aws").path("operation").asString() + " " + s.path("aws").path("table_name").asString())
			.toList();
	}

	@Test
	void productLookupIsTracedWithItsAnnotationAndDynamoDbCall() {
		this.http.get()
			.uri("/api/v1/product/P-0001")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Copper Kettle")
			.jsonPath("$.price")
			.isEqualTo(34.90);

		JsonNode segment = daemon.awaitSegment(
				(s) -> "catalogservice".equals(s.path("name").asString())
						&& s.path("http").path("request").path("url").asString().endsWith("/api/v1/product/P-0001"),
				Duration.ofSeconds(10));
		assertThat(segment.path("annotations").path("ProductID").asString()).isEqualTo("P-0001");
		assertThat(segment.path("http").path("response").path("status").asInt()).isEqualTo(200);
		JsonNode dynamo = XRayDaemonStub.subsegmentNamed(segment, "DynamoDb").orElseThrow();
		assertThat(dynamo.path("namespace").asString()).isEqualTo("aws");
		assertThat(dynamo.path("aws").path("operation").asString()).isEqualTo("GetItem");
		assertThat(dynamo.path("aws").path("table_name").asString()).isEqualTo("ProductCatalog");
	}

	@Test
	void unknownProductIsProblem404() {
		this.http.get()
			.uri("/api/v1/product/P-0999")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
	}

	@Test
	void probesReportTheTableAndAreNotTraced() {
		this.http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.dynamoDb.status")
			.isEqualTo("UP");
		this.http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		this.http.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
		assertThat(daemon.segments())
			.noneMatch((s) -> s.path("http").path("request").path("url").asString().contains("/actuator"));
	}

}
