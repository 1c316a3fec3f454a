package com.anycompany.shop.chaos;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down or fails the service's own requests (never the actuator's), the way a
 * struggling instance would. Runs inside the tracing filter, so injected faults appear in
 * the traces.
 */
class ChaosFilter extends OncePerRequestFilter {

	private final ChaosSettings settings;

	ChaosFilter(ChaosSettings settings) {
		this.settings = settings;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long latency = this.settings.latencyMs();
		if (latency > 0) {
			try {
				Thread.sleep(latency);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.settings.rollError()) {
			response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
						+ "\"detail\":\"Fault injected by chaos settings\",\"instance\":\""
						+ request.getRequestURI().replace("\"", "") + "\"}");
			return;
		}
		chain.doFilter(request, response);
	}

}
