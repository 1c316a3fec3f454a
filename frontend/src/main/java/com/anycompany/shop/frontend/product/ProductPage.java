package com.anycompany.shop.frontend.product;

import com.anycompany.shop.clients.catalog.ProductNotFoundException;
import com.anycompany.shop.constraints.Quantity;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of the product page: the product and what else the shopper may like.
 * Used by the product page itself and by the cart when it shows the page again with an
 * error next to the add-to-cart form.
 */
@Component
public class ProductPage {

	public static final String VIEW = "product/detail";

	private final CatalogClient catalog;

	private final RecommenderClient recommender;

	ProductPage(CatalogClient catalog, RecommenderClient recommender) {
		this.catalog = catalog;
		this.recommender = recommender;
	}

	/**
	 * @return the view name
	 * @throws ProductNotFoundException when the catalog has no such product
	 */
	public String show(String productId, Model model) {
		Product product = this.catalog.product(productId).orElseThrow(() -> new ProductNotFoundException(productId));
		model.addAttribute("product", product);
		model.addAttribute("recommendations", this.recommender.recommendationsFor(product.id()));
		model.addAttribute("maxQuantity", Quantity.MAX);
		if (!model.containsAttribute("quantity")) {
			model.addAttribute("quantity", "1");
		}
		return VIEW;
	}

}
