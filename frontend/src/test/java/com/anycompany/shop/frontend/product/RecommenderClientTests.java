package com.anycompany.shop.frontend.product;

import com.anycompany.shop.frontend.stub.Backends;
import com.anycompany.shop.frontend.stub.TestClients;
import com.anycompany.shop.testsupport.StubServers;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

class RecommenderClientTests {

	@RegisterExtension
	static WireMockExtension stub = StubServers.extension();

	final RecommenderClient client = new RecommenderClient(
			TestClients.untraced(StubServers.url(stub), RecommenderClient.RecommenderApi.class));

	@BeforeEach
	void recommender() {
		Backends.catalogRecommenderAndImages(stub);
	}

	@Test
	void readsRecommendations() {
		assertThat(this.client.recommendationsFor("P-0001")).extracting(Product::id)
			.containsExactly("P-0002", "P-0003", "P-0004", "P-0005");
		assertThat(stub.findAll(anyRequestedFor(anyUrl())).get(0).getUrl()).isEqualTo("/api/v1/recommender/P-0001");
	}

	@Test
	void unknownProductHasNone() {
		assertThat(this.client.recommendationsFor("P-9999")).isEmpty();
	}

	@Test
	void failureMeansNoneRatherThanABrokenPage() {
		Backends.down(stub, "recommenderservice");
		assertThat(this.client.recommendationsFor("P-0001")).isEmpty();
		RecommenderClient nowhere = new RecommenderClient(
				TestClients.untraced(StubServers.refusingUrl(), RecommenderClient.RecommenderApi.class));
		assertThat(nowhere.recommendationsFor("P-0001")).isEmpty();
	}

}
