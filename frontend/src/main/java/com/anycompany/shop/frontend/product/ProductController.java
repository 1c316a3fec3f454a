package com.anycompany.shop.frontend.product;

import com.anycompany.shop.tracing.TraceAnnotations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The product list (optionally one category) and the product page.
 */
@Controller
class ProductController {

	private final CatalogClient catalog;

	private final ProductPage productPage;

	private final TraceAnnotations traceAnnotations;

	ProductController(CatalogClient catalog, ProductPage productPage, TraceAnnotations traceAnnotations) {
		this.catalog = catalog;
		this.productPage = productPage;
		this.traceAnnotations = traceAnnotations;
	}

	@GetMapping("/products")
	String list(@RequestParam(required = false) String category, Model model) {
		model.addAttribute("products", this.catalog.products(category));
		model.addAttribute("categories", this.catalog.categories());
		model.addAttribute("category", category);
		return "product/list";
	}

	@GetMapping("/product/{id}")
	String product(@PathVariable String id, Model model) {
		this.traceAnnotations.put("ProductID", id);
		return this.productPage.show(id, model);
	}

}
