package com.anycompany.shop.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import com.anycompany.shop.testsupport.ShopServiceTest;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service over real HTTP, with a stand-in for the X-Ray daemon that receives
 * the segments the SDK really sends.
 */
@ShopServiceTest
class ImageServiceApplicationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	XRayDaemonStub daemon;

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@BeforeEach
	void clear() {
		daemon.clear();
	}

	@Test
	void drawsAPngOnceThenServesItFromTheCacheAndTracesBoth() throws Exception {
		HttpResponse<byte[]> first = get("/api/v1/image/product-p-0013?width=240", null);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.body()));
		assertThat(image.getWidth()).isEqualTo(240);
		assertThat(image.getHeight()).isEqualTo(240);
		assertThat(distinctColours(image)).isGreaterThan(40);

		JsonNode drawn = daemon.awaitSegment((s) -> url(s).endsWith("/product-p-0013"), WAIT);
		assertThat(drawn.path("name").asString()).isEqualTo("imageservice");
		assertThat(drawn.path("http").path("response").path("status").asInt()).isEqualTo(200);
		assertThat(XRayDaemonStub.subsegmentNamed(drawn, "render")).isPresent();

		daemon.clear();
		HttpResponse<byte[]> second = get("/api/v1/image/product-p-0013?width=240", null);
		assertThat(second.body()).isEqualTo(first.body());
		JsonNode cached = daemon.awaitSegment((s) -> url(s).endsWith("/product-p-0013"), WAIT);
		assertThat(XRayDaemonStub.subsegmentNamed(cached, "render")).isEmpty();
	}

	@Test
	void theETagMakesARepeatedRequestA304() throws Exception {
		HttpResponse<byte[]> first = get("/api/v1/image/banner-home?width=400", null);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).startsWith("\"");
		assertThat(ImageIO.read(new ByteArrayInputStream(first.body())).getHeight()).isEqualTo(125);

		HttpResponse<byte[]> again = get("/api/v1/image/banner-home?width=400", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.headers().firstValue("ETag")).hasValue(etag);
		JsonNode segment = daemon.awaitSegment(
				(s) -> url(s).endsWith("/banner-home") && s.path("http").path("response").path("status").asInt() == 304,
				WAIT);
		assertThat(segment.path("fault").asBoolean(false)).isFalse();
	}

	@Test
	void listsAnImageForEveryCatalogProductAndTheBanners() throws Exception {
		JsonNode names = JSON.readTree(get("/api/v1/images", null).body());
		Set<String> listed = new HashSet<>();
		names.forEach((name) -> listed.add(name.asString()));
		assertThat(listed).contains("banner-home", "banner-sale")
			.containsAll(IntStream.rangeClosed(1, 24)
				.mapToObj((i) -> String.format(Locale.ROOT, "product-p-%04d", i))
				.toList());
	}

	@Test
	void errorsAreProblems() throws Exception {
		HttpResponse<byte[]> unknown = get("/api/v1/image/product-p-0999", null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		HttpResponse<byte[]> tooWide = get("/api/v1/image/banner-home?width=4000", null);
		assertThat(tooWide.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(tooWide.body()).path("detail").asString()).contains("1600");
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/banner-home"), WAIT);
		assertThat(segment.path("http").path("response").path("status").asInt()).isEqualTo(400);
		assertThat(segment.path("error").asBoolean()).isTrue();
	}

	@Test
	void healthGroupsAnswerAndAreNotTraced() throws Exception {
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/env", null).statusCode()).isEqualTo(404);
		get("/api/v1/images", null);
		daemon.awaitSegment((s) -> url(s).endsWith("/api/v1/images"), WAIT);
		assertThat(daemon.segments()).noneMatch((s) -> url(s).contains("/actuator"));
	}

	private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** The request URL as the SDK records it: without the query string. */
	private static String url(JsonNode segment) {
		return segment.path("http").path("request").path("url").asString();
	}

	private static int distinctColours(BufferedImage image) {
		Set<Integer> colours = new HashSet<>();
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				colours.add(image.getRGB(x, y));
			}
		}
		return colours.size();
	}

}
