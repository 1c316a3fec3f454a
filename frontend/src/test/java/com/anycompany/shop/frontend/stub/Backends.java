package com.anycompany.shop.frontend.stub;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.anycompany.shop.frontend.product.Product;
import com.anycompany.shop.testsupport.StubServers;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

/**
 * The five services the storefront calls, as WireMock stubs that answer per the
 * contracts: the catalog's products (by id, by category, all), recommendations and
 * images. Carts and orders are each test's own.
 * <p>
 * Standalone, for looking at the shop without the real services (one shopper's cart:
 * empty, then two kettles, empty again once ordered):
 * {@code java -cp <test classpath> com.anycompany.shop.frontend.stub.Backends 8181}.
 */
public final class Backends {

	/** The services, each with the paths it answers (a regular expression). */
	public static final Map<String, String> SERVICES = Map.of("catalogservice",
			"/api/v1/(product/.*|products|categories)", "cartservice", "/api/v1/cart(/.*)?", "orderservice",
			"/api/v1/order(/.*)?", "recommenderservice", "/api/v1/recommender/.*", "imageservice", "/api/v1/image/.*");

	/** How templated cart answers name the cart of the request. */
	public static final String CART_ID_OF_PATH = "{{request.pathSegments.[3]}}";

	private Backends() {
	}

	public static void main(String[] args) {
		WireMockServer server = new WireMockServer(
				StubServers.loopback().port((args.length > 0) ? Integer.parseInt(args[0]) : 8181));
		server.start();
		catalogRecommenderAndImages(server);
		shopper(server);
		System.out.println("Stub services on http://127.0.0.1:" + server.port());
	}

	/**
	 * The catalog, the recommender and the images (a plain tile per product, a banner);
	 * an unknown product or image is a 404 problem.
	 */
	public static void catalogRecommenderAndImages(Stubbing server) {
		server.stubFor(get(urlPathEqualTo("/api/v1/products")).atPriority(6).willReturn(okJson(array(Products.all()))));
		for (String category : Products.categories()) {
			server.stubFor(get(urlPathEqualTo("/api/v1/products")).withQueryParam("category", equalTo(category))
				.willReturn(okJson(array(Products.inCategory(category)))));
		}
		server.stubFor(get("/api/v1/categories").willReturn(okJson(Products.categories()
			.stream()
			.map((category) -> "\"" + category + "\"")
			.collect(Collectors.joining(",", "[", "]")))));
		for (Product product : Products.all()) {
			server.stubFor(get("/api/v1/product/" + product.id()).willReturn(okJson(json(product))));
			server.stubFor(get("/api/v1/recommender/" + product.id())
				.willReturn(okJson(array(Products.recommendationsFor(product)))));
		}
		server.stubFor(get(urlPathMatching("/api/v1/image/(product-p-\\d{4}|banner-[a-z]+)")).atPriority(6)
			.willReturn(aResponse().withHeader("Content-Type", "image/png")
				.withHeader("Cache-Control", "public, max-age=86400")
				.withHeader("ETag", "\"{{request.pathSegments.[3]}}-{{request.query.width}}\"")
				.withBody(png(400))
				.withTransformers("response-template")));
		server.stubFor(any(urlPathMatching("/api/.*")).atPriority(10).willReturn(problem(404, "No such thing")));
	}

	/**
	 * One image at one width as the imageservice serves it: a PNG that wide, cached by
	 * its ETag, and a 304 to a request that already has it.
	 */
	public static void image(Stubbing server, String name, int width) {
		String etag = "\"" + name + "-" + width + "\"";
		String path = "/api/v1/image/" + name;
		server.stubFor(get(urlPathEqualTo(path)).withQueryParam("width", equalTo(String.valueOf(width)))
			.willReturn(aResponse().withHeader("Content-Type", "image/png")
				.withHeader("Cache-Control", "public, max-age=86400")
				.withHeader("ETag", etag)
				.withBody(png(width))));
		server.stubFor(get(urlPathEqualTo(path)).withQueryParam("width", equalTo(String.valueOf(width)))
			.withHeader("If-None-Match", equalTo(etag))
			.atPriority(1)
			.willReturn(aResponse().withStatus(304)
				.withHeader("Cache-Control", "public, max-age=86400")
				.withHeader("ETag", etag)));
	}

	/**
	 * One shopper's visit as a WireMock scenario over carts and orders: the cart (any id)
	 * is empty until something is added, then holds two Copper Kettles until the order of
	 * {@link #order} is placed, and is empty again after; the order placed again answers
	 * the same order with a 200, as orderservice answers a repeated idempotency key.
	 */
	public static void shopper(Stubbing server) {
		String anyCart = "/api/v1/cart/[^/]+";
		String kettles = cart(CART_ID_OF_PATH, Map.of("P-0001", 2));
		for (String[] state : new String[][] { { STARTED, cart(CART_ID_OF_PATH, Map.of()) }, { "filled", kettles },
				{ "ordered", cart(CART_ID_OF_PATH, Map.of()) } }) {
			server.stubFor(get(urlPathMatching(anyCart)).inScenario("shopper")
				.whenScenarioStateIs(state[0])
				.willReturn(okJson(state[1]).withTransformers("response-template")));
		}
		server.stubFor(post("/api/v1/cart").inScenario("shopper")
			.willSetStateTo("filled")
			.willReturn(okJson(cart("{{jsonPath request.body '$.cartId'}}", Map.of("P-0001", 2)))
				.withTransformers("response-template")));
		String order = order(ORDER_ID, "{{jsonPath request.body '$.idempotencyKey'}}",
				"{{jsonPath request.body '$.cartId'}}");
		server.stubFor(post("/api/v1/order").withRequestBody(matchingJsonPath("$.idempotencyKey"))
			.inScenario("shopper")
			.whenScenarioStateIs("filled")
			.willSetStateTo("ordered")
			.willReturn(jsonResponse(order, 201).withTransformers("response-template")));
		server.stubFor(post("/api/v1/order").withRequestBody(matchingJsonPath("$.idempotencyKey"))
			.inScenario("shopper")
			.whenScenarioStateIs("ordered")
			.willReturn(okJson(order).withTransformers("response-template")));
		server.stubFor(get("/api/v1/order/" + ORDER_ID).willReturn(okJson(order(ORDER_ID, "k", "c"))));
	}

	/** The id of the order {@link #shopper} places. */
	public static final String ORDER_ID = "O-0123456789abcdef";

	/** An order of two Copper Kettles for Ana Silva, as orderservice returns it. */
	public static String order(String orderId, String idempotencyKey, String cartId) {
		return """
				{"orderId":"%s","idempotencyKey":"%s","cartId":"%s",\
				"customer":{"name":"Ana Silva","email":"ana@example.test"},\
				"shipping":{"street":"1 Main St","city":"Springfield","postalCode":"12345","country":"US"},\
				"lines":[{"productId":"P-0001","name":"Copper Kettle","unitPrice":34.90,"quantity":2,"lineTotal":69.80}],\
				"total":69.80,"currency":"USD","status":"PLACED","createdAt":"2026-11-25T10:00:00Z"}"""
			.formatted(orderId, idempotencyKey, cartId);
	}

	/** Plays a service as down: every call gets a 503 problem. */
	public static void down(Stubbing server, String service) {
		server.stubFor(any(urlPathMatching(SERVICES.get(service))).atPriority(1)
			.willReturn(problem(503, "Down for the test")));
	}

	/** Every request a service was sent. */
	public static RequestPatternBuilder requestsTo(String service) {
		return anyRequestedFor(urlPathMatching(SERVICES.get(service)));
	}

	public static ResponseDefinitionBuilder problem(int status, String detail) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\":\"about:blank\",\"title\":\"Stub\",\"status\":" + status + ",\"detail\":\"" + detail
					+ "\"}");
	}

	/**
	 * A cart as cartservice returns it, with these lines; the cart id may be a response
	 * template such as {@link #CART_ID_OF_PATH}.
	 */
	public static String cart(String cartId, Map<String, Integer> lines) {
		return "{\"cartId\":\"" + cartId + "\",\"items\":"
				+ lines.entrySet()
					.stream()
					.map((line) -> "{\"productId\":\"" + line.getKey() + "\",\"quantity\":" + line.getValue() + "}")
					.collect(Collectors.joining(",", "[", "]"))
				+ "}";
	}

	/** A product as the catalog's contract writes it. */
	public static String json(Product product) {
		return """
				{"id":"%s","name":"%s","description":"%s","category":"%s","price":%s,"currency":"%s","image":"%s",\
				"tags":[%s]}""".formatted(product.id(), product.name(), product.description(), product.category(),
				product.price().toPlainString(), product.currency(), product.image(),
				product.tags().stream().map((tag) -> "\"" + tag + "\"").collect(Collectors.joining(",")));
	}

	public static String array(List<Product> products) {
		return products.stream().map(Backends::json).collect(Collectors.joining(",", "[", "]"));
	}

	/** A PNG of a plain tile, this wide and three quarters as high. */
	public static byte[] png(int width) {
		BufferedImage image = new BufferedImage(width, width * 3 / 4, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0xDDEBD8));
		graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
		graphics.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
