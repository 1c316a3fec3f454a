package com.anycompany.shop.frontend.product;

import com.anycompany.shop.frontend.stub.StubServices;
import com.anycompany.shop.frontend.stub.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecommenderClientTests {

	static final StubServices stub = StubServices.start();

	final RecommenderClient client = new RecommenderClient(TestClients.untraced(stub.url()));

	@AfterAll
	static void stop() {
		stub.close();
	}

	@BeforeEach
	void reset() {
		stub.reset();
	}

	@Test
	void readsRecommendations() {
		assertThat(this.client.recommendationsFor("P-0001")).extracting(Product::id)
			.containsExactly("P-0002", "P-0003", "P-0004", "P-0005");
		assertThat(stub.received().get(0).path()).isEqualTo("/api/v1/recommender/P-0001");
	}

	@Test
	void unknownProductHasNone() {
		assertThat(this.client.recommendationsFor("P-9999")).isEmpty();
	}

	@Test
	void failureMeansNoneRatherThanABrokenPage() {
		stub.down("recommenderservice");
		assertThat(this.client.recommendationsFor("P-0001")).isEmpty();
		RecommenderClient nowhere = new RecommenderClient(TestClients.untraced(TestClients.refusedUrl()));
		assertThat(nowhere.recommendationsFor("P-0001")).isEmpty();
	}

}
