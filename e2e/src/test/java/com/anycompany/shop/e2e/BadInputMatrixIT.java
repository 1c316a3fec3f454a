package com.anycompany.shop.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.anycompany.shop.launcher.stack.LocalShop;
import com.anycompany.shop.testsupport.RawHttp;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input, as an outside tester sends it, to the whole shop started as
 * {@code ./shop up} starts it: every API endpoint of the five services and every
 * storefront form and parameter, with wrong types, fractions, booleans, huge and strange
 * text, unknown ids, missing CSRF tokens, wrong content types, huge bodies,
 * {@code TRACE}, a URL or headers too large. Never a server error, always the right
 * format (problem details from the APIs, the shop's own page from the storefront), no
 * fault in the traces of the APIs, and every service still up, never restarted,
 * afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputMatrixIT {

	/** The shop's rule for ids and categories. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	/**
	 * Storefront cases that fail today because the storefront maps a downstream 400 to
	 * 503 "We'll be right back": a product id that cartservice refuses when removing it
	 * from the cart, and a category that catalogservice refuses. They wait for the
	 * service client refactoring, in their own test below.
	 */
	static final Predicate<String> DOWNSTREAM_400_AS_503 = (name) -> {
		String removed = valueAfter(name, "POST /cart/remove (form of /cart) productId=");
		String category = valueAfter(name, "GET /products?category= ");
		return (removed != null && !ID.matcher(removed).matches())
				// an empty category means all; a 10 KB one is a URI too long for Tomcat
				|| (category != null && !ID.matcher(category.strip()).matches() && !category.isBlank()
						&& category.length() < 8000)
				|| name.equals("GET /products?category=a&category=b");
	};

	private static final XRayDaemonStub daemon = new XRayDaemonStub();

	private static final List<String> API_SERVICES = List.of("catalogservice", "cartservice", "orderservice",
			"recommenderservice", "imageservice");

	private static LocalShop shop;

	private static Map<String, Integer> ports;

	private static String imageName;

	private static int size;

	@BeforeAll
	static void startShop() throws InterruptedException, IOException {
		shop = LocalShop.builder()
			.projectDir(ProjectDir.get())
			.logsDir(Path.of("target", "bad-input-logs").toAbsolutePath())
			.freePorts()
			.environment("AWS_XRAY_DAEMON_ADDRESS", daemon.address())
			.environment("SHOP_TRACING_CENTRALIZED_SAMPLING", "false")
			.startTimeout(Duration.ofMinutes(4))
			.start();
		ports = new LinkedHashMap<>();
		for (String service : LocalShop.SERVICES) {
			ports.put(service, shop.ports().of(service));
		}
		RawHttp.Response images = RawHttp.exchange("127.0.0.1", ports.get("imageservice"),
				RawHttp.request("GET /api/v1/images HTTP/1.1", "Host: 127.0.0.1"));
		imageName = JsonMapper.builder().build().readTree(images.body()).get(0).asString();
	}

	@AfterAll
	static void stopShop() {
		System.out.println("Bad-input matrix: " + size + " cases");
		if (shop != null) {
			shop.close();
		}
		daemon.close();
	}

	@Test
	@Order(1)
	void everyApiEndpointAnswersBadInputWithProblemDetails() {
		Matrix matrix = new Matrix();
		new ApiMatrix(matrix, ports, imageName).run();
		size += matrix.size();
		System.out.println("Bad-input matrix, APIs: " + matrix.size() + " cases");
		matrix.assertAll("API cases");
	}

	@Test
	@Order(2)
	void badRequestsToTheApisAreErrorsNotFaultsInXRay() {
		// segments arrive over UDP shortly after each answer
		daemon.awaitQuiet(Duration.ofSeconds(1), Duration.ofSeconds(30));
		List<JsonNode> segments = daemon.segments()
			.stream()
			.filter((segment) -> API_SERVICES.contains(segment.path("name").asString()))
			.toList();
		assertThat(segments).isNotEmpty();
		List<String> faults = segments.stream()
			.filter((segment) -> XRayDaemonStub.walk(segment).anyMatch((entity) -> entity.path("fault").asBoolean()))
			.map(BadInputMatrixIT::describe)
			.toList();
		assertThat(faults).as("segments with a fault").isEmpty();
		assertThat(segments)
			.filteredOn((segment) -> segment.path("http").path("response").path("status").asInt() >= 400)
			.allSatisfy((segment) -> assertThat(segment.path("error").asBoolean()).as(describe(segment)).isTrue());
	}

	@Test
	@Order(3)
	void everyStorefrontFormAndParameterAnswersBadInputWithTheShopsPage() {
		Matrix matrix = new Matrix();
		new StorefrontMatrix(matrix, ports.get("frontend"), imageName, DOWNSTREAM_400_AS_503.negate()).run();
		size += matrix.size();
		System.out.println("Bad-input matrix, storefront: " + matrix.size() + " cases");
		matrix.assertAll("storefront cases");
	}

	@Test
	@Order(4)
	void storefrontCasesWhereADownstreamServiceAnswers400KeepTheirMeaning() {
		Matrix matrix = new Matrix();
		new StorefrontMatrix(matrix, ports.get("frontend"), imageName, DOWNSTREAM_400_AS_503).run();
		size += matrix.size();
		System.out.println(
				"Bad-input matrix, storefront cases answered 400 by a downstream service: " + matrix.size() + " cases");
		assertThat(matrix.size()).isPositive();
		matrix.assertAll("storefront cases");
	}

	/**
	 * Fault injection answers only the launcher's secret, on all six ports, the
	 * storefront's included; the launcher's own calls (numbers in the JSON body) still
	 * work.
	 */
	@Test
	@Order(5)
	void chaosAnswersOnlyTheLaunchersToken() {
		Matrix matrix = new Matrix();
		byte[] change = BadInput.utf8("{\"latencyMs\":0,\"errorRate\":0.0}");
		ports.forEach((service, port) -> {
			for (String method : List.of("GET", "POST", "DELETE")) {
				byte[] body = method.equals("POST") ? change : null;
				String type = method.equals("POST") ? "application/json" : null;
				matrix.check(service + ": " + method + " /actuator/chaos without a token", port,
						BadInput.request(method, "/actuator/chaos", type, body), Matrix.Format.PROBLEM_DETAILS, 401);
				matrix.check(service + ": " + method + " /actuator/chaos with a wrong token", port,
						BadInput.request(method, "/actuator/chaos", type, body, "X-Chaos-Token: guess"),
						Matrix.Format.PROBLEM_DETAILS, 403);
			}
			matrix.check(
					service + ": POST /actuator/chaos with the token", port, BadInput.request("POST", "/actuator/chaos",
							"application/json", change, "X-Chaos-Token: " + shop.chaosToken()),
					Matrix.Format.PROBLEM_DETAILS, 200);
		});
		size += matrix.size();
		matrix.assertAll("chaos cases");
	}

	@Test
	@Order(6)
	void everyServiceIsHealthyAndWasNeverRestarted() throws IOException {
		assertThat(shop.status()).allSatisfy((process) -> {
			assertThat(process.restarts()).as(process.name()).isZero();
			assertThat(process.state().name()).as(process.name()).isEqualTo("READY");
		});
		for (Map.Entry<String, Integer> service : ports.entrySet()) {
			RawHttp.Response readiness = RawHttp.exchange("127.0.0.1", service.getValue(),
					RawHttp.request("GET /actuator/health/readiness HTTP/1.1", "Host: 127.0.0.1"));
			assertThat(readiness.status()).as(service.getKey()).isEqualTo(200);
		}
	}

	/** The bad text a storefront case sends, from its name. */
	private static String valueAfter(String name, String prefix) {
		return name.startsWith(prefix) ? BadInput.TEXT.get(name.substring(prefix.length())) : null;
	}

	private static String describe(JsonNode segment) {
		return segment.path("name").asString() + " " + segment.path("http").path("request").path("method").asString()
				+ " " + segment.path("http").path("request").path("url").asString() + " "
				+ segment.path("http").path("response").path("status").asInt();
	}

}
