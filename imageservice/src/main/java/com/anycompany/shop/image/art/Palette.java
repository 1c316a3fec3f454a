package com.anycompany.shop.image.art;

import java.awt.Color;
import java.awt.Graphics2D;

import static com.anycompany.shop.image.art.Sketch.fill;
import static com.anycompany.shop.image.art.Sketch.lighter;
import static com.anycompany.shop.image.art.Sketch.oval;
import static com.anycompany.shop.image.art.Sketch.rect;
import static com.anycompany.shop.image.art.Sketch.rgb;

/**
 * The backdrop of a product picture: a soft background and a round plate behind the
 * object, tinted per category so a shelf of products reads as four families.
 */
record Palette(Color background, Color plate, Color dot) {

	static final Palette KITCHEN = new Palette(rgb(0xFBEEE2), rgb(0xF6DCC5), rgb(0xEFC7A6));

	static final Palette GARDEN = new Palette(rgb(0xEDF5E6), rgb(0xD8EBCD), rgb(0xBFDDAE));

	static final Palette OUTDOORS = new Palette(rgb(0xE7F0F7), rgb(0xD0E2EF), rgb(0xB3CFE3));

	static final Palette OFFICE = new Palette(rgb(0xF1EDF7), rgb(0xE0D8EF), rgb(0xCABDE4));

	/** Paints the backdrop of an 800 x 800 product picture. */
	void paintBackdrop(Graphics2D g) {
		fill(g, rect(0, 0, 800, 800), this.background);
		fill(g, oval(400, 400, 318, 318), lighter(this.plate, 0.35));
		fill(g, oval(400, 400, 300, 300), this.plate);
		fill(g, oval(148, 190, 14, 14), this.dot);
		fill(g, oval(672, 250, 9, 9), this.dot);
		fill(g, oval(640, 664, 12, 12), this.dot);
		fill(g, oval(118, 560, 7, 7), this.dot);
	}

}
