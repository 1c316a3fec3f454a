package com.anycompany.shop.image.art;

/**
 * One image the service can draw: its name, its design size (which fixes the aspect
 * ratio) and how to paint it.
 */
public record Artwork(String name, int width, int height, Painter painter) {

	/** Height of this artwork drawn {@code targetWidth} pixels wide. */
	public int heightFor(int targetWidth) {
		return Math.max(1, (int) Math.round((double) targetWidth * this.height / this.width));
	}

}
