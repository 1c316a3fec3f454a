package com.anycompany.shop.frontend.checkout;

import java.math.BigDecimal;
import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.anycompany.shop.frontend.cart.Cart;
import com.anycompany.shop.frontend.cart.CartSession;
import com.anycompany.shop.frontend.stub.Products;
import com.anycompany.shop.frontend.system.Flash;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.anycompany.shop.frontend.system.StorefrontMvcTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

class CheckoutControllerTests extends StorefrontMvcTest {

	static final String KEY = "0b5a54c4-5d7e-4a4e-9f55-1f3c2a7c9e11";

	final MockHttpSession session = new MockHttpSession();

	String cartId;

	@BeforeEach
	void shopperWithTwoProducts() {
		this.cartId = CartSession.cartId(this.session);
		given(this.carts.get(this.cartId))
			.willReturn(new Cart(this.cartId, List.of(new Cart.Item("P-0001", 2), new Cart.Item("P-0021", 1))));
		given(this.catalog.product(anyString()))
			.willAnswer((call) -> Optional.of(Products.product(call.getArgument(0))));
	}

	@Test
	void checkoutShowsTheFormWithTheCheckoutsOwnKeyAndTheSummary() throws Exception {
		String first = html(this.mvc.perform(get("/cart/checkout").session(this.session))
			.andExpect(status().isOk())
			.andExpect(view().name("checkout/checkout")));
		String second = html(this.mvc.perform(get("/cart/checkout").session(this.session)));

		assertThat(count(first, "checkout-form")).isOne();
		assertThat(count(first, "summary-line")).isEqualTo(2);
		assertThat(textOf(first, "checkout-total")).isEqualTo("$127.80");
		assertThat(first).contains("name=\"_csrf\"", "data-test=\"place-order\"");
		// a reload keeps the key: whatever was submitted before is the same one order
		assertThat(key(first)).matches("[0-9a-f-]{36}").isEqualTo(key(second));
		assertThat(first).contains("<option value=\"DE\">Germany</option>");
	}

	@Test
	void checkoutOfAnEmptyCartGoesBackToTheCart() throws Exception {
		given(this.carts.get(this.cartId)).willReturn(new Cart(this.cartId, List.of()));

		this.mvc.perform(get("/cart/checkout").session(this.session))
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attribute("flash", Flash.warning("checkout.empty")));
	}

	@Test
	void placingNeedsTheCsrfToken() throws Exception {
		this.mvc.perform(filledIn(post("/cart/order").session(this.session))).andExpect(status().isForbidden());
		then(this.orders).shouldHaveNoInteractions();
	}

	@Test
	void placingSendsTheFormAndTheKeyAndShowsTheConfirmation() throws Exception {
		given(this.orders.place(any())).willReturn(order());

		this.mvc.perform(filledIn(post("/cart/order").session(this.session).with(csrf())))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/cart/order/O-1a2b3c4d5e6f7a8b"));

		ArgumentCaptor<PlaceOrderRequest> request = ArgumentCaptor.forClass(PlaceOrderRequest.class);
		then(this.orders).should().place(request.capture());
		assertThat(request.getValue())
			.isEqualTo(new PlaceOrderRequest(KEY, this.cartId, new Order.Customer("Ana Silva", "ana@example.test"),
					new Order.Shipping("1 Main St", "Springfield", "12345", "US")));

		given(this.orders.get("O-1a2b3c4d5e6f7a8b")).willReturn(Optional.of(order()));
		String html = html(this.mvc.perform(get("/cart/order/O-1a2b3c4d5e6f7a8b").session(this.session))
			.andExpect(status().isOk())
			.andExpect(view().name("checkout/confirmation")));
		assertThat(textOf(html, "order-id")).isEqualTo("O-1a2b3c4d5e6f7a8b");
		assertThat(textOf(html, "order-total")).isEqualTo("$69.80");
		assertThat(textOf(html, "cart-count")).isEqualTo("0");
		assertThat(html).contains("Thank you, Ana Silva!", "25 Nov 2026, 10:00 UTC");
	}

	@Test
	void aCountryTypedByNameIsSentAsItsCode() throws Exception {
		given(this.orders.place(any())).willReturn(order());
		this.mvc.perform(filledIn(post("/cart/order").session(this.session).with(csrf()), "Ana Silva", " germany "))
			.andExpect(redirectedUrl("/cart/order/O-1a2b3c4d5e6f7a8b"));
		ArgumentCaptor<PlaceOrderRequest> request = ArgumentCaptor.forClass(PlaceOrderRequest.class);
		then(this.orders).should().place(request.capture());
		assertThat(request.getValue().shipping().country()).isEqualTo("DE");
	}

	@Test
	void aFieldOrderServiceRejectsIsMarkedAndEveryTypedValueKept() throws Exception {
		given(this.orders.place(any())).willThrow(new OrderRejectedException("Invalid request",
				java.util.Map.of("postalCode", "must be at most 20 characters")));
		String html = html(this.mvc
			.perform(filledIn(post("/cart/order").session(this.session).with(csrf()), "Zoë O'Brien-Müller", "US"))
			.andExpect(status().isBadRequest()));
		assertThat(html).contains("must be at most 20 characters", "is-invalid",
				"value=\"Zo&euml; O&#39;Brien-M&uuml;ller\"", "value=\"1 Main St\"");
	}

	@Test
	void anUnknownCountryIsMarkedBeforeAnythingIsSent() throws Exception {
		String html = html(this.mvc
			.perform(filledIn(post("/cart/order").session(this.session).with(csrf()), "Ana Silva", "Atlantis"))
			.andExpect(status().isBadRequest()));
		assertThat(html).contains("Please choose a country from the list.");
		then(this.orders).shouldHaveNoInteractions();
	}

	@Test
	void missingFieldsShowTheFormAgainWithTheProblems() throws Exception {
		String html = html(this.mvc
			.perform(post("/cart/order").session(this.session)
				.with(csrf())
				.param("name", "Ana Silva")
				.param("email", "not-an-email")
				.param("idempotencyKey", KEY))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("checkout/checkout")));

		assertThat(count(html, "form-errors")).isOne();
		assertThat(html).contains("Please enter a valid email address", "Please fill in this field.",
				"value=\"Ana Silva\"", "value=\"" + KEY + "\"");
		then(this.orders).shouldHaveNoInteractions();
	}

	@Test
	void aMangledKeyIsReplacedSoTheNextSubmissionCounts() throws Exception {
		String html = html(this.mvc.perform(
				filledIn(post("/cart/order").session(this.session).with(csrf())).param("idempotencyKey", "<not a key>"))
			.andExpect(status().isBadRequest()));
		assertThat(key(html)).matches("[0-9a-f-]{36}");
		then(this.orders).shouldHaveNoInteractions();
	}

	@Test
	void anEmptyCartAtOrderTimeGoesBackToTheCart() throws Exception {
		given(this.orders.place(any())).willThrow(new EmptyCartException(null));

		this.mvc.perform(filledIn(post("/cart/order").session(this.session).with(csrf())))
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attribute("flash", Flash.warning("checkout.empty")));
	}

	@Test
	void noAnswerFromOrderServiceIsNeverCalledAFailureAndAReloadShowsTheOrder() throws Exception {
		given(this.orders.place(any()))
			.willThrow(new DownstreamUnavailableException("orderservice", "no answer", new ConnectException()));

		String page = html(this.mvc.perform(filledIn(post("/cart/order").session(this.session).with(csrf())))
			.andExpect(status().isServiceUnavailable())
			.andExpect(view().name("checkout/checkout")));
		assertThat(page).contains("data-test=\"order-pending\"").doesNotContainIgnoringCase("failed");

		// the order was stored after all: the reload shows it, and the cart is spent
		given(this.orders.placedWith(KEY)).willReturn(Optional.of(order()));
		this.mvc.perform(get("/cart/checkout").session(this.session))
			.andExpect(redirectedUrl("/cart/order/O-1a2b3c4d5e6f7a8b"));
		assertThat(CartSession.cartId(this.session)).isNotEqualTo(this.cartId);
	}

	@Test
	void confirmationsOfOtherSessionsAreNotShown() throws Exception {
		given(this.orders.get("O-1a2b3c4d5e6f7a8b")).willReturn(Optional.of(order()));

		this.mvc.perform(get("/cart/order/O-1a2b3c4d5e6f7a8b").session(this.session)).andExpect(status().isNotFound());
		then(this.orders).shouldHaveNoInteractions();
	}

	private static MockHttpServletRequestBuilder filledIn(MockHttpServletRequestBuilder request) {
		return filledIn(request, "Ana Silva", "US");
	}

	private static MockHttpServletRequestBuilder filledIn(MockHttpServletRequestBuilder request, String name,
			String country) {
		return request.param("name", name)
			.param("email", "ana@example.test")
			.param("street", "1 Main St")
			.param("city", "Springfield")
			.param("postalCode", "12345")
			.param("country", country)
			.param("idempotencyKey", KEY);
	}

	private static String key(String html) {
		Matcher matcher = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"").matcher(html);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static Order order() {
		return new Order("O-1a2b3c4d5e6f7a8b", KEY, "cart", new Order.Customer("Ana Silva", "ana@example.test"),
				new Order.Shipping("1 Main St", "Springfield", "12345", "US"),
				List.of(new Order.Line("P-0001", "Copper Kettle", new BigDecimal("34.90"), 2, new BigDecimal("69.80"))),
				new BigDecimal("69.80"), "USD", "PLACED", Instant.parse("2026-11-25T10:00:00Z"));
	}

}
