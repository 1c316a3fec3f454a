package com.anycompany.shop.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.anycompany.shop.e2e.Matrix.Format;
import com.anycompany.shop.testsupport.RawHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static com.anycompany.shop.e2e.BadInput.encode;
import static com.anycompany.shop.e2e.BadInput.request;
import static com.anycompany.shop.e2e.BadInput.utf8;

/**
 * Every form of the storefront, as its real HTML has it (read with jsoup from the pages a
 * shopper sees), and every parameter of its pages, fed bad input: each field of each form
 * replaced by every bad text or left out, the CSRF token missing or wrong, other content
 * types, bodies over the limit, other methods; and what Tomcat answers by itself. Each
 * case runs in a shopper's session whose cart holds a product, so forms that need one
 * (remove, checkout) reach their code.
 */
final class StorefrontMatrix {

	private static final Format FORMAT = Format.SHOP_PAGE;

	/** The pages whose forms are tested, each with the session state it needs. */
	private static final List<String> PAGES_WITH_FORMS = List.of("/product/P-0001", "/cart", "/cart/checkout");

	/** What a shopper would type in each field the storefront asks for. */
	private static final Map<String, String> GOOD_VALUES = Map.of("quantity", "1", "name", "Ana Silva", "email",
			"ana@example.test", "street", "1 Main St", "city", "Springfield", "postalCode", "12345", "country", "US");

	private final Matrix matrix;

	private final int port;

	private final Predicate<String> include;

	private final String imageName;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	/** The form under test as the current session's page has it (CSRF token, key). */
	private final Map<String, String> good = new LinkedHashMap<>();

	private String page;

	private String action;

	/**
	 * @param include which cases (by name) this run checks: the matrix is split between
	 * the cases that hold today and those that wait for a known fix
	 */
	StorefrontMatrix(Matrix matrix, int port, String imageName, Predicate<String> include) {
		this.matrix = matrix;
		this.port = port;
		this.imageName = imageName;
		this.include = include;
	}

	void run() {
		for (String page : PAGES_WITH_FORMS) {
			freshCart();
			Document html = Jsoup.parse(get(page).body());
			List<StorefrontForm> forms = StorefrontForm.posting(html);
			if (forms.isEmpty()) {
				throw new IllegalStateException("No form on " + page + ": " + html.title());
			}
			for (StorefrontForm form : forms) {
				this.page = page;
				this.action = form.action();
				reloadForm();
				formCases();
			}
		}
		this.page = null;
		parameters();
		serverLevel();
	}

	/** The form under test, read again from its page in the current session. */
	private void reloadForm() {
		StorefrontForm form = StorefrontForm.postingTo(get(this.page).body(), this.action);
		this.good.clear();
		this.good.putAll(fields(form));
	}

	/** The form's fields as its HTML has them, the ones a shopper types filled in. */
	private static Map<String, String> fields(StorefrontForm form) {
		Map<String, String> fields = form.values();
		fields.replaceAll((name, value) -> value.isEmpty() ? GOOD_VALUES.getOrDefault(name, "x") : value);
		return fields;
	}

	private void formCases() {
		String prefix = "POST " + this.action + " (form of " + this.page + ")";
		for (String field : List.copyOf(this.good.keySet())) {
			if (field.equals("_csrf")) {
				continue;
			}
			for (Map.Entry<String, String> bad : BadInput.TEXT.entrySet()) {
				post(prefix + " " + field + "=" + bad.getKey(), (fields) -> fields.put(field, bad.getValue()), 0);
			}
			post(prefix + " without " + field, (fields) -> fields.remove(field), 0);
			post(prefix + " " + field + " with a NUL in its name", (fields) -> fields.put(field + "\u0000x", "y"), 0);
			post(prefix + " " + field + "=70 KB", (fields) -> fields.put(field, "a".repeat(BadInput.HUGE)), 413);
		}
		post(prefix + " without the CSRF token", (fields) -> fields.remove("_csrf"), 403);
		post(prefix + " with a wrong CSRF token", (fields) -> fields.put("_csrf", "not-the-token"), 403);
		for (String type : List.of("application/json", "text/plain", "multipart/form-data; boundary=x", "")) {
			send(prefix + " as '" + type + "'",
					() -> request(
							"POST", this.action, type.isEmpty() ? null : type, type.equals("application/json")
									? utf8("{\"productId\":\"P-0001\",\"quantity\":1}") : utf8(formBody(this.good)),
							cookieHeader()),
					0);
		}
		send(prefix + " 200 KB declared", () -> request("POST", this.action, "application/x-www-form-urlencoded",
				utf8(formBody(this.good) + "&x=" + "a".repeat(200_000)), cookieHeader()), 413);
		for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "TRACE")) {
			send(method + " " + this.action, () -> request(method, this.action, null, null, cookieHeader()), 0);
		}
	}

	/** The pages' parameters: query, path, and the proxied images. */
	private void parameters() {
		freshCart();
		for (Map.Entry<String, String> bad : BadInput.TEXT.entrySet()) {
			String value = encode(bad.getValue());
			get("GET /products?category= " + bad.getKey(), "/products?category=" + value);
			get("GET /product/{id} " + bad.getKey(), "/product/" + value);
			get("GET /cart/order/{orderId} " + bad.getKey(), "/cart/order/" + value);
			get("GET /images/{name} " + bad.getKey(), "/images/" + value);
			get("GET /images/{name}?width= " + bad.getKey(), "/images/" + this.imageName + "?width=" + value);
			get("GET /?x= " + bad.getKey(), "/?x=" + value);
			get("GET /cart?productId= " + bad.getKey(), "/cart?productId=" + value);
		}
		get("GET /products?category=%zz", "/products?category=%zz");
		get("GET /products?category=a&category=b", "/products?category=a&category=b");
		get("GET /product/ (no id)", "/product/");
		get("GET /cart/checkout?idempotencyKey=%00", "/cart/checkout?idempotencyKey=%00");
	}

	private void serverLevel() {
		BadInput.SERVER_LEVEL.forEach((name, request) -> {
			String[] headers = (String[]) request[1];
			String[] lines = new String[headers.length + 1];
			lines[0] = "Host: 127.0.0.1";
			System.arraycopy(headers, 0, lines, 1, headers.length);
			send("frontend " + name, () -> RawHttp.request((String) request[0], lines), (Integer) request[2]);
		});
	}

	private void get(String name, String target) {
		send(name, () -> request("GET", target, null, null, cookieHeader()), 0);
	}

	/** Posts the form under test, changed as the case wants. */
	private void post(String name, java.util.function.Consumer<Map<String, String>> change, int expectedStatus) {
		send(name, () -> {
			Map<String, String> fields = new LinkedHashMap<>(this.good);
			change.accept(fields);
			return request("POST", this.action, "application/x-www-form-urlencoded", utf8(formBody(fields)),
					cookieHeader());
		}, expectedStatus);
	}

	/**
	 * Checks one case, if this run includes it; a case that changed the session (placed
	 * the order, emptied the cart) leaves a fresh one for the next.
	 */
	private void send(String name, java.util.function.Supplier<byte[]> request, int expectedStatus) {
		if (!this.include.test(name)) {
			return;
		}
		RawHttp.Response response = this.matrix.check("frontend: " + name, this.port, request.get(), FORMAT,
				expectedStatus);
		if (response != null && response.status() >= 300 && response.status() < 400) {
			freshCart();
			if (this.page != null) {
				reloadForm();
			}
		}
	}

	/**
	 * A new session (a new cart) with one product in it, as the forms of the cart and the
	 * checkout need.
	 */
	private void freshCart() {
		this.cookies.clear();
		RawHttp.Response product = get("/product/P-0001");
		StorefrontForm form = StorefrontForm.postingTo(product.body(), "/cart");
		Map<String, String> fields = fields(form);
		RawHttp.Response added = exchange(request("POST", form.action(), "application/x-www-form-urlencoded",
				utf8(formBody(fields)), cookieHeader()));
		if (added.status() != 302) {
			throw new IllegalStateException("Adding to the cart answered " + added.status());
		}
	}

	private RawHttp.Response get(String target) {
		return exchange(request("GET", target, null, null, cookieHeader()));
	}

	private RawHttp.Response exchange(byte[] request) {
		try {
			RawHttp.Response response = RawHttp.exchange("127.0.0.1", this.port, request);
			List<String> set = response.headers().getOrDefault("set-cookie", List.of());
			for (String cookie : set) {
				String pair = cookie.split(";", 2)[0];
				int equals = pair.indexOf('=');
				this.cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String cookieHeader() {
		if (this.cookies.isEmpty()) {
			return "Accept: */*";
		}
		return "Cookie: " + this.cookies.entrySet()
			.stream()
			.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	private static String formBody(Map<String, String> fields) {
		List<String> pairs = new ArrayList<>();
		fields.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
		return String.join("&", pairs);
	}

}
