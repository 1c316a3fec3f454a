package com.anycompany.shop.image.serving;

import java.util.concurrent.atomic.AtomicInteger;

import com.anycompany.shop.image.art.Artwork;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageCacheTests {

	static final Artwork A = new Artwork("a", 100, 100, (g) -> {
	});

	static final Artwork B = new Artwork("b", 100, 100, (g) -> {
	});

	/** Counts renders and makes every image {@code width} bytes long. */
	static class CountingRenderer extends PngRenderer {

		final AtomicInteger renders = new AtomicInteger();

		@Override
		public PngImage render(Artwork artwork, int width) {
			this.renders.incrementAndGet();
			return new PngImage(new byte[width], "\"" + artwork.name() + width + "\"", width, width);
		}

	}

	@Test
	void drawsEachNameAndWidthOnce() {
		CountingRenderer renderer = new CountingRenderer();
		ImageCache cache = new ImageCache(renderer, 10_000);
		PngImage first = cache.get(A, 100);
		assertThat(cache.get(A, 100)).isSameAs(first);
		cache.get(A, 200);
		cache.get(B, 100);
		assertThat(renderer.renders).hasValue(3);
		assertThat(cache.size()).isEqualTo(3);
		assertThat(cache.bytes()).isEqualTo(400);
	}

	@Test
	void staysWithinItsByteBoundDroppingTheLeastRecentlyUsed() {
		CountingRenderer renderer = new CountingRenderer();
		ImageCache cache = new ImageCache(renderer, 1000);
		cache.get(A, 400);
		cache.get(B, 400);
		cache.get(A, 400); // A is now the most recently used
		cache.get(A, 300); // 1100 bytes: B goes
		assertThat(cache.bytes()).isEqualTo(700);
		assertThat(renderer.renders).hasValue(3);
		cache.get(A, 400);
		assertThat(renderer.renders).hasValue(3);
		cache.get(B, 400);
		assertThat(renderer.renders).hasValue(4);
		assertThat(cache.bytes()).isLessThanOrEqualTo(1000);
	}

	@Test
	void anImageLargerThanTheWholeCacheIsServedButNotKept() {
		CountingRenderer renderer = new CountingRenderer();
		ImageCache cache = new ImageCache(renderer, 100);
		assertThat(cache.get(A, 500).bytes()).hasSize(500);
		assertThat(cache.size()).isZero();
		assertThat(cache.bytes()).isZero();
	}

}
