package com.anycompany.shop.frontend.system;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.anycompany.shop.support.server.RejectedRequestRenderer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * The shop's error page for a request Tomcat rejects before the storefront sees it (an
 * encoded slash or NUL in the URL, a URL or headers too large): the same template as
 * every other error, rendered with the storefront's view resolver. Such a request belongs
 * to no servlet context, so the request is completed with what the template needs (the
 * context path, the servlet context, the shop's one locale) and links are left as they
 * are.
 */
@Component
class RejectedRequestPage implements RejectedRequestRenderer {

	private final ViewResolver views;

	private final ServletContext servletContext;

	RejectedRequestPage(@Qualifier("thymeleafViewResolver") ViewResolver views, ServletContext servletContext) {
		this.views = views;
		this.servletContext = servletContext;
	}

	@Override
	public void render(int status, HttpServletRequest request, HttpServletResponse response) throws IOException {
		// Spring Security's filters never ran for this request: the same headers as
		// every other page, set here
		response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Cache-Control", "no-store");
		try {
			View view = this.views.resolveViewName("error/error", Locale.US);
			if (view == null) {
				throw new IllegalStateException("No template error/error");
			}
			view.render(Map.of("status", status, "money", LayoutInterceptor.MONEY), new Rejected(request),
					new AsIs(response));
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Rendering the error page failed", ex);
		}
	}

	private final class Rejected extends HttpServletRequestWrapper {

		/** Set or removed (null) while rendering. */
		private final Map<String, Object> attributes = new HashMap<>();

		Rejected(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getContextPath() {
			return "";
		}

		@Override
		public ServletContext getServletContext() {
			return RejectedRequestPage.this.servletContext;
		}

		@Override
		public Locale getLocale() {
			return Locale.US;
		}

		@Override
		public HttpSession getSession(boolean create) {
			return null;
		}

		// Attributes the template engine sets and removes stay here: Tomcat's request
		// has no context to notify of them and throws (once per tag, logged as ERROR)

		@Override
		public Object getAttribute(String name) {
			return this.attributes.containsKey(name) ? this.attributes.get(name) : super.getAttribute(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
			this.attributes.forEach((name, value) -> {
				if (value != null) {
					names.add(name);
				}
				else {
					names.remove(name);
				}
			});
			return Collections.enumeration(names);
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.put(name, null);
		}

	}

	private static final class AsIs extends HttpServletResponseWrapper {

		AsIs(HttpServletResponse response) {
			super(response);
		}

		@Override
		public String encodeURL(String url) {
			return url;
		}

		@Override
		public String encodeRedirectURL(String url) {
			return url;
		}

	}

}
