package com.anycompany.shop.clients;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long the caller of the request being served will still wait. Every call to another
 * service tells the callee its budget in the {@value #HEADER} header (the caller's read
 * timeout, or less when the caller's own caller gives it less), so a service can refuse
 * to begin what it could not finish in time — above all an irreversible step such as
 * storing an order whose shopper has already been told it failed.
 */
public final class RequestDeadline extends OncePerRequestFilter {

	/** Milliseconds the caller waits for the answer. */
	public static final String HEADER = "X-Shop-Budget-Ms";

	/** A budget beyond this is not believed. */
	private static final long MAX_BUDGET_MILLIS = 120_000;

	private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

	/** Time left for the request on this thread, when its caller said. */
	public static Optional<Duration> remaining() {
		Long deadline = DEADLINE.get();
		return (deadline != null) ? Optional.of(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0)))
				: Optional.empty();
	}

	/** The budget to announce for a call that waits at most {@code timeout}. */
	public static long budgetMillis(Duration timeout) {
		return remaining().map((left) -> Math.min(left.toMillis(), timeout.toMillis())).orElse(timeout.toMillis());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Long budget = parse(request.getHeader(HEADER));
		if (budget == null) {
			chain.doFilter(request, response);
			return;
		}
		DEADLINE.set(System.nanoTime() + Duration.ofMillis(budget).toNanos());
		try {
			chain.doFilter(request, response);
		}
		finally {
			DEADLINE.remove();
		}
	}

	private static Long parse(String header) {
		if (header == null || !digits(header)) {
			return null;
		}
		long budget = Long.parseLong(header);
		return (budget > 0 && budget <= MAX_BUDGET_MILLIS) ? budget : null;
	}

	/**
	 * One to nine ASCII digits; checked by hand, as String.matches would compile a
	 * pattern for every request.
	 */
	private static boolean digits(String text) {
		if (text.isEmpty() || text.length() > 9) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
