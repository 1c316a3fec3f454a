package com.anycompany.shop.frontend.product;

import java.math.BigDecimal;
import java.util.List;

import com.anycompany.shop.frontend.stub.Backends;
import com.anycompany.shop.frontend.stub.TestClients;
import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.tracing.TraceAnnotations;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogClientTests {

	@RegisterExtension
	static WireMockExtension stub = StubServers.extension();

	final CatalogClient client = new CatalogClient(TestClients.untraced(StubServers.url(stub), CatalogApi.class),
			TraceAnnotations.disabled(), 100, java.time.Duration.ofMinutes(10));

	@BeforeEach
	void catalog() {
		Backends.catalogRecommenderAndImages(stub);
	}

	@Test
	void readsAProduct() {
		Product kettle = this.client.product("P-0001").orElseThrow();
		assertThat(kettle.name()).isEqualTo("Copper Kettle");
		assertThat(kettle.price()).isEqualByComparingTo(new BigDecimal("34.90"));
		assertThat(kettle.currency()).isEqualTo("USD");
		assertThat(kettle.image()).isEqualTo("product-p-0001");
		assertThat(kettle.tags()).contains("kitchen");
		assertThat(requests()).containsExactly("/api/v1/product/P-0001");
	}

	/**
	 * While catalogservice restarts, the last good answer of the past minutes is shown,
	 * and the request's trace says so; an answer never seen before still fails.
	 */
	@Test
	void aRecentCopyServesWhileTheCatalogIsDownAndTheTraceSaysSo() {
		TraceAnnotations trace = org.mockito.Mockito.mock(TraceAnnotations.class);
		CatalogClient client = new CatalogClient(TestClients.untraced(StubServers.url(stub), CatalogApi.class), trace,
				100, java.time.Duration.ofMinutes(10));
		assertThat(client.featured()).isNotEmpty();
		assertThat(client.product("P-0001")).isPresent();

		Backends.down(stub, "catalogservice");
		assertThat(client.featured()).isNotEmpty();
		assertThat(client.product("P-0001")).map(Product::name).hasValue("Copper Kettle");
		org.mockito.Mockito.verify(trace, org.mockito.Mockito.times(2)).put(CatalogClient.STALE_ANNOTATION, true);
		assertThatThrownBy(() -> client.product("P-0002")).isInstanceOf(DownstreamUnavailableException.class);
	}

	@Test
	void aCopyOlderThanItsMaximumAgeIsNotShown() {
		CatalogClient client = new CatalogClient(TestClients.untraced(StubServers.url(stub), CatalogApi.class),
				TraceAnnotations.disabled(), 100, java.time.Duration.ZERO);
		assertThat(client.product("P-0001")).isPresent();
		Backends.down(stub, "catalogservice");
		assertThatThrownBy(() -> client.product("P-0001")).isInstanceOf(DownstreamUnavailableException.class);
	}

	@Test
	void unknownProductIsEmpty() {
		assertThat(this.client.product("P-9999")).isEmpty();
	}

	@Test
	void malformedIdsAreNotEvenAskedFor() {
		assertThat(this.client.product("../admin")).isEmpty();
		assertThat(requests()).isEmpty();
	}

	@Test
	void filtersProductsByCategoryAndListsCategories() {
		assertThat(this.client.products("garden")).hasSize(6).allMatch((p) -> p.category().equals("garden"));
		assertThat(this.client.products(null)).hasSize(24);
		assertThat(this.client.categories()).containsExactly("garden", "kitchen", "office", "outdoors");
		assertThat(requests()).containsExactly("/api/v1/products?category=garden", "/api/v1/products",
				"/api/v1/categories");
	}

	@Test
	void serverErrorMeansUnavailable() {
		Backends.down(stub, "catalogservice");
		assertThatThrownBy(() -> this.client.product("P-0001")).isInstanceOf(DownstreamUnavailableException.class)
			.hasMessageContaining("catalogservice");
	}

	@Test
	void refusedConnectionMeansUnavailable() {
		CatalogClient nowhere = new CatalogClient(TestClients.untraced(StubServers.refusingUrl(), CatalogApi.class),
				TraceAnnotations.disabled(), 100, java.time.Duration.ofMinutes(10));
		assertThatThrownBy(() -> nowhere.products(null)).isInstanceOf(DownstreamUnavailableException.class);
		assertThatThrownBy(() -> nowhere.product("P-0001")).isInstanceOf(DownstreamUnavailableException.class);
	}

	private static List<String> requests() {
		return stub.findAll(anyRequestedFor(anyUrl())).stream().map(LoggedRequest::getUrl).toList();
	}

}
