package com.anycompany.shop.frontend.image;

import java.io.IOException;
import java.io.InputStream;

import com.anycompany.shop.clients.problem.DownstreamRejectedException;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Calls imageservice and hands the answer, body still streaming, to a handler, so images
 * pass through the storefront without being held in memory.
 */
@Component
public class ImageClient {

	static final String SERVICE = "imageservice";

	private final ImageApi api;

	public ImageClient(ImageApi api) {
		this.api = api;
	}

	/**
	 * Fetches an image; every answer (200, 304, 404, ...) goes to the handler.
	 * @param width the wanted width in pixels, or null for imageservice's default
	 * @param ifNoneMatch the browser's If-None-Match header, or null
	 * @throws DownstreamUnavailableException when imageservice does not answer
	 */
	public <T> T fetch(String name, Integer width, String ifNoneMatch, ImageHandler<T> handler) {
		ResponseEntity<InputStream> answer;
		try {
			answer = this.api.image(name, width, StringUtils.hasText(ifNoneMatch) ? ifNoneMatch : null);
		}
		catch (DownstreamRejectedException ex) {
			// an unknown image is an answer too: the handler decides what the browser
			// sees
			return handle(handler, ex.getStatusCode(), ex.getHeaders(), null);
		}
		return handle(handler, answer.getStatusCode(), answer.getHeaders(), answer.getBody());
	}

	private static <T> T handle(ImageHandler<T> handler, HttpStatusCode status, HttpHeaders headers, InputStream body) {
		// closing the body ends the call (and its subsegment)
		try (InputStream in = (body != null) ? body : InputStream.nullInputStream()) {
			return handler.handle(status, headers, in);
		}
		catch (IOException ex) {
			throw new DownstreamUnavailableException(SERVICE, "unreadable answer", ex);
		}
	}

	/** Receives imageservice's answer while its body can still be read. */
	@FunctionalInterface
	public interface ImageHandler<T> {

		T handle(HttpStatusCode status, HttpHeaders headers, InputStream body) throws IOException;

	}

	/**
	 * The HTTP service group {@code imageservice}. The body is an {@link InputStream}:
	 * Spring leaves such a response open for the caller to stream and close.
	 */
	@HttpExchange("/api/v1/image")
	public interface ImageApi {

		@GetExchange("/{name}")
		ResponseEntity<InputStream> image(@PathVariable String name, @RequestParam(required = false) Integer width,
				@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch);

	}

}
