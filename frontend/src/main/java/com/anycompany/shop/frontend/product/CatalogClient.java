package com.anycompany.shop.frontend.product;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.anycompany.shop.constraints.ShopId;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.anycompany.shop.tracing.TraceAnnotations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The catalog as the storefront's pages see it. Every page needs it, yet the catalog
 * changes rarely: when catalogservice cannot answer (a restart, a kill), a page is shown
 * from the last good answer of the past {@code shop.catalog-copy.max-age} (10 minutes),
 * and the request's segment carries the annotation {@value #STALE_ANNOTATION} so the
 * trace tells it; the call itself is still a fault on the map. Without a recent copy the
 * failure stands ({@link DownstreamUnavailableException}, the shop's 503 page).
 */
@Component
public class CatalogClient {

	/** Annotation on a segment whose page was shown from the recent copy. */
	public static final String STALE_ANNOTATION = "StaleCatalog";

	/** What a product id can look like; anything else is not asked for. */
	private static final Pattern PRODUCT_ID = Pattern.compile(ShopId.PATTERN);

	private static final Logger logger = LoggerFactory.getLogger(CatalogClient.class);

	private final CatalogApi api;

	private final TraceAnnotations trace;

	private final RecentCopy<Object> copy;

	public CatalogClient(CatalogApi api, TraceAnnotations trace,
			@Value("${shop.catalog-copy.max-entries:500}") int maxEntries,
			@Value("${shop.catalog-copy.max-age:10m}") Duration maxAge) {
		this.api = api;
		this.trace = trace;
		this.copy = new RecentCopy<>(maxEntries, maxAge, Clock.systemUTC());
	}

	/** All products, or those of one category when it is given; sorted by id. */
	public List<Product> products(String category) {
		String key = "products:" + ((category != null) ? category : "");
		return orEmpty(
				withCopy(key, () -> this.api.products((category == null || category.isEmpty()) ? null : category)));
	}

	/** The products the home page features. */
	public List<Product> featured() {
		return orEmpty(withCopy("featured", this.api::featured));
	}

	/** The product, or empty when the catalog has no such product. */
	public Optional<Product> product(String id) {
		if (id == null || !PRODUCT_ID.matcher(id).matches()) {
			return Optional.empty();
		}
		return withCopy("product:" + id, () -> this.api.product(id));
	}

	/** The category names, sorted. */
	public List<String> categories() {
		return orEmpty(withCopy("categories", this.api::categories));
	}

	@SuppressWarnings("unchecked")
	private <T> T withCopy(String key, Supplier<T> call) {
		try {
			T answer = call.get();
			this.copy.put(key, answer);
			return answer;
		}
		catch (DownstreamUnavailableException ex) {
			Optional<Object> recent = this.copy.get(key);
			if (recent.isEmpty()) {
				throw ex;
			}
			logger.info("catalogservice unavailable ({}); showing the recent copy of {}", ex.getMessage(), key);
			this.trace.put(STALE_ANNOTATION, true);
			return (T) recent.get();
		}
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
