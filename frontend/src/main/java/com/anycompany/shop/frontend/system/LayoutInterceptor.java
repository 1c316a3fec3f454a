package com.anycompany.shop.frontend.system;

import com.anycompany.shop.frontend.cart.CartSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds what the layout of every page needs, after the controller ran (so the cart badge
 * counts what the controller just added or removed): the cart count and the price
 * formatter.
 */
@Component
class LayoutInterceptor implements HandlerInterceptor {

	static final Money MONEY = new Money();

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView != null && !isRedirect(modelAndView)) {
			addLayoutAttributes(modelAndView, request);
		}
	}

	static void addLayoutAttributes(ModelAndView page, HttpServletRequest request) {
		page.addObject("cartCount", CartSession.cartCount(request.getSession(false)));
		page.addObject("money", MONEY);
	}

	private static boolean isRedirect(ModelAndView modelAndView) {
		String view = modelAndView.getViewName();
		return view != null && view.startsWith("redirect:");
	}

}
