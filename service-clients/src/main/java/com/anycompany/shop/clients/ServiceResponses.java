package com.anycompany.shop.clients;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.anycompany.shop.clients.problem.DownstreamRejectedException;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The one status mapping for calls to other services: 4xx →
 * {@link DownstreamRejectedException} carrying the callee's problem, 5xx →
 * {@link DownstreamUnavailableException}. No service decides this for itself.
 */
final class ServiceResponses {

	/** Enough for any problem document; a larger error body is cut. */
	private static final int MAX_PROBLEM_BYTES = 16 * 1024;

	private static final JsonMapper JSON = JsonMapper.shared();

	private ServiceResponses() {
	}

	static RuntimeException failure(String service, ClientHttpResponse response) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		if (status.is4xxClientError()) {
			return new DownstreamRejectedException(service, status, problem(status, response));
		}
		return new DownstreamUnavailableException(service, "it answered " + status.value(), null);
	}

	private static ProblemDetail problem(HttpStatusCode status, ClientHttpResponse response) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		byte[] body;
		try (InputStream in = response.getBody()) {
			body = in.readNBytes(MAX_PROBLEM_BYTES);
		}
		try {
			JsonNode json = JSON.readTree(body);
			if (json.path("title").isString()) {
				problem.setTitle(json.path("title").asString());
			}
			if (json.path("detail").isString()) {
				problem.setDetail(json.path("detail").asString());
			}
			if (json.path("errors").isArray()) {
				List<String> errors = new ArrayList<>();
				json.path("errors").forEach((error) -> errors.add(error.asString()));
				problem.setProperty("errors", errors);
			}
		}
		catch (JacksonException notJson) {
			// not a problem document: the status alone says what happened
		}
		return problem;
	}

}
