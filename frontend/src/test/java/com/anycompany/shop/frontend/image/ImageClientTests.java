package com.anycompany.shop.frontend.image;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import com.anycompany.shop.frontend.stub.Backends;
import com.anycompany.shop.frontend.stub.TestClients;
import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageClientTests {

	@RegisterExtension
	static WireMockExtension stub = StubServers.extension();

	final ImageClient client = new ImageClient(TestClients.untraced(StubServers.url(stub), ImageClient.ImageApi.class));

	@BeforeEach
	void images() {
		Backends.catalogRecommenderAndImages(stub);
		Backends.image(stub, "product-p-0001", 400);
		Backends.image(stub, "banner-home", 1200);
	}

	@Test
	void streamsTheImageWithItsHeaders() {
		List<Object> answer = this.client.fetch("product-p-0001", 400, null,
				(status, headers, body) -> List.of(status.value(), headers.getContentType().toString(),
						headers.getETag(), headers.getCacheControl(),
						ImageIO.read(new ByteArrayInputStream(body.readAllBytes())).getWidth()));
		assertThat(answer).containsExactly(200, "image/png", "\"product-p-0001-400\"", "public, max-age=86400", 400);
		assertThat(stub.findAll(anyRequestedFor(anyUrl())).get(0).getUrl())
			.isEqualTo("/api/v1/image/product-p-0001?width=400");
	}

	@Test
	void passesIfNoneMatchAndGetsNotModified() {
		int status = this.client.fetch("banner-home", 1200, "\"banner-home-1200\"", (s, h, b) -> s.value());
		assertThat(status).isEqualTo(304);
		// without it, the same request gets the image
		int withoutIt = this.client.fetch("banner-home", 1200, null, (s, h, b) -> s.value());
		assertThat(withoutIt).isEqualTo(200);
	}

	@Test
	void unknownImageIsAnAnswerToo() {
		int status = this.client.fetch("nothing", null, null, (s, h, b) -> s.value());
		assertThat(status).isEqualTo(404);
	}

	@Test
	void refusedConnectionMeansUnavailable() {
		ImageClient nowhere = new ImageClient(
				TestClients.untraced(StubServers.refusingUrl(), ImageClient.ImageApi.class));
		assertThatThrownBy(() -> nowhere.fetch("banner-home", null, null, (s, h, b) -> s.value()))
			.isInstanceOf(DownstreamUnavailableException.class)
			.hasMessageContaining("imageservice");
	}

}
