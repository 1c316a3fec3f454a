package com.anycompany.shop.tracing.otel;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * No observation, hence no span, for the requests the X-Ray SDK's filter does not trace
 * either ({@code shop.tracing.excluded-paths}: health probes, static assets), matched as
 * Spring MVC matches its mappings. The probes would otherwise flood the map.
 */
final class ExcludedPathsPredicate implements ObservationPredicate {

	private final List<PathPattern> patterns;

	ExcludedPathsPredicate(List<String> patterns) {
		this.patterns = patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (!(context instanceof ServerRequestObservationContext server) || this.patterns.isEmpty()) {
			return true;
		}
		HttpServletRequest request = server.getCarrier();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		PathContainer container = PathContainer.parsePath(path);
		for (PathPattern pattern : this.patterns) {
			if (pattern.matches(container)) {
				return false;
			}
		}
		return true;
	}

}
