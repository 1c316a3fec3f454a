package com.anycompany.shop.loadgen;

import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.parser.Parser;

/**
 * One simulated shopper with its own session (cookies): goes to the home page (twice as
 * often as anything else), looks at products (now and then one that does not exist),
 * views the cart, adds to it, and checks out, as the workshop's load generator does.
 */
final class Shopper {

	/** The fixed catalog, until the pages show which products exist. */
	private static final List<String> CATALOG = java.util.stream.IntStream.rangeClosed(1, 24)
		.mapToObj((i) -> String.format(Locale.ROOT, "P-%04d", i))
		.toList();

	private static final Pattern PRODUCT_LINK = Pattern.compile("href=\"[^\"]*/product/(P-\\d{4})\"");

	private static final Pattern IMAGE = Pattern.compile("src=\"(/images/[^\"]+)\"");

	private static final Pattern ORDER_ID = Pattern.compile("data-test=\"order-id\"|\\bO-[0-9A-Fa-f]{8,}");

	private static final int MAX_REDIRECTS = 5;

	private static final String[] NAMES = { "Ana Silva", "Kenji Mori", "Lena Novak", "Omar Haddad", "Priya Rao",
			"Tom Becker" };

	private final int number;

	private final LoadSettings settings;

	private final Stats stats;

	private final RateLimiter limiter;

	private final RandomGenerator random;

	private final HttpClient http;

	private final Map<String, String> imageTags = new HashMap<>();

	private List<String> productIds = CATALOG;

	private int itemsInCart;

	Shopper(int number, LoadSettings settings, Stats stats, RateLimiter limiter, RandomGenerator random,
			Executor executor) {
		this.number = number;
		this.settings = settings;
		this.stats = stats;
		this.limiter = limiter;
		this.random = random;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(settings.requestTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.executor(executor)
			.build();
	}

	/** Does one thing a shopper does, chosen at random with the workshop's weights. */
	void act() throws InterruptedException {
		switch (this.random.nextInt(6)) {
			case 0, 1 -> home();
			case 2 -> browse();
			case 3 -> viewCart();
			case 4 -> addToCart();
			default -> checkout();
		}
	}

	void home() throws InterruptedException {
		Exchange page = get("/");
		if (expect(Page.HOME, page, 200)) {
			List<String> seen = new ArrayList<>();
			Matcher link = PRODUCT_LINK.matcher(page.body());
			while (link.find()) {
				if (!seen.contains(link.group(1))) {
					seen.add(link.group(1));
				}
			}
			if (!seen.isEmpty()) {
				this.productIds = seen;
			}
		}
	}

	void browse() throws InterruptedException {
		if (this.random.nextInt(10) == 0) {
			String unknown = String.format(Locale.ROOT, "P-9%03d", this.random.nextInt(1000));
			expect(Page.UNKNOWN_PRODUCT, get("/product/" + unknown), 404);
			return;
		}
		productPage();
	}

	void viewCart() throws InterruptedException {
		expect(Page.CART, get("/cart"), 200);
	}

	void addToCart() throws InterruptedException {
		Optional<Exchange> product = productPage();
		if (product.isEmpty()) {
			return;
		}
		Optional<HtmlForm> form = HtmlForm.postingTo(product.get().body(), "/cart");
		if (form.isEmpty()) {
			this.stats.failure(Page.ADD_TO_CART, 0, "no add-to-cart form on the product page");
			return;
		}
		Exchange added = submit(form.get());
		if (expect(Page.ADD_TO_CART, added, 200)) {
			this.itemsInCart++;
		}
	}

	void checkout() throws InterruptedException {
		if (this.itemsInCart == 0) {
			addToCart();
			if (this.itemsInCart == 0) {
				return;
			}
		}
		Exchange page = get("/cart/checkout");
		if (!expect(Page.CHECKOUT, page, 200)) {
			return;
		}
		Optional<HtmlForm> form = HtmlForm.postingTo(page.body(), "/cart/order");
		if (form.isEmpty()) {
			// the cart was emptied elsewhere (e.g. an order placed in another tab): start
			// over
			this.stats.failure(Page.PLACE_ORDER, 0, "no order form on the checkout page");
			this.itemsInCart = 0;
			return;
		}
		Exchange placed = submit(form.get());
		if (placed.failure() == null && placed.status() == 200 && !ORDER_ID.matcher(placed.body()).find()) {
			this.stats.failure(Page.PLACE_ORDER, placed.micros(), "no order id on the confirmation page");
			return;
		}
		if (expect(Page.PLACE_ORDER, placed, 200)) {
			this.itemsInCart = 0;
		}
	}

	/** A product page and, as a browser would, its first image. */
	private Optional<Exchange> productPage() throws InterruptedException {
		String id = this.productIds.get(this.random.nextInt(this.productIds.size()));
		Exchange page = get("/product/" + id);
		if (!expect(Page.PRODUCT, page, 200)) {
			return Optional.empty();
		}
		Matcher image = IMAGE.matcher(page.body());
		if (image.find()) {
			String path = Parser.unescapeEntities(image.group(1), true);
			Exchange picture = send(HttpRequest.newBuilder(this.settings.resolve(path)).GET(), this.imageTags.get(path),
					HttpResponse.BodyHandlers.replacing(""));
			if (picture.etag() != null) {
				this.imageTags.put(path, picture.etag());
			}
			expect(Page.IMAGE, picture, 200, 304);
		}
		return Optional.of(page);
	}

	private Exchange submit(HtmlForm form) throws InterruptedException {
		String body = HtmlForm.encode(form.values(this::fill));
		URI target = this.settings.resolve(form.action().isEmpty() ? "/" : form.action());
		HttpRequest.Builder request = HttpRequest.newBuilder(target)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return send(request, null, HttpResponse.BodyHandlers.ofString());
	}

	/** What a person would type into a visible field; null keeps the page's value. */
	String fill(HtmlForm.Field field) {
		String name = field.name().toLowerCase(Locale.ROOT);
		String person = NAMES[this.number % NAMES.length];
		if (name.contains("email") || field.type().equals("email")) {
			return person.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + this.number + "@example.test";
		}
		if (name.contains("quantity")) {
			return String.valueOf(1 + this.random.nextInt(3));
		}
		if (name.contains("street") || name.contains("address")) {
			return (1 + this.number % 200) + " Main St";
		}
		if (name.contains("city")) {
			return "Springfield";
		}
		if (name.contains("postal") || name.contains("zip")) {
			return String.format(Locale.ROOT, "%05d", 10000 + this.number % 89999);
		}
		if (name.contains("country")) {
			return field.value().isEmpty() ? "US" : null;
		}
		if (name.contains("name")) {
			return person;
		}
		if (field.type().equals("select") || !field.value().isEmpty()) {
			return null;
		}
		return field.type().equals("number") ? "1" : "test";
	}

	private Exchange get(String path) throws InterruptedException {
		return send(HttpRequest.newBuilder(this.settings.resolve(path)).GET(), null,
				HttpResponse.BodyHandlers.ofString());
	}

	/** Sends a request and follows redirects as a browser does, timing the whole. */
	private Exchange send(HttpRequest.Builder request, String etag, HttpResponse.BodyHandler<String> bodyHandler)
			throws InterruptedException {
		this.limiter.acquire();
		request.timeout(this.settings.requestTimeout()).header("Accept", "text/html,image/*;q=0.9,*/*;q=0.8");
		if (etag != null) {
			request.header("If-None-Match", etag);
		}
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request.build(), bodyHandler);
			for (int hops = 0; isRedirect(response.statusCode()) && hops < MAX_REDIRECTS; hops++) {
				Optional<String> location = response.headers().firstValue("Location");
				if (location.isEmpty()) {
					break;
				}
				URI next = response.uri().resolve(location.get());
				response = this.http.send(
						HttpRequest.newBuilder(next).timeout(this.settings.requestTimeout()).GET().build(),
						bodyHandler);
			}
			return new Exchange(response.statusCode(), response.body(), micros(start),
					response.headers().firstValue("ETag").orElse(null), null);
		}
		catch (HttpTimeoutException ex) {
			return new Exchange(0, "", micros(start), null, "timeout");
		}
		catch (ConnectException ex) {
			return new Exchange(0, "", micros(start), null, "connection refused");
		}
		catch (IOException ex) {
			String message = (ex.getMessage() != null) ? ": " + ex.getMessage() : "";
			return new Exchange(0, "", micros(start), null, ex.getClass().getSimpleName() + message);
		}
	}

	/** Records the exchange; true when its status is one of those expected. */
	private boolean expect(Page page, Exchange exchange, int... statuses) {
		if (exchange.failure() != null) {
			this.stats.failure(page, exchange.micros(), exchange.failure());
			return false;
		}
		for (int status : statuses) {
			if (exchange.status() == status) {
				this.stats.success(page, exchange.micros());
				return true;
			}
		}
		this.stats.failure(page, exchange.micros(), "HTTP " + exchange.status());
		return false;
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	private static long micros(long startNanos) {
		return (System.nanoTime() - startNanos) / 1000;
	}

	/**
	 * A request and the response it finally got.
	 *
	 * @param status the final HTTP status, 0 when there was none
	 * @param body the final response body
	 * @param micros how long it took, redirects included
	 * @param etag the response's ETag, if any
	 * @param failure why there was no response, or null
	 */
	private record Exchange(int status, String body, long micros, String etag, String failure) {

	}

}
