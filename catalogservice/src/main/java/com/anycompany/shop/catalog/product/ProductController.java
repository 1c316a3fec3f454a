package com.anycompany.shop.catalog.product;

import java.util.List;

import com.anycompany.shop.constraints.ShopId;
import com.anycompany.shop.clients.catalog.ProductNotFoundException;
import com.anycompany.shop.tracing.TraceAnnotations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ProductController {

	private final ProductRepository products;

	private final Categories categories;

	private final TraceAnnotations trace;

	ProductController(ProductRepository products, Categories categories, TraceAnnotations trace) {
		this.products = products;
		this.categories = categories;
		this.trace = trace;
	}

	@GetMapping("/products")
	List<Product> products(@RequestParam(required = false) @ShopId String category,
			@RequestParam(defaultValue = "false") boolean featured) {
		if (featured) {
			return this.products.findFeatured();
		}
		if (category == null) {
			return this.products.findAll(this.categories.names());
		}
		return this.products.findByCategory(category);
	}

	@GetMapping("/product/{id}")
	Product product(@PathVariable @ShopId String id) {
		this.trace.put("ProductID", id);
		return this.products.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
	}

	@GetMapping("/categories")
	List<String> categories() {
		return this.categories.names();
	}

}
