package com.anycompany.shop.image.art;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArtworksTests {

	/** The fixed catalog every service agrees on: P-0001 .. P-0024. */
	static final List<String> CATALOG_IDS = IntStream.rangeClosed(1, 24)
		.mapToObj((i) -> String.format(Locale.ROOT, "P-%04d", i))
		.toList();

	final Artworks artworks = new Artworks();

	@Test
	void everyProductOfTheCatalogHasASquareImage() {
		for (String id : CATALOG_IDS) {
			String name = "product-" + id.toLowerCase(Locale.ROOT);
			assertThat(this.artworks.find(name)).as(name)
				.hasValueSatisfying((art) -> assertThat(art.width()).isEqualTo(art.height()));
		}
	}

	@Test
	void listsTheBannersFirstThenTheProductsAndNothingElse() {
		List<String> expected = new java.util.ArrayList<>(List.of("banner-home", "banner-sale"));
		CATALOG_IDS.forEach((id) -> expected.add("product-" + id.toLowerCase(Locale.ROOT)));
		assertThat(this.artworks.names()).containsExactlyElementsOf(expected);
	}

	@Test
	void bannersAreWide() {
		assertThat(this.artworks.find("banner-home")).hasValueSatisfying((art) -> {
			assertThat(art.width()).isEqualTo(1600);
			assertThat(art.heightFor(800)).isEqualTo(250);
		});
	}

	@Test
	void unknownNamesAreNotFound() {
		assertThat(this.artworks.find("product-p-0025")).isEmpty();
		assertThat(this.artworks.find("PRODUCT-P-0001")).isEmpty();
		assertThat(this.artworks.find("../banner-home")).isEmpty();
	}

}
