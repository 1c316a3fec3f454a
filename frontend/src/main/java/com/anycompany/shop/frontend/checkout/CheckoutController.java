package com.anycompany.shop.frontend.checkout;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.anycompany.shop.constraints.Countries;
import com.anycompany.shop.frontend.cart.CartContents;
import com.anycompany.shop.frontend.cart.CartSession;
import com.anycompany.shop.frontend.cart.CartView;
import com.anycompany.shop.frontend.system.Flash;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	/** The form's fields that orderservice may name in a rejection. */
	private static final Set<String> FIELDS = Set.of("name", "email", "street", "city", "postalCode", "country");

	private static final Logger logger = LoggerFactory.getLogger(CheckoutController.class);

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
		String key = CartSession.checkoutKey(session);
		Optional<Order> placed = placedEarlier(session);
		if (placed.isPresent()) {
			return confirmed(session, placed.get());
		}
		model.addAttribute(FORM, CheckoutForm.blank(key));
		return showForm(session, model, redirect);
	}

	@PostMapping("/cart/order")
	String placeOrder(@Valid @ModelAttribute(FORM) CheckoutForm form, BindingResult result, HttpSession session,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("country") && !form.hasKnownCountry()) {
			result.rejectValue("country", "checkout.country.unknown");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			if (result.hasFieldErrors("idempotencyKey")) {
				// a missing or mangled key: this submission must not count, the next one
				// uses the checkout's own key
				model.addAttribute("freshKey", CartSession.checkoutKey(session));
			}
			return showForm(session, model, redirect);
		}
		CartSession.checkoutSubmitted(session, form.idempotencyKey());
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
			ex.fieldErrors().forEach((field, message) -> {
				if (FIELDS.contains(field)) {
					result.rejectValue(field, "checkout.rejected.field", new Object[] { message }, message);
				}
			});
			if (!result.hasFieldErrors()) {
				model.addAttribute("orderRejected", true);
			}
			return showForm(session, model, redirect);
		}
		catch (DownstreamUnavailableException ex) {
			// no answer: the order may still be stored. Never say it failed; the
			// checkout page (reload or resubmit, same key) shows it once it exists
			logger.warn("Order for checkout {} not confirmed: {}", form.idempotencyKey(), ex.getMessage());
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			model.addAttribute("orderPending", true);
			return showForm(session, model, redirect);
		}
		return confirmed(session, order);
	}

	private static String confirmed(HttpSession session, Order order) {
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

	/**
	 * The order this checkout placed, when it was submitted before: it may have been
	 * stored after the shopper stopped waiting, and is then shown instead of a new form.
	 */
	private Optional<Order> placedEarlier(HttpSession session) {
		if (!CartSession.checkoutWasSubmitted(session)) {
			return Optional.empty();
		}
		try {
			return this.orders.placedWith(CartSession.checkoutKey(session));
		}
		catch (DownstreamUnavailableException ex) {
			logger.warn("Could not look up the earlier order of this checkout: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	private String showForm(HttpSession session, Model model, RedirectAttributes redirect) {
		CartView cart = this.contents.load(CartSession.cartId(session));
		CartSession.rememberCount(session, cart.itemCount());
		if (cart.isEmpty()) {
			Optional<Order> placed = placedEarlier(session);
			if (placed.isPresent()) {
				return confirmed(session, placed.get());
			}
			redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.warning("checkout.empty"));
			return "redirect:/cart";
		}
		model.addAttribute("cart", cart);
		model.addAttribute("countries", Countries.ALL);
		return "checkout/checkout";
	}

}
