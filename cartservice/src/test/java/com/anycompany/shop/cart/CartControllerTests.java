package com.anycompany.shop.cart;

import java.util.Optional;

import java.util.List;

import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CartController.class)
class CartControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private CartRepository carts;

	@MockitoBean
	private CatalogClient catalog;

	@Test
	void showsCart() throws Exception {
		given(this.carts.find("abc")).willReturn(new Cart("abc", List.of(new CartItem("P-0001", 2))));
		this.mvc.perform(get("/api/v1/cart/abc"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"cartId\":\"abc\",\"items\":[{\"productId\":\"P-0001\",\"quantity\":2}]}"));
	}

	@Test
	void addsAProductTheCatalogKnows() throws Exception {
		given(this.catalog.product("P-0001")).willReturn(Optional.of(new CatalogClient.CatalogProduct("P-0001")));
		given(this.carts.add("abc", "P-0001", 3)).willReturn(new Cart("abc", List.of(new CartItem("P-0001", 3))));
		this.mvc.perform(add("{\"cartId\":\"abc\",\"productId\":\"P-0001\",\"quantity\":3}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].quantity").value(3));
	}

	@Test
	void unknownProductIsProblem404AndChangesNothing() throws Exception {
		given(this.catalog.product("P-0999")).willReturn(Optional.empty());
		this.mvc.perform(add("{\"cartId\":\"abc\",\"productId\":\"P-0999\",\"quantity\":1}"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Product not found"));
		verifyNoInteractions(this.carts);
	}

	@Test
	void unreachableCatalogIsProblem503() throws Exception {
		given(this.catalog.product("P-0001"))
			.willThrow(new DownstreamUnavailableException("catalogservice", "no answer", null));
		this.mvc.perform(add("{\"cartId\":\"abc\",\"productId\":\"P-0001\",\"quantity\":1}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.service").value("catalogservice"));
		verifyNoInteractions(this.carts);
	}

	@Test
	void lineOverTheLimitIsProblem400() throws Exception {
		given(this.catalog.product("P-0001")).willReturn(Optional.of(new CatalogClient.CatalogProduct("P-0001")));
		given(this.carts.add("abc", "P-0001", 50)).willThrow(new CartLimitException("too many"));
		this.mvc.perform(add("{\"cartId\":\"abc\",\"productId\":\"P-0001\",\"quantity\":50}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Cart limit exceeded"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"cartId\":\"abc\",\"productId\":\"P-0001\",\"quantity\":0}",
			"{\"cartId\":\"abc\",\"productId\":\"P-0001\",\"quantity\":-2}",
			"{\"cartId\":\"abc\",\"productId\":\"P-0001\",\"quantity\":100}",
			"{\"cartId\":\"abc\",\"productId\":\"P-0001\"}", "{\"productId\":\"P-0001\",\"quantity\":1}",
			"{\"cartId\":\"a b\",\"productId\":\"P-0001\",\"quantity\":1}",
			"{\"cartId\":\"abc\",\"productId\":\"P-0001\",\"quantity\":\"lots\"}", "{\"cartId\":\"abc\",", "" })
	void badInputIsProblem400(String body) throws Exception {
		this.mvc.perform(add(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400));
		verifyNoInteractions(this.carts, this.catalog);
	}

	@Test
	void oversizedIdNamesTheField() throws Exception {
		String body = "{\"cartId\":\"" + "a".repeat(65) + "\",\"productId\":\"P-0001\",\"quantity\":1}";
		this.mvc.perform(add(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasItem(startsWith("cartId:"))));
	}

	@Test
	void emptiesCart() throws Exception {
		this.mvc.perform(delete("/api/v1/cart/abc")).andExpect(status().isNoContent());
		then(this.carts).should().delete("abc");
	}

	@Test
	void removesOneProduct() throws Exception {
		given(this.carts.remove("abc", "P-0001")).willReturn(Cart.empty("abc"));
		this.mvc.perform(delete("/api/v1/cart/abc/item/P-0001"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"cartId\":\"abc\",\"items\":[]}"));
	}

	@Test
	void malformedCartIdInPathIsProblem400() throws Exception {
		this.mvc.perform(get("/api/v1/cart/" + "x".repeat(65)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(delete("/api/v1/cart/abc/item/P 1")).andExpect(status().isBadRequest());
		verifyNoInteractions(this.carts);
	}

	private static org.springframework.test.web.servlet.RequestBuilder add(String json) {
		return post("/api/v1/cart").contentType(MediaType.APPLICATION_JSON).content(json);
	}

}
