package com.anycompany.shop.image.serving;

import java.util.List;
import java.util.Optional;

import com.anycompany.shop.image.art.Artwork;
import com.anycompany.shop.image.art.Artworks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

@WebMvcTest(ImageController.class)
class ImageControllerTests {

	static final Artwork KETTLE = new Artwork("product-p-0001", 800, 800, (g) -> {
	});

	static final PngImage KETTLE_PNG = new PngImage(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "\"0123abcd\"", 800,
			800);

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Artworks artworks;

	@MockitoBean
	ImageCache cache;

	@BeforeEach
	void kettle() {
		given(this.artworks.find(anyString())).willReturn(Optional.empty());
		given(this.artworks.find("product-p-0001")).willReturn(Optional.of(KETTLE));
		given(this.cache.get(KETTLE, 800)).willReturn(KETTLE_PNG);
	}

	@Test
	void servesThePngWithCachingHeadersAtTheDefaultWidth() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/image/product-p-0001").exchange();

		assertThat(result).hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
		assertThat(result).hasHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
		assertThat(result).hasHeader(HttpHeaders.ETAG, "\"0123abcd\"");
		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(KETTLE_PNG.bytes());
	}

	@Test
	void passesTheWidthAskedFor() {
		given(this.cache.get(KETTLE, 16)).willReturn(KETTLE_PNG);
		assertThat(this.mvc.get().uri("/api/v1/image/product-p-0001?width=16").exchange()).hasStatusOk();
		verify(this.cache).get(KETTLE, 16);
	}

	@Test
	void matchingIfNoneMatchIsA304WithoutBody() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/image/product-p-0001")
			.header(HttpHeaders.IF_NONE_MATCH, "\"0123abcd\"")
			.exchange();

		assertThat(result).hasStatus(304).hasHeader(HttpHeaders.ETAG, "\"0123abcd\"");
		assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
		assertThat(this.mvc.get()
			.uri("/api/v1/image/product-p-0001")
			.header(HttpHeaders.IF_NONE_MATCH, "\"other\"")
			.exchange()).hasStatusOk();
	}

	@Test
	void widthOutOfRangeIsA400Problem() {
		for (String width : List.of("15", "1601", "0", "-5")) {
			assertProblem(this.mvc.get().uri("/api/v1/image/product-p-0001?width=" + width).exchange(), 400);
		}
		verify(this.cache, never()).get(any(), anyInt());
	}

	@Test
	void widthThatIsNotANumberIsA400Problem() {
		assertProblem(this.mvc.get().uri("/api/v1/image/product-p-0001?width=wide").exchange(), 400);
	}

	@Test
	void unknownNameIsA404Problem() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/image/product-p-0999").exchange();
		assertProblem(result, 404);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("product-p-0999");
		assertThat(result).bodyJson().extractingPath("$.instance").asString().isEqualTo("/api/v1/image/product-p-0999");
	}

	@Test
	void problemsAreJsonEvenWhenTheClientAskedForAnImage() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/image/nope")
			.accept(MediaType.IMAGE_PNG, MediaType.parseMediaType("image/*"))
			.exchange();
		assertProblem(result, 404);
	}

	@Test
	void listsTheImageNames() {
		given(this.artworks.names()).willReturn(List.of("banner-home", "product-p-0001"));
		assertThat(this.mvc.get().uri("/api/v1/images").exchange()).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("[\"banner-home\",\"product-p-0001\"]");
	}

	private static void assertProblem(MvcTestResult result, int status) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(status);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isNotBlank();
		assertThat(result).bodyJson().extractingPath("$.type").asString().isEqualTo("about:blank");
	}

}
