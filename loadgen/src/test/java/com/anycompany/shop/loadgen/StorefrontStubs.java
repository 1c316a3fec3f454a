package com.anycompany.shop.loadgen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Cookie;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

/**
 * A storefront as small as the load generator needs, as WireMock stubs: the real one's
 * paths and forms (a hidden CSRF token bound to the session cookie, a hidden idempotency
 * key on checkout, post-redirect-get), rejecting what a browser would not send. What it
 * was asked is read back from WireMock's request log, by route.
 */
final class StorefrontStubs {

	/** The routes the tests count, e.g. {@code GET /product} for any known product. */
	private static final Map<String, UrlPattern> ROUTES = Map.ofEntries(Map.entry("HEAD /", urlEqualTo("/")),
			Map.entry("GET /", urlEqualTo("/")), Map.entry("GET /product", urlMatching("/product/(?!P-9)[^/]+")),
			Map.entry("GET /product/unknown", urlMatching("/product/P-9[^/]*")),
			Map.entry("GET /images", urlMatching("/images/.+")), Map.entry("GET /cart", urlEqualTo("/cart")),
			Map.entry("GET /cart?added", urlMatching("/cart\\?added=.*")),
			Map.entry("GET /cart/checkout", urlEqualTo("/cart/checkout")), Map.entry("POST /cart", urlEqualTo("/cart")),
			Map.entry("POST /cart/order", urlEqualTo("/cart/order")),
			Map.entry("GET /order", urlMatching("/order/.+")));

	/**
	 * The session of the request: its cookie's, else a new one named after the request.
	 */
	private static final String SESSION = "{{#if request.cookies.SESSION}}{{request.cookies.SESSION}}"
			+ "{{else}}{{request.id}}{{/if}}";

	/** The session's CSRF token, as the forms carry it. */
	private static final String CSRF_FIELD = "<input type=\"hidden\" name=\"_csrf\" value=\"t-" + SESSION + "\"/>";

	private static final ValueMatcher<Request> CSRF_OF_THE_SESSION = (request) -> MatchResult
		.of(csrfOfTheSession(request));

	private static final ValueMatcher<Request> NOT_CSRF_OF_THE_SESSION = (request) -> MatchResult
		.of(!csrfOfTheSession(request));

	private StorefrontStubs() {
	}

	static void register(Stubbing server) {
		server.stubFor(route("HEAD /").willReturn(aResponse().withStatus(200)));
		server.stubFor(route("GET /").willReturn(page(200, """
				<a href="/product/P-0001">Kettle</a> <a href="/product/P-0002">Skillet</a>\
				<img src="/images/banner-home?width=1200&amp;x=1">""")));
		server.stubFor(route("GET /images").willReturn(page(200, "PNG").withHeader("ETag", "\"v1\"")));
		server.stubFor(route("GET /images").withHeader("If-None-Match", equalTo("\"v1\""))
			.atPriority(4)
			.willReturn(page(304, null).withHeader("ETag", "\"v1\"")));
		server.stubFor(route("GET /product/unknown").willReturn(page(404, "<h1>Not found</h1>")));
		server.stubFor(route("GET /product").willReturn(page(200, """
				<img class="hero" src="/images/product-{{lower request.pathSegments.[1]}}?width=800" alt="">\
				<form class="add-to-cart" method="post" action="/cart" data-test="add-to-cart-form" novalidate>\
				<input type="hidden" name="productId" value="{{request.pathSegments.[1]}}">\
				<input class="form-control" id="quantity" name="quantity" type="number" min="1" value="">\
				<button type="submit">Add to cart</button>%s</form>""".formatted(CSRF_FIELD))));
		server.stubFor(route("GET /cart").willReturn(page(200, "<h1>Your cart</h1>")));
		server.stubFor(route("GET /cart?added").willReturn(page(200, "<h1>Your cart</h1>")));
		server.stubFor(route("GET /cart/checkout").willReturn(page(200, """
				<form method="post" action="/cart/order" data-test="checkout-form" novalidate>\
				<input type="hidden" name="idempotencyKey" value="{{randomValue type='UUID'}}">\
				<input class="form-control" type="text" id="name" name="name" value="">\
				<input class="form-control" type="email" id="email" name="email" value="">\
				<input type="text" id="street" name="street" value="">\
				<input type="text" id="city" name="city" value="">\
				<input type="text" id="postalCode" name="postalCode" value="">\
				<input type="text" id="country" name="country" value="">%s\
				<button type="submit">Place order</button></form>""".formatted(CSRF_FIELD))));
		server.stubFor(route("GET /order").willReturn(
				page(200, "<code class=\"order-id\" data-test=\"order-id\">{{request.pathSegments.[1]}}</code>")));

		// a form without the session's token is forbidden; a valid one redirects; the
		// rest is a bad request
		for (String form : List.of("POST /cart", "POST /cart/order")) {
			server.stubFor(route(form).andMatching(NOT_CSRF_OF_THE_SESSION)
				.atPriority(3)
				.willReturn(page(403, "CSRF token missing or wrong")));
			server.stubFor(route(form).atPriority(5).willReturn(page(400, "bad form")));
		}
		server.stubFor(route("POST /cart").atPriority(4)
			.withFormParam("productId", matching(".+"))
			.withFormParam("quantity", matching("[1-9][0-9]?"))
			.willReturn(page(302, null).withHeader("Location",
					"{{formData request.body 'form' urlDecode=true}}/cart?added={{form.productId}}")));
		MappingBuilder order = route("POST /cart/order").atPriority(4);
		for (String field : List.of("idempotencyKey", "name", "email", "street", "city", "postalCode", "country")) {
			order = order.withFormParam(field, matching(".*\\S.*"));
		}
		server.stubFor(order.willReturn(page(302, null).withHeader("Location",
				"{{formData request.body 'form' urlDecode=true}}/order/O-{{form.idempotencyKey}}")));
		server.stubFor(any(anyUrl()).atPriority(10).willReturn(page(404, "nothing here")));
	}

	/** Answers every request to this route (e.g. {@code GET /cart}) with this status. */
	static void fail(Stubbing server, String route, int status) {
		server.stubFor(route(route).atPriority(1)
			.willReturn(aResponse().withStatus(status)
				.withHeader("Content-Type", "text/html;charset=UTF-8")
				.withBody("<html><body>failed</body></html>")));
	}

	/** How often a route was asked, e.g. {@code POST /cart}, {@code GET /order}. */
	static long count(Stubbing server, String route) {
		return server.findAll(pattern(route)).size();
	}

	static long total(Stubbing server) {
		return server.findAll(anyRequestedFor(anyUrl())).size();
	}

	/** Forms sent without their session's CSRF token. */
	static long rejected(Stubbing server) {
		return server.findAll(pattern("POST /cart").andMatching(NOT_CSRF_OF_THE_SESSION)).size()
				+ server.findAll(pattern("POST /cart/order").andMatching(NOT_CSRF_OF_THE_SESSION)).size();
	}

	/** How many sessions were opened: the pages asked for without a session cookie. */
	static long sessions(Stubbing server) {
		return server.findAll(anyRequestedFor(anyUrl()))
			.stream()
			.filter((request) -> !RequestMethod.HEAD.equals(request.getMethod()))
			.filter((request) -> session(request) == null)
			.count();
	}

	/**
	 * The checkouts (the checkout page or an order placed) of a session whose cart was
	 * empty: nothing added since the session's last order. A browser never gets there.
	 */
	static List<String> checkoutsOfEmptyCarts(Stubbing server) {
		Map<String, Integer> items = new HashMap<>();
		List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
		return requests.stream().filter((request) -> session(request) != null).<String>mapMulti((request, empty) -> {
			String session = session(request);
			String route = request.getMethod() + " " + request.getUrl();
			if (route.equals("POST /cart")) {
				items.merge(session, 1, Integer::sum);
			}
			else if (route.equals("GET /cart/checkout") || route.equals("POST /cart/order")) {
				if (items.getOrDefault(session, 0) == 0) {
					empty.accept(session + ": " + route);
				}
				if (route.equals("POST /cart/order")) {
					items.put(session, 0);
				}
			}
		}).toList();
	}

	private static boolean csrfOfTheSession(Request request) {
		FormParameter token = request.formParameters().get("_csrf");
		String session = session(request);
		return token != null && session != null && token.firstValue().equals("t-" + session);
	}

	private static String session(Request request) {
		Cookie cookie = request.getCookies().get("SESSION");
		return (cookie != null && !cookie.isAbsent()) ? cookie.getValue() : null;
	}

	private static MappingBuilder route(String route) {
		String method = route.substring(0, route.indexOf(' '));
		return request(method, ROUTES.get(route));
	}

	private static RequestPatternBuilder pattern(String route) {
		String method = route.substring(0, route.indexOf(' '));
		return RequestPatternBuilder.newRequestPattern(RequestMethod.fromString(method), ROUTES.get(route));
	}

	/**
	 * A page of the storefront (or no body, for a redirect or a 304) that keeps or starts
	 * the shopper's session.
	 */
	private static ResponseDefinitionBuilder page(int status, String body) {
		ResponseDefinitionBuilder response = aResponse().withStatus(status)
			.withHeader("Set-Cookie", "SESSION=" + SESSION + "; Path=/; HttpOnly")
			.withTransformers("response-template");
		if (body != null) {
			response.withHeader("Content-Type", "text/html;charset=UTF-8")
				.withBody("<!DOCTYPE html><html><head><title>Stub shop</title></head><body>" + body + "</body></html>");
		}
		return response;
	}

}
