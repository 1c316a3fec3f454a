package com.anycompany.shop.frontend.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Product and marketing images, proxied from imageservice: the bytes stream through, with
 * its Content-Type and caching headers, and a browser's If-None-Match gets imageservice's
 * 304. When imageservice cannot help, a neutral placeholder keeps the page tidy (with the
 * real status, and never cached).
 */
@Controller
class ImageController {

	private static final Logger logger = LoggerFactory.getLogger(ImageController.class);

	/** Image names as imageservice knows them, e.g. product-p-0001, banner-home. */
	private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");

	private static final List<String> PASSED_ON = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
			HttpHeaders.CACHE_CONTROL, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.EXPIRES);

	private final ImageClient images;

	private final byte[] placeholder;

	ImageController(ImageClient images) throws IOException {
		this.images = images;
		try (InputStream in = new ClassPathResource("images/placeholder.svg").getInputStream()) {
			this.placeholder = in.readAllBytes();
		}
	}

	@GetMapping("/images/{name}")
	void image(@PathVariable String name, @RequestParam(required = false) Integer width,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletResponse response) throws IOException {
		if (!NAME.matcher(name).matches()) {
			placeholder(response, HttpStatus.NOT_FOUND);
			return;
		}
		try {
			this.images.fetch(name, width, ifNoneMatch, (status, headers, body) -> {
				passOn(status, headers, body, response);
				return null;
			});
		}
		catch (DownstreamUnavailableException ex) {
			logger.debug("No image {}: {}", name, ex.getMessage());
			if (!response.isCommitted()) {
				response.reset();
				placeholder(response, HttpStatus.SERVICE_UNAVAILABLE);
			}
		}
	}

	private void passOn(HttpStatusCode status, HttpHeaders headers, InputStream body, HttpServletResponse response)
			throws IOException {
		if (status.isSameCodeAs(HttpStatus.OK) || status.isSameCodeAs(HttpStatus.NOT_MODIFIED)) {
			response.setStatus(status.value());
			for (String header : PASSED_ON) {
				String value = headers.getFirst(header);
				if (value != null) {
					response.setHeader(header, value);
				}
			}
			if (status.isSameCodeAs(HttpStatus.OK)) {
				body.transferTo(response.getOutputStream());
			}
		}
		else if (status.is4xxClientError()) {
			placeholder(response, status);
		}
		else {
			placeholder(response, HttpStatus.SERVICE_UNAVAILABLE);
		}
	}

	private void placeholder(HttpServletResponse response, HttpStatusCode status) throws IOException {
		response.setStatus(status.value());
		response.setContentType("image/svg+xml");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(this.placeholder.length);
		response.getOutputStream().write(this.placeholder);
	}

}
