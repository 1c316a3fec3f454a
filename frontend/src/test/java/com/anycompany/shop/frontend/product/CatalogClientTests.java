package com.anycompany.shop.frontend.product;

import java.math.BigDecimal;

import com.anycompany.shop.frontend.stub.StubServices;
import com.anycompany.shop.frontend.stub.TestClients;
import com.anycompany.shop.tracing.TraceAnnotations;
import com.anycompany.shop.tracing.DownstreamUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogClientTests {

	static final StubServices stub = StubServices.start();

	final CatalogClient client = new CatalogClient(TestClients.untraced(stub.url()), TraceAnnotations.disabled(), 100,
			java.time.Duration.ofMinutes(10));

	@AfterAll
	static void stop() {
		stub.close();
	}

	@BeforeEach
	void reset() {
		stub.reset();
	}

	@Test
	void readsAProduct() {
		Product kettle = this.client.product("P-0001").orElseThrow();
		assertThat(kettle.name()).isEqualTo("Copper Kettle");
		assertThat(kettle.price()).isEqualByComparingTo(new BigDecimal("34.90"));
		assertThat(kettle.currency()).isEqualTo("USD");
		assertThat(kettle.image()).isEqualTo("product-p-0001");
		assertThat(kettle.tags()).contains("kitchen");
		assertThat(stub.received().get(0).path()).isEqualTo("/api/v1/product/P-0001");
	}

	/**
	 * While catalogservice restarts, the last good answer of the past minutes is shown,
	 * and the request's trace says so; an answer never seen before still fails.
	 */
	@Test
	void aRecentCopyServesWhileTheCatalogIsDownAndTheTraceSaysSo() {
		TraceAnnotations trace = org.mockito.Mockito.mock(TraceAnnotations.class);
		CatalogClient client = new CatalogClient(TestClients.untraced(stub.url()), trace, 100,
				java.time.Duration.ofMinutes(10));
		assertThat(client.featured()).isNotEmpty();
		assertThat(client.product("P-0001")).isPresent();

		stub.down("catalogservice");
		assertThat(client.featured()).isNotEmpty();
		assertThat(client.product("P-0001")).map(Product::name).hasValue("Copper Kettle");
		org.mockito.Mockito.verify(trace, org.mockito.Mockito.times(2)).put(CatalogClient.STALE_ANNOTATION, true);
		assertThatThrownBy(() -> client.product("P-0002")).isInstanceOf(DownstreamUnavailableException.class);
	}

	@Test
	void aCopyOlderThanItsMaximumAgeIsNotShown() {
		CatalogClient client = new CatalogClient(TestClients.untraced(stub.url()), TraceAnnotations.disabled(), 100,
				java.time.Duration.ZERO);
		assertThat(client.product("P-0001")).isPresent();
		stub.down("catalogservice");
		assertThatThrownBy(() -> client.product("P-0001")).isInstanceOf(DownstreamUnavailableException.class);
	}

	@Test
	void unknownProductIsEmpty() {
		assertThat(this.client.product("P-9999")).isEmpty();
	}

	@Test
	void malformedIdsAreNotEvenAskedFor() {
		assertThat(this.client.product("../admin")).isEmpty();
		assertThat(stub.received()).isEmpty();
	}

	@Test
	void filtersProductsByCategoryAndListsCategories() {
		assertThat(this.client.products("garden")).hasSize(6).allMatch((p) -> p.category().equals("garden"));
		assertThat(this.client.products(null)).hasSize(24);
		assertThat(this.client.categories()).containsExactly("garden", "kitchen", "office", "outdoors");
		assertThat(stub.received().get(0).path()).isEqualTo("/api/v1/products");
	}

	@Test
	void serverErrorMeansUnavailable() {
		stub.down("catalogservice");
		assertThatThrownBy(() -> this.client.product("P-0001")).isInstanceOf(DownstreamUnavailableException.class)
			.hasMessageContaining("catalogservice");
	}

	@Test
	void refusedConnectionMeansUnavailable() {
		CatalogClient nowhere = new CatalogClient(TestClients.untraced(TestClients.refusedUrl()),
				TraceAnnotations.disabled(), 100, java.time.Duration.ofMinutes(10));
		assertThatThrownBy(() -> nowhere.products(null)).isInstanceOf(DownstreamUnavailableException.class);
		assertThatThrownBy(() -> nowhere.product("P-0001")).isInstanceOf(DownstreamUnavailableException.class);
	}

}
