package com.anycompany.shop.image.art;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.util.Random;

import static com.anycompany.shop.image.art.Sketch.alpha;
import static com.anycompany.shop.image.art.Sketch.curve;
import static com.anycompany.shop.image.art.Sketch.drawLeaf;
import static com.anycompany.shop.image.art.Sketch.fill;
import static com.anycompany.shop.image.art.Sketch.font;
import static com.anycompany.shop.image.art.Sketch.line;
import static com.anycompany.shop.image.art.Sketch.oval;
import static com.anycompany.shop.image.art.Sketch.poly;
import static com.anycompany.shop.image.art.Sketch.rect;
import static com.anycompany.shop.image.art.Sketch.rgb;
import static com.anycompany.shop.image.art.Sketch.rotate;
import static com.anycompany.shop.image.art.Sketch.round;
import static com.anycompany.shop.image.art.Sketch.subtract;
import static com.anycompany.shop.image.art.Sketch.text;
import static com.anycompany.shop.image.art.Sketch.textWidth;

/**
 * Wide hero banners (1600 x 500) for the storefront: text on the left, a composition of
 * the shop's own product drawings on the right.
 */
final class Banners {

	static final int WIDTH = 1600;

	static final int HEIGHT = 500;

	private static final Color INK = rgb(0x2A2B38);

	private Banners() {
	}

	static void home(Graphics2D g) {
		fill(g, rect(0, 0, WIDTH, HEIGHT), rgb(0xF8EEE4));
		fill(g, oval(1230, 250, 360, 360), rgb(0xF4DFCC));
		fill(g, oval(1530, 40, 160, 160), rgb(0xEFD2B8));
		fill(g, oval(860, 470, 90, 90), rgb(0xF1DBC7));
		for (double[] dot : new double[][] { { 840, 90, 10 }, { 960, 150, 6 }, { 1560, 330, 8 }, { 70, 450, 7 } }) {
			fill(g, oval(dot[0], dot[1], dot[2], dot[2]), rgb(0xE9C4A3));
		}

		text(g, spaced("KITCHEN · GARDEN · OUTDOORS · OFFICE"), font(Font.BOLD, 20), rgb(0xC8763A), 110, 150);
		Font title = fit(g, "AnyCompany Shop", Font.BOLD, 92, 700);
		text(g, "AnyCompany Shop", title, INK, 106, 246);
		text(g, "Well-made things for every corner of your day.", font(Font.PLAIN, 28), rgb(0x5F5A6B), 110, 302);
		button(g, "Shop now", 110, 350, INK, Color.WHITE);

		// a walnut shelf holding a few of the shop's products
		fill(g, round(880, 418, 660, 28, 8), rgb(0x8A5E3E));
		fill(g, round(880, 436, 660, 10, 5), rgb(0x6E4A30));
		fill(g, poly(960, 446, 990, 446, 975, 490), rgb(0x6E4A30));
		fill(g, poly(1430, 446, 1460, 446, 1445, 490), rgb(0x6E4A30));
		place(g, GardenArt::planter, 975, 420, 0.42);
		place(g, KitchenArt::kettle, 1125, 420, 0.42);
		place(g, OutdoorsArt::backpack, 1322, 420, 0.42);
		place(g, OfficeArt::deskLamp, 1472, 420, 0.42);
	}

	static void sale(Graphics2D g) {
		g.setPaint(new GradientPaint(0, 0, rgb(0x8F3320), WIDTH, HEIGHT, rgb(0xD8682F)));
		g.fill(rect(0, 0, WIDTH, HEIGHT));
		fill(g, oval(1180, 250, 330, 330), alpha(rgb(0xF2A65A), 70));
		fallingLeaves(g);

		text(g, spaced("THIS WEEK ONLY"), font(Font.BOLD, 20), rgb(0xFFD99A), 110, 150);
		Font title = fit(g, "Autumn sale", Font.BOLD, 116, 700);
		text(g, "Autumn sale", title, rgb(0xFFF4E6), 104, 262);
		text(g, "Up to 30% off cosy picks for kitchen, garden and trail.", font(Font.PLAIN, 27), rgb(0xFBE0CB), 110,
				316);
		button(g, "Shop the sale", 110, 360, rgb(0xFFF4E6), rgb(0x8F3320));

		priceTag(g, 1090, 250);
		place(g, OutdoorsArt::campMug, 1445, 440, 0.44);
	}

	private static void fallingLeaves(Graphics2D g) {
		Color[] colors = { rgb(0xF2C14E), rgb(0xE8833A), rgb(0xF6D58E), rgb(0x7A2E1C), rgb(0xC2451F) };
		Random random = new Random(2026);
		int drawn = 0;
		while (drawn < 22) {
			double x = random.nextDouble() * WIDTH;
			double y = random.nextDouble() * HEIGHT;
			// keep the text readable
			if (x < 860 && y > 100 && y < 430) {
				continue;
			}
			double size = 26 + random.nextDouble() * 34;
			drawLeaf(g, x, y, size * 1.6, size, random.nextDouble() * 360, colors[drawn % colors.length]);
			drawn++;
		}
	}

	private static void priceTag(Graphics2D g, double cx, double cy) {
		Graphics2D t = (Graphics2D) g.create();
		try {
			t.rotate(Math.toRadians(-10), cx, cy);
			t.translate(cx, cy);
			// string to the hole, then the tag
			line(t, curve(-190, -10, -260, -120, -200, -200), rgb(0xFBE0CB), 6);
			Shape tag = subtract(poly(-230, 0, -150, -120, 200, -120, 200, 120, -150, 120), oval(-170, 0, 20, 20));
			fill(t, Sketch.move(tag, 10, 14), alpha(Color.BLACK, 50));
			fill(t, tag, rgb(0xFFF4E6));
			line(t, oval(-170, 0, 20, 20), rgb(0xE3C9AE), 6);
			Font big = font(Font.BOLD, 110);
			double w = textWidth(t, "-30%", big);
			text(t, "-30%", big, rgb(0xB5422A), 25 - w / 2, 38);
			Font small = font(Font.BOLD, 22);
			String label = spaced("SELECTED ITEMS");
			text(t, label, small, rgb(0xC98A5E), 25 - textWidth(t, label, small) / 2, 86);
		}
		finally {
			t.dispose();
		}
	}

	private static void button(Graphics2D g, String label, double x, double y, Color background, Color foreground) {
		Font font = font(Font.BOLD, 24);
		double w = textWidth(g, label, font);
		fill(g, round(x, y, w + 110, 64, 32), background);
		text(g, label, font, foreground, x + 36, y + 41);
		double ax = x + w + 52;
		line(g, Sketch.segment(ax, y + 32, ax + 26, y + 32), foreground, 4);
		line(g, poly(ax + 16, y + 22, ax + 26, y + 32, ax + 16, y + 42), foreground, 4);
	}

	/**
	 * Draws an 800 x 800 product object (without its backdrop) standing on the line
	 * {@code groundY}, centred on {@code cx}.
	 */
	private static void place(Graphics2D g, Painter object, double cx, double groundY, double scale) {
		Graphics2D o = (Graphics2D) g.create();
		try {
			o.translate(cx - 400 * scale, groundY - 650 * scale);
			o.scale(scale, scale);
			object.paint(o);
		}
		finally {
			o.dispose();
		}
	}

	/** The largest size up to {@code size} at which the text fits {@code maxWidth}. */
	private static Font fit(Graphics2D g, String text, int style, double size, double maxWidth) {
		Font font = font(style, size);
		double width = textWidth(g, text, font);
		return (width <= maxWidth) ? font : font(style, size * maxWidth / width);
	}

	/** Letter-spaced capitals, for the small line above a title. */
	private static String spaced(String text) {
		return String.join("\u2009", text.split(""));
	}

}
