package com.anycompany.shop.catalog.product;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Fills an empty product table with the original catalog, once the table is ACTIVE.
 * Replicas starting together may both write it; the items are the same, so nothing is
 * duplicated.
 */
@Component
class CatalogSeeder implements ApplicationRunner, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(CatalogSeeder.class);

	private final ProductRepository products;

	CatalogSeeder(ProductRepository products) {
		this.products = products;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.products.isEmpty()) {
			this.products.saveAll(OriginalCatalog.products(), OriginalCatalog.featured());
			logger.info("Seeded the product table with {} products", OriginalCatalog.products().size());
		}
	}

	/** After the table bootstrap, which runs first. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Override
	public int getOrder() {
		return ORDER;
	}

}
