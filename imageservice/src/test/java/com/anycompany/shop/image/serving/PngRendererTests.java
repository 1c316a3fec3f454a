package com.anycompany.shop.image.serving;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import com.anycompany.shop.image.art.Artwork;
import com.anycompany.shop.image.art.Artworks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PngRendererTests {

	final Artworks artworks = new Artworks();

	final PngRenderer renderer = new PngRenderer();

	@Test
	void everyArtworkDrawsAPictureNotABlankCanvas() throws IOException {
		for (Artwork artwork : this.artworks.all()) {
			PngImage png = this.renderer.render(artwork, 96);
			BufferedImage image = decode(png);
			assertThat(image.getWidth()).as(artwork.name()).isEqualTo(96);
			assertThat(image.getHeight()).as(artwork.name()).isEqualTo(artwork.heightFor(96));
			assertThat(distinctColours(image)).as(artwork.name()).isGreaterThan(40);
		}
	}

	@Test
	void drawsAtTheWidthAskedForKeepingTheAspectRatio() throws IOException {
		Artwork kettle = this.artworks.find("product-p-0001").orElseThrow();
		BufferedImage large = decode(this.renderer.render(kettle, 800));
		assertThat(large.getWidth()).isEqualTo(800);
		assertThat(large.getHeight()).isEqualTo(800);
		Artwork banner = this.artworks.find("banner-home").orElseThrow();
		PngImage wide = this.renderer.render(banner, 1600);
		assertThat(decode(wide).getWidth()).isEqualTo(1600);
		assertThat(decode(wide).getHeight()).isEqualTo(500);
		assertThat(decode(this.renderer.render(banner, 16)).getHeight()).isEqualTo(5);
	}

	@Test
	void theSameDrawingGivesTheSameBytesAndETagAndDifferentDrawingsDifferent() {
		Artwork kettle = this.artworks.find("product-p-0001").orElseThrow();
		PngImage first = this.renderer.render(kettle, 200);
		PngImage second = this.renderer.render(kettle, 200);
		assertThat(second.bytes()).isEqualTo(first.bytes());
		assertThat(second.etag()).isEqualTo(first.etag()).matches("\"[0-9a-f]{32}\"");
		assertThat(this.renderer.render(kettle, 201).etag()).isNotEqualTo(first.etag());
		assertThat(this.renderer.render(this.artworks.find("product-p-0002").orElseThrow(), 200).etag())
			.isNotEqualTo(first.etag());
	}

	static BufferedImage decode(PngImage png) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
		assertThat(image).as("a decodable PNG").isNotNull();
		return image;
	}

	static int distinctColours(BufferedImage image) {
		Set<Integer> colours = new HashSet<>();
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				colours.add(image.getRGB(x, y));
			}
		}
		return colours.size();
	}

}
