package com.anycompany.shop.frontend.cart;

import com.anycompany.shop.constraints.Quantity;
import com.anycompany.shop.frontend.product.CatalogClient;
import com.anycompany.shop.frontend.product.Product;
import com.anycompany.shop.clients.catalog.ProductNotFoundException;
import com.anycompany.shop.frontend.product.ProductPage;
import com.anycompany.shop.frontend.system.Flash;
import com.anycompany.shop.tracing.TraceAnnotations;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cart page, adding to the cart and removing a line.
 */
@Controller
class CartController {

	private final CartClient carts;

	private final CartContents contents;

	private final CatalogClient catalog;

	private final ProductPage productPage;

	private final TraceAnnotations traceAnnotations;

	CartController(CartClient carts, CartContents contents, CatalogClient catalog, ProductPage productPage,
			TraceAnnotations traceAnnotations) {
		this.carts = carts;
		this.contents = contents;
		this.catalog = catalog;
		this.productPage = productPage;
		this.traceAnnotations = traceAnnotations;
	}

	@GetMapping("/cart")
	String cart(HttpSession session, Model model) {
		CartView cart = this.contents.load(CartSession.cartId(session));
		CartSession.rememberCount(session, cart.itemCount());
		model.addAttribute("cart", cart);
		return "cart/cart";
	}

	@PostMapping("/cart")
	String add(@RequestParam String productId, @RequestParam(required = false) String quantity, HttpSession session,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		this.traceAnnotations.put("ProductID", productId);
		Integer pieces = parseQuantity(quantity);
		if (pieces == null) {
			return showAgain(productId, quantity, "cart.quantity.invalid", model, response);
		}
		Product product = this.catalog.product(productId).orElseThrow(() -> new ProductNotFoundException(productId));
		Cart cart;
		try {
			cart = this.carts.add(CartSession.cartId(session), product.id(), pieces);
		}
		catch (QuantityRejectedException ex) {
			return showAgain(productId, quantity, "cart.quantity.tooMany", model, response);
		}
		CartSession.rememberCount(session, cart.itemCount());
		redirect.addFlashAttribute(Flash.ATTRIBUTE, (pieces == 1) ? Flash.success("cart.added", product.name())
				: Flash.success("cart.addedMany", String.valueOf(pieces), product.name()));
		return "redirect:/cart";
	}

	@PostMapping("/cart/remove")
	String remove(@RequestParam String productId, HttpSession session, RedirectAttributes redirect) {
		Cart cart = this.carts.remove(CartSession.cartId(session), productId);
		CartSession.rememberCount(session, cart.itemCount());
		redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.info("cart.removed"));
		return "redirect:/cart";
	}

	/** The product page again, with the problem next to the quantity field. */
	private String showAgain(String productId, String quantity, String error, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("quantity", quantity);
		model.addAttribute("quantityError", error);
		return this.productPage.show(productId, model);
	}

	static Integer parseQuantity(String quantity) {
		if (quantity == null || !quantity.strip().matches("\\d{1,2}")) {
			return null;
		}
		int pieces = Integer.parseInt(quantity.strip());
		return (pieces >= 1 && pieces <= Quantity.MAX) ? pieces : null;
	}

}
