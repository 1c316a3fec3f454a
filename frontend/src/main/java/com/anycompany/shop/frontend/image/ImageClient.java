package com.anycompany.shop.frontend.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import com.anycompany.shop.tracing.DownstreamUnavailableException;
import com.anycompany.shop.tracing.RemoteServiceClients;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls imageservice and hands the answer, body still streaming, to a handler, so images
 * pass through the storefront without being held in memory.
 */
@Component
public class ImageClient {

	static final String SERVICE = "imageservice";

	private final RestClient rest;

	public ImageClient(RemoteServiceClients clients) {
		// the body streams through to the browser: a RestClient, not an interface
		this.rest = clients.builder(SERVICE).build();
	}

	/**
	 * Fetches an image; every answer (200, 304, 404, ...) goes to the handler.
	 * @param width the wanted width in pixels, or null for imageservice's default
	 * @param ifNoneMatch the browser's If-None-Match header, or null
	 * @throws DownstreamUnavailableException when imageservice does not answer
	 */
	public <T> T fetch(String name, Integer width, String ifNoneMatch, ImageHandler<T> handler) {
		try {
			return this.rest.get()
				.uri((uri) -> uri.path("/api/v1/image/{name}")
					.queryParamIfPresent("width", Optional.ofNullable(width))
					.build(name))
				.headers((headers) -> {
					if (StringUtils.hasText(ifNoneMatch)) {
						headers.set(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
					}
				})
				.exchange((request, response) -> handler.handle(response.getStatusCode(), response.getHeaders(),
						response.getBody()));
		}
		catch (RestClientException ex) {
			throw new DownstreamUnavailableException(SERVICE, "unreadable answer", ex);
		}
	}

	/** Receives imageservice's answer while its body can still be read. */
	@FunctionalInterface
	public interface ImageHandler<T> {

		T handle(HttpStatusCode status, HttpHeaders headers, InputStream body) throws IOException;

	}

}
