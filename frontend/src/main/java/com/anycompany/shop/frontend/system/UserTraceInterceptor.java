package com.anycompany.shop.frontend.system;

import com.anycompany.shop.frontend.cart.CartSession;
import com.anycompany.shop.tracing.TraceAnnotations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Puts the {@code UserID} annotation (a hash of the shopper's cart id) on the segment of
 * every request, so X-Ray can find all requests of one shopper
 * ({@code annotation.UserID = "..."}). Pages start the shopper's session; image requests
 * only use one that exists.
 */
@Component
class UserTraceInterceptor implements HandlerInterceptor {

	static final String USER_ID = "UserID";

	private final TraceAnnotations traceAnnotations;

	UserTraceInterceptor(TraceAnnotations traceAnnotations) {
		this.traceAnnotations = traceAnnotations;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		boolean image = request.getRequestURI().startsWith(request.getContextPath() + "/images/");
		HttpSession session = request.getSession(!image);
		if (session != null) {
			this.traceAnnotations.put(USER_ID, CartSession.userId(session));
		}
		return true;
	}

}
