package com.anycompany.shop.frontend.home;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.frontend.product.CatalogClient;
import com.anycompany.shop.frontend.product.Product;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the hero banner, a few featured products from every category, and the
 * categories.
 */
@Controller
class HomeController {

	static final int FEATURED_PER_CATEGORY = 2;

	private final CatalogClient catalog;

	HomeController(CatalogClient catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home(Model model) {
		// one read for the home page: the featured products come from the catalog's
		// sparse index, the categories from its memory
		model.addAttribute("featured", featured(this.catalog.featured()));
		model.addAttribute("categories", this.catalog.categories());
		return "home/index";
	}

	/** The first products of each category, categories in catalog order. */
	static List<Product> featured(List<Product> products) {
		Map<String, List<Product>> byCategory = new LinkedHashMap<>();
		for (Product product : products) {
			List<Product> picked = byCategory.computeIfAbsent(String.valueOf(product.category()),
					(category) -> new ArrayList<>());
			if (picked.size() < FEATURED_PER_CATEGORY) {
				picked.add(product);
			}
		}
		return byCategory.values().stream().flatMap(List::stream).toList();
	}

}
