package com.anycompany.shop.catalog.product;

import java.util.List;

import com.anycompany.shop.tracing.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The catalog's category names, kept in memory. They change only when products are added
 * to a new category, so reading them on every request would cost a read of the whole
 * table for nothing: they are read once after seeding and then every
 * {@code shop.catalog.categories-refresh} (default one minute) in the background, where a
 * failed refresh keeps the last list and is tried again next time.
 */
@Component
class Categories implements ApplicationRunner, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(Categories.class);

	private final ProductRepository products;

	private final BackgroundWork background;

	private volatile List<String> names = List.of();

	Categories(ProductRepository products, BackgroundWork background) {
		this.products = products;
		this.background = background;
	}

	/** The categories that hold products, sorted; empty until the first read. */
	List<String> names() {
		return this.names;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.names = this.products.readCategories();
		logger.info("Catalog categories: {}", this.names);
	}

	@Scheduled(initialDelayString = "${shop.catalog.categories-refresh:1m}",
			fixedDelayString = "${shop.catalog.categories-refresh:1m}")
	void refresh() {
		this.background.run(() -> {
			try {
				this.names = this.products.readCategories();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not refresh the categories, keeping {}: {}", this.names, ex.toString());
			}
		});
	}

	/** After the seeder, which fills an empty table. */
	@Override
	public int getOrder() {
		return CatalogSeeder.ORDER + 1;
	}

}
