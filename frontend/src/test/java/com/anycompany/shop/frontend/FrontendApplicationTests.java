package com.anycompany.shop.frontend;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.anycompany.shop.frontend.stub.Backends;
import com.anycompany.shop.testsupport.ShopServiceTest;
import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.anycompany.shop.testsupport.XRayDaemonStub.subsegmentNamed;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole storefront over real HTTP, against stub services that answer per the
 * contracts, with the X-Ray segments it really sends captured by a daemon stand-in.
 */
@ShopServiceTest
class FrontendApplicationTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	XRayDaemonStub daemon;

	@RegisterExtension
	static WireMockExtension stub = StubServers.extension();

	@LocalServerPort
	int port;

	final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		for (String service : Backends.SERVICES.keySet()) {
			registry.add("shop.clients.services." + service + ".base-url", () -> StubServers.url(stub));
		}
	}

	@BeforeEach
	void reset() {
		Backends.catalogRecommenderAndImages(stub);
		Backends.shopper(stub);
		daemon.clear();
	}

	@Test
	void cartPageLoadsItsProductsInParallelAsSiblingCatalogSubsegments() throws Exception {
		Map<String, Integer> lines = new LinkedHashMap<>();
		for (String id : List.of("P-0001", "P-0005", "P-0009", "P-0014", "P-0021")) {
			lines.put(id, 1);
		}
		stub.stubFor(WireMock.get(urlPathMatching("/api/v1/cart/[^/]+"))
			.atPriority(1)
			.willReturn(okJson(Backends.cart(Backends.CART_ID_OF_PATH, lines)).withTransformers("response-template")));

		HttpResponse<String> page = get("/cart");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(occurrences(page.body(), "data-test=\"cart-line\"")).isEqualTo(5);

		JsonNode segment = segmentOf(page);
		assertThat(segment.path("name").asString()).isEqualTo("frontend");
		List<JsonNode> children = segment.path("subsegments").valueStream().toList();
		List<JsonNode> catalogCalls = children.stream()
			.filter((s) -> "catalogservice".equals(s.path("name").asString()))
			.toList();
		assertThat(catalogCalls).hasSize(5)
			.allSatisfy((call) -> assertThat(call.path("namespace").asString()).isEqualTo("remote"));
		assertThat(children).anySatisfy((s) -> assertThat(s.path("name").asString()).isEqualTo("cartservice"));

		// each catalog request carried its own subsegment as the Parent
		String root = "Root=" + segment.path("trace_id").asString() + ";";
		List<String> headers = stub.findAll(Backends.requestsTo("catalogservice"))
			.stream()
			.map((request) -> request.getHeader("X-Amzn-Trace-Id"))
			.toList();
		assertThat(headers).hasSize(5)
			.allSatisfy((header) -> assertThat(header).startsWith(root).endsWith(";Sampled=1"));
		assertThat(headers.stream().map(FrontendApplicationTests::parent))
			.containsExactlyInAnyOrderElementsOf(catalogCalls.stream().map((c) -> c.path("id").asString()).toList());

		// the shopper is searchable, by a hash of the cart id and never the cart id
		// itself
		String cartPath = stub.findAll(Backends.requestsTo("cartservice")).get(0).getUrl();
		String cartId = cartPath.substring(cartPath.lastIndexOf('/') + 1);
		assertThat(segment.path("annotations").path("UserID").asString()).isEqualTo(sha256(cartId).substring(0, 16));
	}

	@Test
	void aShopperAddsToTheCartAndADoubleSubmittedCheckoutPlacesOneOrder() throws Exception {
		HttpResponse<String> product = get("/product/P-0001");
		assertThat(product.statusCode()).isEqualTo(200);
		HttpResponse<String> added = post("/cart",
				Map.of("productId", "P-0001", "quantity", "2", "_csrf", field(product.body(), "_csrf")));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(added.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/cart"));
		HttpResponse<String> cart = get("/cart");
		assertThat(cart.body()).contains("Added 2 × Copper Kettle to your cart.", "data-test=\"cart-count\">2<");

		JsonNode productSegment = segmentOf(product);
		assertThat(productSegment.path("annotations").path("ProductID").asString()).isEqualTo("P-0001");
		// one call after the other, both straight under the request's segment
		assertThat(productSegment.path("subsegments").valueStream().map((s) -> s.path("name").asString()))
			.containsExactly("catalogservice", "recommenderservice");

		String form = get("/cart/checkout").body();
		Map<String, String> order = new LinkedHashMap<>(Map.of("name", "Ana Silva", "email", "ana@example.test",
				"street", "1 Main St", "city", "Springfield", "postalCode", "12345", "country", "US"));
		order.put("idempotencyKey", field(form, "idempotencyKey"));
		order.put("_csrf", field(form, "_csrf"));
		HttpResponse<String> first = post("/cart/order", order);
		HttpResponse<String> second = post("/cart/order", order);

		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(second.statusCode()).isEqualTo(302);
		String confirmation = first.headers().firstValue("Location").orElseThrow();
		assertThat(second.headers().firstValue("Location")).contains(confirmation);
		List<LoggedRequest> placed = stub.findAll(postRequestedFor(urlEqualTo("/api/v1/order")));
		assertThat(placed).hasSize(2)
			.allSatisfy((r) -> assertThat(r.getBodyAsString()).contains(order.get("idempotencyKey")));

		HttpResponse<String> shown = get(URI.create(confirmation).getPath());
		String orderId = confirmation.substring(confirmation.lastIndexOf('/') + 1);
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("data-test=\"order-id\">" + orderId + "<", "$69.80",
				"data-test=\"cart-count\">0<");
	}

	@Test
	void productPageWithoutRecommenderStillRendersAndTheTraceShowsTheFault() throws Exception {
		Backends.down(stub, "recommenderservice");

		HttpResponse<String> page = get("/product/P-0002");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Cast Iron Skillet").doesNotContain("data-test=\"recommendations\"");

		JsonNode segment = segmentOf(page);
		assertThat(subsegmentNamed(segment, "recommenderservice").orElseThrow().path("fault").asBoolean()).isTrue();
		assertThat(segment.path("fault").asBoolean(false)).isFalse();
	}

	@Test
	void catalogDownIsAFriendly503AndAFaultInTheTrace() throws Exception {
		Backends.down(stub, "catalogservice");

		HttpResponse<String> page = get("/");
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("data-test=\"error-503\"", "Reference for support: 1-")
			.doesNotContain("Exception", "at com.");

		JsonNode segment = segmentOf(page);
		assertThat(url(segment)).endsWith(":" + this.port + "/");
		assertThat(segment.path("fault").asBoolean()).isTrue();
		assertThat(subsegmentNamed(segment, "catalogservice").orElseThrow().path("fault").asBoolean()).isTrue();
		assertThat(page.body()).contains(segment.path("trace_id").asString());
	}

	@Test
	void errorsAreFriendlyPagesWithoutStackTraces() throws Exception {
		HttpResponse<String> missing = get("/no/such/page");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("data-test=\"error-404\"", "data-test=\"navbar\"");

		HttpResponse<String> forged = post("/cart", Map.of("productId", "P-0001", "quantity", "1"));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("data-test=\"error\"", "Your session has expired")
			.doesNotContain("Exception", "at org.");
		assertThat(stub.findAll(Backends.requestsTo("cartservice"))).isEmpty();
	}

	@Test
	void imagesAreProxiedWithCachingHeadersAndNotModified() throws Exception {
		Backends.image(stub, "product-p-0001", 400);
		HttpResponse<byte[]> image = this.browser.send(request("/images/product-p-0001?width=400").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
		assertThat(image.headers().firstValue("Cache-Control")).contains("public, max-age=86400");
		assertThat(image.body()).startsWith(0x89, 'P', 'N', 'G');
		String etag = image.headers().firstValue("ETag").orElseThrow();

		HttpResponse<byte[]> again = this.browser.send(
				request("/images/product-p-0001?width=400").header("If-None-Match", etag).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	@Test
	void healthHasLivenessAndReadinessGroups() throws Exception {
		assertThat(get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.browser.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return this.browser.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		// like a browser: error pages come as HTML only to those who accept it
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.timeout(WAIT);
	}

	private static String field(String html, String name) {
		Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("hidden field %s", name).isTrue();
		return matcher.group(1);
	}

	private static int occurrences(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	private static String parent(String traceHeader) {
		Matcher matcher = Pattern.compile("Parent=([0-9a-f]+)").matcher(traceHeader);
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * The frontend's segment of the request that gave this response (its trace id comes
	 * back in the X-Amzn-Trace-Id header), so a late segment of an earlier test cannot be
	 * taken for it.
	 */
	private JsonNode segmentOf(HttpResponse<?> response) {
		String header = response.headers().firstValue("X-Amzn-Trace-Id").orElseThrow();
		Matcher root = Pattern.compile("Root=([^;]+)").matcher(header);
		assertThat(root.find()).as("trace header %s", header).isTrue();
		String traceId = root.group(1);
		return daemon.awaitSegment((s) -> traceId.equals(s.path("trace_id").asString()), WAIT);
	}

	private static String url(JsonNode segment) {
		return segment.path("http").path("request").path("url").asString();
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
