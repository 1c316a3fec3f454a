package com.anycompany.shop.frontend.image;

import java.io.ByteArrayInputStream;
import java.net.ConnectException;

import com.anycompany.shop.frontend.image.ImageClient.ImageHandler;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.anycompany.shop.frontend.system.StorefrontMvcTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ImageControllerTests extends StorefrontMvcTest {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };

	@Test
	void streamsTheImageWithItsTypeAndCachingHeaders() throws Exception {
		answer(HttpStatus.OK, PNG);

		this.mvc.perform(get("/images/product-p-0001").param("width", "400"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andExpect(content().bytes(PNG))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "public, max-age=86400"))
			.andExpect(header().string(HttpHeaders.ETAG, "\"v1\""));
		then(this.images).should().fetch(eq("product-p-0001"), eq(400), isNull(), any());
	}

	@Test
	void passesTheBrowsersETagOnAndItsNotModifiedBack() throws Exception {
		answer(HttpStatus.NOT_MODIFIED, new byte[0]);

		this.mvc.perform(get("/images/banner-home").header(HttpHeaders.IF_NONE_MATCH, "\"v1\""))
			.andExpect(status().isNotModified())
			.andExpect(header().string(HttpHeaders.ETAG, "\"v1\""))
			.andExpect(content().bytes(new byte[0]));
		then(this.images).should().fetch(eq("banner-home"), isNull(), eq("\"v1\""), any());
	}

	@Test
	void imageServiceDownGivesAPlaceholderThatIsNotCached() throws Exception {
		given(this.images.fetch(any(), any(), any(), any()))
			.willThrow(new DownstreamUnavailableException("imageservice", "no answer", new ConnectException()));

		this.mvc.perform(get("/images/product-p-0001"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentType("image/svg+xml"))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(content().string(containsString("<svg")));
	}

	@Test
	void unknownImageGivesAPlaceholderWithTheStatus() throws Exception {
		answer(HttpStatus.NOT_FOUND, "{}".getBytes());

		this.mvc.perform(get("/images/product-p-9999"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("image/svg+xml"));
	}

	@Test
	void oddNamesAreNotPassedOn() throws Exception {
		this.mvc.perform(get("/images/..%2Fsecret")).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/images/Product.PNG")).andExpect(status().isNotFound());
		then(this.images).shouldHaveNoInteractions();
	}

	private void answer(HttpStatusCode status, byte[] body) {
		given(this.images.fetch(any(), any(), any(), any())).willAnswer((call) -> {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.IMAGE_PNG);
			headers.setContentLength(body.length);
			headers.setCacheControl("public, max-age=86400");
			headers.setETag("\"v1\"");
			ImageHandler<?> handler = call.getArgument(3);
			return handler.handle(status, headers, new ByteArrayInputStream(body));
		});
	}

}
