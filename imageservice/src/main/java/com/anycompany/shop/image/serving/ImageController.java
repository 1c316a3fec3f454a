package com.anycompany.shop.image.serving;

import java.util.List;

import com.anycompany.shop.image.art.Artwork;
import com.anycompany.shop.image.art.Artworks;
import com.anycompany.shop.clients.problem.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ImageController {

	static final int MIN_WIDTH = 16;

	static final int MAX_WIDTH = 1600;

	/** Drawings only change with a new release, so browsers may keep them for a day. */
	private static final String CACHE_CONTROL = "public, max-age=86400";

	private final Artworks artworks;

	private final ImageCache cache;

	ImageController(Artworks artworks, ImageCache cache) {
		this.artworks = artworks;
		this.cache = cache;
	}

	@GetMapping("/images")
	List<String> names() {
		return this.artworks.names();
	}

	/**
	 * The image as PNG. Returning a {@link ResponseEntity} with an ETag lets Spring MVC
	 * answer a matching If-None-Match with 304 and no body.
	 */
	@GetMapping("/image/{name}")
	ResponseEntity<byte[]> image(@PathVariable String name, @RequestParam(defaultValue = "800") int width) {
		if (width < MIN_WIDTH || width > MAX_WIDTH) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
					"width must be between " + MIN_WIDTH + " and " + MAX_WIDTH + " pixels, was " + width);
		}
		Artwork artwork = this.artworks.find(name)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Image not found",
					"No image named '" + name + "'"));
		PngImage image = this.cache.get(artwork, width);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
			.eTag(image.etag())
			.body(image.bytes());
	}

}
