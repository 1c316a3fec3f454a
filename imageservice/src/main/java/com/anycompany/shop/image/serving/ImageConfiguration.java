package com.anycompany.shop.image.serving;

import com.anycompany.shop.image.art.Artworks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class ImageConfiguration {

	@Bean
	Artworks artworks() {
		return new Artworks();
	}

	@Bean
	PngRenderer pngRenderer() {
		return new PngRenderer();
	}

	/**
	 * 32 MB by default: a product picture is 30-65 KB at 800 px and a banner 75-175 KB at
	 * 1600 px, so the 26 images at the three or four widths the storefront uses take a
	 * few MB, and the rest is room for other widths.
	 */
	@Bean
	ImageCache imageCache(PngRenderer renderer, @Value("${shop.images.cache-size:32MB}") DataSize cacheSize) {
		return new ImageCache(renderer, cacheSize.toBytes());
	}

}
