package com.anycompany.shop.frontend.checkout;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.anycompany.shop.frontend.cart.CartContents;
import com.anycompany.shop.frontend.cart.CartSession;
import com.anycompany.shop.frontend.cart.CartView;
import com.anycompany.shop.frontend.system.Flash;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Checkout: the form with the order summary, placing the order, and its confirmation.
 */
@Controller
class CheckoutController {

	static final String FORM = "checkoutForm";

	private static final DateTimeFormatter PLACED_AT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private final CartContents contents;

	private final OrderClient orders;

	CheckoutController(CartContents contents, OrderClient orders) {
		this.contents = contents;
		this.orders = orders;
	}

	@GetMapping("/cart/checkout")
	String checkout(HttpSession session, Model model, RedirectAttributes redirect) {
		model.addAttribute(FORM, CheckoutForm.blank());
		return showForm(session, model, redirect);
	}

	@PostMapping("/cart/order")
	String placeOrder(@Valid @ModelAttribute(FORM) CheckoutForm form, BindingResult result, HttpSession session,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			if (result.hasFieldErrors("idempotencyKey")) {
				// a missing or mangled key: this submission must not count, the next one
				// gets a good key
				model.addAttribute("freshKey", CheckoutForm.newKey());
			}
			return showForm(session, model, redirect);
		}
		Order order;
		try {
			order = this.orders.place(form.toRequest(CartSession.cartId(session)));
		}
		catch (EmptyCartException ex) {
			redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.warning("checkout.empty"));
			return "redirect:/cart";
		}
		catch (OrderRejectedException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("orderRejected", true);
			return showForm(session, model, redirect);
		}
		CartSession.orderPlaced(session, order.orderId());
		return "redirect:/cart/order/" + order.orderId();
	}

	@GetMapping("/cart/order/{orderId}")
	String confirmation(@PathVariable String orderId, HttpSession session, Model model) {
		// only the orders placed in this session: order ids are not secrets
		if (!CartSession.placedHere(session, orderId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Order order = this.orders.get(orderId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("order", order);
		if (order.createdAt() != null) {
			model.addAttribute("placedAt", PLACED_AT.format(order.createdAt()));
		}
		return "checkout/confirmation";
	}

	private String showForm(HttpSession session, Model model, RedirectAttributes redirect) {
		CartView cart = this.contents.load(CartSession.cartId(session));
		CartSession.rememberCount(session, cart.itemCount());
		if (cart.isEmpty()) {
			redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.warning("checkout.empty"));
			return "redirect:/cart";
		}
		model.addAttribute("cart", cart);
		return "checkout/checkout";
	}

}
