package com.anycompany.shop.frontend.image;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import com.anycompany.shop.frontend.stub.StubServices;
import com.anycompany.shop.frontend.stub.TestClients;
import com.anycompany.shop.tracing.DownstreamUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageClientTests {

	static final StubServices stub = StubServices.start();

	final ImageClient client = new ImageClient(TestClients.untraced(stub.url()));

	@AfterAll
	static void stop() {
		stub.close();
	}

	@BeforeEach
	void reset() {
		stub.reset();
	}

	@Test
	void streamsTheImageWithItsHeaders() {
		List<Object> answer = this.client.fetch("product-p-0001", 400, null,
				(status, headers, body) -> List.of(status.value(), headers.getContentType().toString(),
						headers.getETag(), headers.getCacheControl(),
						ImageIO.read(new ByteArrayInputStream(body.readAllBytes())).getWidth()));
		assertThat(answer).containsExactly(200, "image/png", "\"product-p-0001-400\"", "public, max-age=86400", 400);
		assertThat(stub.received().get(0).path()).isEqualTo("/api/v1/image/product-p-0001");
	}

	@Test
	void passesIfNoneMatchAndGetsNotModified() {
		int status = this.client.fetch("banner-home", 1200, "\"banner-home-1200\"", (s, h, b) -> s.value());
		assertThat(status).isEqualTo(304);
	}

	@Test
	void unknownImageIsAnAnswerToo() {
		int status = this.client.fetch("nothing", null, null, (s, h, b) -> s.value());
		assertThat(status).isEqualTo(404);
	}

	@Test
	void refusedConnectionMeansUnavailable() {
		ImageClient nowhere = new ImageClient(TestClients.untraced(TestClients.refusedUrl()));
		assertThatThrownBy(() -> nowhere.fetch("banner-home", null, null, (s, h, b) -> s.value()))
			.isInstanceOf(DownstreamUnavailableException.class)
			.hasMessageContaining("imageservice");
	}

}
