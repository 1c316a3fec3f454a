package com.anycompany.shop.recommender.recommendation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.anycompany.shop.recommender.catalog.CatalogClient;
import com.anycompany.shop.recommender.catalog.Product;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class RecommenderTests {

	static final Product KETTLE = product("P-0001", "kitchen", "34.90");

	@Test
	void sameCategoryFirstThenNearestPriceNeverTheProductItself() {
		List<Product> candidates = List.of(KETTLE, product("P-0002", "kitchen", "49.00"),
				product("P-0003", "kitchen", "24.50"), product("P-0004", "kitchen", "39.00"),
				product("P-0005", "kitchen", "89.00"), product("P-0007", "garden", "34.00"),
				product("P-0006", "kitchen", "29.00"));
		assertThat(Recommender.rank(KETTLE, candidates)).extracting(Product::id)
			.containsExactly("P-0004", "P-0006", "P-0003", "P-0002");
	}

	@Test
	void otherCategoriesFillUpByPriceAndEqualDistancesGoByIdWhateverTheInputOrder() {
		List<Product> candidates = List.of(product("P-0009", "garden", "30.90"), product("P-0008", "garden", "38.90"),
				product("P-0003", "kitchen", "99.00"), KETTLE, product("P-0007", "office", "34.80"),
				product("P-0010", "garden", "10.00"));
		List<String> expected = List.of("P-0003", "P-0007", "P-0008", "P-0009");
		assertThat(Recommender.rank(KETTLE, candidates)).extracting(Product::id).containsExactlyElementsOf(expected);
		List<Product> reversed = new ArrayList<>(candidates);
		Collections.reverse(reversed);
		assertThat(Recommender.rank(KETTLE, reversed)).extracting(Product::id).containsExactlyElementsOf(expected);
	}

	@Test
	void asksForTheCategoryAndOnlyForEverythingWhenTheCategoryIsTooSmall() {
		CatalogClient catalog = mock(CatalogClient.class);
		given(catalog.product("P-0001")).willReturn(java.util.Optional.of(KETTLE));
		given(catalog.products("kitchen"))
			.willReturn(List.of(KETTLE, product("P-0002", "kitchen", "49.00"), product("P-0003", "kitchen", "24.50"),
					product("P-0004", "kitchen", "39.00"), product("P-0005", "kitchen", "89.00")));
		assertThat(new Recommender(catalog).recommendationsFor("P-0001")).hasSize(4);
		verify(catalog, never()).products(null);

		Product planter = product("P-0007", "garden", "19.90");
		given(catalog.product("P-0007")).willReturn(java.util.Optional.of(planter));
		given(catalog.products("garden")).willReturn(List.of(planter, product("P-0008", "garden", "27.50")));
		given(catalog.products(null)).willReturn(List.of(KETTLE, planter, product("P-0008", "garden", "27.50"),
				product("P-0003", "kitchen", "24.50"), product("P-0020", "office", "12.00")));
		assertThat(new Recommender(catalog).recommendationsFor("P-0007")).extracting(Product::id)
			.containsExactly("P-0008", "P-0003", "P-0020", "P-0001");
	}

	static Product product(String id, String category, String price) {
		return new Product(id, id, "", category, new BigDecimal(price), "USD", "product-" + id.toLowerCase(),
				List.of());
	}

}
