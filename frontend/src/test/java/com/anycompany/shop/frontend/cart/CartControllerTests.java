package com.anycompany.shop.frontend.cart;

import java.net.ConnectException;
import java.util.List;
import java.util.Optional;

import com.anycompany.shop.clients.catalog.ProductNotFoundException;
import com.anycompany.shop.frontend.stub.Products;
import com.anycompany.shop.frontend.system.Flash;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.anycompany.shop.frontend.system.StorefrontMvcTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

class CartControllerTests extends StorefrontMvcTest {

	final MockHttpSession session = new MockHttpSession();

	String cartId;

	@BeforeEach
	void shopper() {
		this.cartId = CartSession.cartId(this.session);
		given(this.catalog.product(anyString()))
			.willAnswer((call) -> Optional.of(Products.product(call.getArgument(0))));
	}

	@Test
	void cartPageShowsEveryLineWithTotalsAndTheCount() throws Exception {
		given(this.carts.get(this.cartId))
			.willReturn(new Cart(this.cartId, List.of(new Cart.Item("P-0001", 2), new Cart.Item("P-0003", 1))));

		String html = html(this.mvc.perform(get("/cart").session(this.session))
			.andExpect(status().isOk())
			.andExpect(view().name("cart/cart")));
		assertThat(count(html, "cart-line")).isEqualTo(2);
		assertThat(textOf(html, "cart-total")).isEqualTo("$88.30");
		assertThat(textOf(html, "cart-count")).isEqualTo("3");
		assertThat(html).contains("Copper Kettle", "$69.80", "/images/product-p-0003?width=160", "name=\"_csrf\"");
	}

	@Test
	void emptyCartSaysSo() throws Exception {
		given(this.carts.get(this.cartId)).willReturn(new Cart(this.cartId, List.of()));

		String html = html(this.mvc.perform(get("/cart").session(this.session)).andExpect(status().isOk()));
		assertThat(count(html, "cart-empty")).isOne();
		assertThat(count(html, "checkout-link")).isZero();
	}

	@Test
	void addingNeedsTheCsrfToken() throws Exception {
		this.mvc.perform(post("/cart").session(this.session).param("productId", "P-0001").param("quantity", "1"))
			.andExpect(status().isForbidden());
		then(this.carts).shouldHaveNoInteractions();
	}

	@Test
	void addingPutsThePiecesInTheCartAndSaysSo() throws Exception {
		given(this.carts.add(this.cartId, "P-0001", 2))
			.willReturn(new Cart(this.cartId, List.of(new Cart.Item("P-0001", 2))));

		this.mvc.perform(
				post("/cart").session(this.session).with(csrf()).param("productId", "P-0001").param("quantity", "2"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attribute("flash", Flash.success("cart.addedMany", "2", "Copper Kettle")));
		then(this.traceAnnotations).should().put("ProductID", "P-0001");
		then(this.carts).should().add(this.cartId, "P-0001", 2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "100", "-1", "two", "1.5", "" })
	void badQuantityShowsTheProductPageAgainWithTheProblem(String quantity) throws Exception {
		String html = html(this.mvc
			.perform(post("/cart").session(this.session)
				.with(csrf())
				.param("productId", "P-0001")
				.param("quantity", quantity))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("product/detail"))
			.andExpect(model().attribute("quantityError", "cart.quantity.invalid")));
		assertThat(textOf(html, "quantity-error")).isEqualTo("Please choose a quantity from 1 to 99.");
		then(this.carts).should(never()).add(anyString(), anyString(), anyInt());
	}

	@Test
	void moreThanTheCartTakesIsExplained() throws Exception {
		given(this.carts.add(this.cartId, "P-0001", 50)).willThrow(new QuantityRejectedException("at most 99"));

		String html = html(this.mvc.perform(
				post("/cart").session(this.session).with(csrf()).param("productId", "P-0001").param("quantity", "50"))
			.andExpect(status().isBadRequest()));
		assertThat(textOf(html, "quantity-error")).isEqualTo("Your cart can hold at most 99 of one product.");
	}

	@Test
	void addingAnUnknownProductIsA404() throws Exception {
		willReturn(Optional.empty()).given(this.catalog).product("P-9999");

		this.mvc.perform(
				post("/cart").session(this.session).with(csrf()).param("productId", "P-9999").param("quantity", "1"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));
		then(this.carts).shouldHaveNoInteractions();
	}

	@Test
	void removingNeedsTheTokenAndRemovesTheLine() throws Exception {
		this.mvc.perform(post("/cart/remove").session(this.session).param("productId", "P-0001"))
			.andExpect(status().isForbidden());
		given(this.carts.remove(this.cartId, "P-0001")).willReturn(new Cart(this.cartId, List.of()));

		this.mvc.perform(post("/cart/remove").session(this.session).with(csrf()).param("productId", "P-0001"))
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attribute("flash", Flash.info("cart.removed")));
		then(this.carts).should().remove(this.cartId, "P-0001");
	}

	@Test
	void cartServiceDownIsAFriendly503() throws Exception {
		given(this.carts.get(any()))
			.willThrow(new DownstreamUnavailableException("cartservice", "no answer", new ConnectException()));

		this.mvc.perform(get("/cart").session(this.session))
			.andExpect(status().isServiceUnavailable())
			.andExpect(view().name("error/503"));
	}

	@Test
	void aProductTheCatalogNoLongerHasIsLeftOutWithANote() throws Exception {
		given(this.carts.get(this.cartId))
			.willReturn(new Cart(this.cartId, List.of(new Cart.Item("P-0001", 1), new Cart.Item("P-0077", 1))));
		willReturn(Optional.empty()).given(this.catalog).product("P-0077");

		String html = html(this.mvc.perform(get("/cart").session(this.session)).andExpect(status().isOk()));
		assertThat(count(html, "cart-line")).isOne();
		assertThat(html).contains("no longer sold");
	}

	@Test
	void theCatalogFailingForOneLineFailsThePage() throws Exception {
		given(this.carts.get(this.cartId))
			.willReturn(new Cart(this.cartId, List.of(new Cart.Item("P-0001", 1), new Cart.Item("P-0002", 1))));
		willThrow(new DownstreamUnavailableException("catalogservice", "no answer", new ConnectException()))
			.given(this.catalog)
			.product("P-0002");

		this.mvc.perform(get("/cart").session(this.session)).andExpect(status().isServiceUnavailable());
	}

	@Test
	void unknownProductExceptionFromTheCartServiceIsA404Too() throws Exception {
		given(this.carts.add(this.cartId, "P-0001", 1)).willThrow(new ProductNotFoundException("P-0001"));

		this.mvc.perform(
				post("/cart").session(this.session).with(csrf()).param("productId", "P-0001").param("quantity", "1"))
			.andExpect(status().isNotFound());
	}

}
