package com.anycompany.shop.xraylocal.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every POST body here is JSON, whatever it is labelled: {@code curl -d '{...}'} sends it
 * as a form, which the servlet container would otherwise parse (and mangle) as form
 * fields.
 */
@Component
class JsonBodyFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if ("POST".equals(request.getMethod()) && type != null
				&& type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
			request = new HttpServletRequestWrapper(request) {
				@Override
				public String getContentType() {
					return MediaType.APPLICATION_JSON_VALUE;
				}

				@Override
				public String getHeader(String name) {
					return "content-type".equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE
							: super.getHeader(name);
				}
			};
		}
		chain.doFilter(request, response);
	}

}
