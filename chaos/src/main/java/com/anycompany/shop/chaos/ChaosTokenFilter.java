package com.anycompany.shop.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a call through to {@code /actuator/chaos} only with the secret in
 * {@value #HEADER}: 401 without it, 403 with a wrong one, as problem details. Both values
 * are hashed before they are compared, so the comparison takes the same time whatever the
 * given value, its length included.
 */
class ChaosTokenFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Chaos-Token";

	private final byte[] expected;

	ChaosTokenFilter(String token) {
		this.expected = sha256(token);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		if (given == null || given.isEmpty()) {
			response.setHeader("WWW-Authenticate", HEADER);
			refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
					"Fault injection needs the shop's chaos token in " + HEADER + ".");
			return;
		}
		if (!MessageDigest.isEqual(sha256(given), this.expected)) {
			refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
					"The chaos token in " + HEADER + " is not this shop's.");
			return;
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

}
