package com.anycompany.shop.order;

import java.util.Optional;

import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.anycompany.shop.tracing.TraceAnnotations;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static com.anycompany.shop.order.OrderFixtures.json;
import static com.anycompany.shop.order.OrderFixtures.order;
import static com.anycompany.shop.order.OrderFixtures.request;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OrderController.class)
class OrderControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OrderPlacement placement;

	@MockitoBean
	private OrderRepository orders;

	@MockitoBean
	private TraceAnnotations trace;

	@Test
	void newOrderIs201WithItsLocation() throws Exception {
		Order order = order("k-123", "abc");
		given(this.placement.place(request("k-123", "abc"))).willReturn(new PlacedOrder(order, true));
		this.mvc.perform(place(json("k-123", "abc")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/order/" + order.orderId()))
			.andExpect(jsonPath("$.orderId").value(order.orderId()))
			.andExpect(jsonPath("$.lines[0].unitPrice").value(34.90))
			.andExpect(jsonPath("$.lines[0].lineTotal").value(69.80))
			.andExpect(jsonPath("$.total").value(69.80))
			.andExpect(jsonPath("$.status").value("PLACED"))
			.andExpect(jsonPath("$.createdAt").value("2026-11-25T10:00:00Z"))
			.andExpect(jsonPath("$.customer.email").value("ana@example.test"))
			.andExpect(jsonPath("$.shipping.country").value("US"));
	}

	@Test
	void repeatedSubmissionIs200WithTheSameOrder() throws Exception {
		Order order = order("k-123", "abc");
		given(this.placement.place(request("k-123", "abc"))).willReturn(new PlacedOrder(order, false));
		this.mvc.perform(place(json("k-123", "abc")))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Location"))
			.andExpect(jsonPath("$.orderId").value(order.orderId()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"idempotencyKey\":\"k-1\",\"cartId\":\"abc\"}",
			"{\"cartId\":\"abc\",\"customer\":{\"name\":\"A\",\"email\":\"a@b.test\"},"
					+ "\"shipping\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"1\",\"country\":\"US\"}}",
			"{\"idempotencyKey\":\"k 1\",\"cartId\":\"abc\",\"customer\":{\"name\":\"A\",\"email\":\"a@b.test\"},"
					+ "\"shipping\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"1\",\"country\":\"US\"}}",
			"{\"idempotencyKey\":\"k-1\",\"cartId\":\"abc\",\"customer\":{\"name\":\"A\",\"email\":\"not-an-email\"},"
					+ "\"shipping\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"1\",\"country\":\"US\"}}",
			"{\"idempotencyKey\":\"k-1\",\"cartId\":\"abc\",\"customer\":{\"name\":\" \",\"email\":\"a@b.test\"},"
					+ "\"shipping\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"1\",\"country\":\"US\"}}",
			"{\"idempotencyKey\":\"k-1\",\"cartId\":\"abc\",\"customer\":{\"name\":\"A\",\"email\":\"a@b.test\"},"
					+ "\"shipping\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"1\",\"country\":\"USA\"}}",
			"{\"idempotencyKey\":\"k-1\",\"cartId\":", "[]" })
	void badInputIsProblem400(String body) throws Exception {
		this.mvc.perform(place(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400));
		verifyNoInteractions(this.placement);
	}

	/** What a person types: the code in any case, with spaces; names in any script. */
	@ParameterizedTest
	@ValueSource(strings = { "de", " DE ", "De" })
	void countryCodesAreTakenInAnyCaseAndSpacing(String country) throws Exception {
		Order order = order("k-1", "abc");
		given(this.placement.place(any())).willReturn(new PlacedOrder(order, true));
		this.mvc
			.perform(place(json("k-1", "abc").replace("\"country\":\"US\"", "\"country\":\"" + country + "\"")
				.replace("Ana Silva", "Zoë O'Brien-Müller")))
			.andExpect(status().isCreated());
		ArgumentCaptor<OrderRequest> placed = ArgumentCaptor.captor();
		then(this.placement).should().place(placed.capture());
		assertThat(placed.getValue().shipping().country()).isEqualTo("DE");
		assertThat(placed.getValue().customer().name()).isEqualTo("Zoë O'Brien-Müller");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Germany", "XX", "D", "" })
	void aCountryThatIsNoIsoCodeIsNamedInTheProblem(String country) throws Exception {
		this.mvc.perform(place(json("k-1", "abc").replace("\"country\":\"US\"", "\"country\":\"" + country + "\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith("shipping.country:")));
		verifyNoInteractions(this.placement);
	}

	@Test
	void oversizedFieldsAreNamed() throws Exception {
		String body = json("k-1", "abc").replace("Ana Silva", "A".repeat(101)).replace("k-1", "k".repeat(65));
		this.mvc.perform(place(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith("customer.name:")))
			.andExpect(jsonPath("$.errors[1]").value(org.hamcrest.Matchers.startsWith("idempotencyKey:")));
	}

	@Test
	void emptyCartIsProblem409() throws Exception {
		given(this.placement.place(any())).willThrow(new EmptyCartException("abc"));
		this.mvc.perform(place(json("k-1", "abc")))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Cart is empty"));
	}

	@Test
	void productGoneFromCatalogIsProblem422() throws Exception {
		given(this.placement.place(any())).willThrow(new ProductUnavailableException("P-0003"));
		this.mvc.perform(place(json("k-1", "abc")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("P-0003")));
	}

	@Test
	void unreachableDependencyIsProblem503() throws Exception {
		given(this.placement.place(any()))
			.willThrow(new DownstreamUnavailableException("cartservice", "no answer", null));
		this.mvc.perform(place(json("k-1", "abc")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.service").value("cartservice"));
	}

	@Test
	void findsOrderAndAnnotatesTheTrace() throws Exception {
		Order order = order("k-123", "abc");
		given(this.orders.findById(order.orderId())).willReturn(Optional.of(order));
		this.mvc.perform(get("/api/v1/order/" + order.orderId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.idempotencyKey").value("k-123"));
		then(this.trace).should().put("OrderID", order.orderId());
	}

	@Test
	void unknownOrderIsProblem404() throws Exception {
		given(this.orders.findById("O-0000000000000000")).willReturn(Optional.empty());
		this.mvc.perform(get("/api/v1/order/O-0000000000000000"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Order not found"));
	}

	@Test
	void malformedOrderIdIsProblem400() throws Exception {
		this.mvc.perform(get("/api/v1/order/" + "O".repeat(65))).andExpect(status().isBadRequest());
		verifyNoInteractions(this.orders);
	}

	private static RequestBuilder place(String body) {
		return post("/api/v1/order").contentType(MediaType.APPLICATION_JSON).content(body);
	}

}
