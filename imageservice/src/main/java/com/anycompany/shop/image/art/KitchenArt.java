package com.anycompany.shop.image.art;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.anycompany.shop.image.art.Sketch.alpha;
import static com.anycompany.shop.image.art.Sketch.curve;
import static com.anycompany.shop.image.art.Sketch.darker;
import static com.anycompany.shop.image.art.Sketch.dashed;
import static com.anycompany.shop.image.art.Sketch.drawLeaf;
import static com.anycompany.shop.image.art.Sketch.fill;
import static com.anycompany.shop.image.art.Sketch.groundShadow;
import static com.anycompany.shop.image.art.Sketch.intersect;
import static com.anycompany.shop.image.art.Sketch.lighter;
import static com.anycompany.shop.image.art.Sketch.line;
import static com.anycompany.shop.image.art.Sketch.move;
import static com.anycompany.shop.image.art.Sketch.oval;
import static com.anycompany.shop.image.art.Sketch.poly;
import static com.anycompany.shop.image.art.Sketch.rect;
import static com.anycompany.shop.image.art.Sketch.rgb;
import static com.anycompany.shop.image.art.Sketch.rotate;
import static com.anycompany.shop.image.art.Sketch.round;
import static com.anycompany.shop.image.art.Sketch.segment;
import static com.anycompany.shop.image.art.Sketch.shaded;
import static com.anycompany.shop.image.art.Sketch.subtract;
import static com.anycompany.shop.image.art.Sketch.union;

/** Kitchen products, P-0001 to P-0006, on an 800 x 800 canvas. */
final class KitchenArt {

	private static final Color INK = rgb(0x3A3340);

	private static final Color COPPER = rgb(0xC8763A);

	private KitchenArt() {
	}

	static Map<String, Painter> objects() {
		Map<String, Painter> objects = new LinkedHashMap<>();
		objects.put("P-0001", KitchenArt::kettle);
		objects.put("P-0002", KitchenArt::skillet);
		objects.put("P-0003", KitchenArt::cuttingBoard);
		objects.put("P-0004", KitchenArt::pourOver);
		objects.put("P-0005", KitchenArt::knife);
		objects.put("P-0006", KitchenArt::apron);
		return objects;
	}

	static void kettle(Graphics2D g) {
		groundShadow(g, 400, 628, 230);
		// spout behind the body
		Path2D spout = poly(540, 500, 640, 372, 676, 384, 592, 560);
		shaded(g, spout, darker(COPPER, 0.08), 0.5);
		fill(g, rotate(oval(658, 376, 24, 11), -38, 658, 376), darker(COPPER, 0.3));
		// handle
		line(g, curve(300, 380, 400, 150, 500, 380), INK, 28);
		line(g, curve(300, 380, 400, 150, 500, 380), lighter(INK, 0.15), 10);
		Path2D body = new Path2D.Double();
		body.moveTo(250, 612);
		body.lineTo(550, 612);
		body.quadTo(602, 612, 594, 560);
		body.curveTo(580, 440, 520, 352, 400, 348);
		body.curveTo(280, 352, 220, 440, 206, 560);
		body.quadTo(198, 612, 250, 612);
		body.closePath();
		shaded(g, body, COPPER);
		// warm band around the belly and the base
		fill(g, intersect(body, rect(150, 520, 500, 26)), darker(COPPER, 0.18));
		fill(g, round(236, 598, 328, 30, 15), darker(COPPER, 0.32));
		// lid and knob
		fill(g, oval(400, 352, 96, 26), darker(COPPER, 0.25));
		fill(g, oval(400, 346, 80, 18), lighter(COPPER, 0.12));
		fill(g, round(378, 300, 44, 44, 14), INK);
		fill(g, oval(400, 300, 28, 10), lighter(INK, 0.2));
		// shine
		line(g, curve(262, 560, 262, 450, 318, 396), alpha(Color.WHITE, 120), 16);
		fill(g, oval(272, 590 - 6, 8, 8), alpha(Color.WHITE, 110));
	}

	static void skillet(Graphics2D g) {
		Color iron = rgb(0x3C4048);
		groundShadow(g, 410, 600, 280);
		// handle, turned a little up to the right
		Shape handle = rotate(round(560, 408, 210, 46, 23), -18, 560, 430);
		Shape hole = rotate(oval(730, 431, 13, 13), -18, 560, 430);
		shaded(g, subtract(handle, hole), iron, 0.4);
		fill(g, rotate(round(560, 404, 50, 54, 12), -18, 560, 430), darker(iron, 0.1));
		// pan wall, then the cooking surface
		fill(g, oval(360, 478, 232, 150), darker(iron, 0.28));
		fill(g, oval(360, 452, 232, 150), iron);
		fill(g, oval(360, 448, 196, 122), lighter(iron, 0.1));
		fill(g, oval(360, 456, 196, 114), lighter(iron, 0.04));
		// pour spout bumps on the rim
		fill(g, rotate(oval(143, 440, 16, 30), 10, 143, 440), iron);
		// a fried egg, so it reads as a pan at a glance
		Path2D white = new Path2D.Double();
		white.moveTo(250, 450);
		white.curveTo(240, 380, 330, 360, 380, 380);
		white.curveTo(450, 350, 500, 420, 470, 470);
		white.curveTo(460, 530, 360, 540, 320, 515);
		white.curveTo(270, 520, 240, 490, 250, 450);
		white.closePath();
		fill(g, white, rgb(0xFFFDF7));
		fill(g, intersect(white, rect(400, 330, 200, 250)), rgb(0xF1ECE2));
		fill(g, oval(365, 448, 44, 40), rgb(0xF5B43A));
		fill(g, oval(378, 456, 30, 26), rgb(0xEE9F25));
		fill(g, oval(352, 436, 12, 9), alpha(Color.WHITE, 190));
		// rim highlight
		line(g, curve(190, 392, 250, 310, 360, 302), alpha(Color.WHITE, 60), 8);
		drawLeaf(g, 470, 520, 58, 22, 40, rgb(0x5E9E5A));
		drawLeaf(g, 470, 520, 46, 18, 100, rgb(0x6FAF6B));
	}

	static void cuttingBoard(Graphics2D g) {
		Color bamboo = rgb(0xE4B56C);
		groundShadow(g, 400, 648, 250);
		Shape outline = union(round(180, 260, 440, 380, 56), round(340, 170, 120, 140, 52));
		Shape board = subtract(outline, oval(400, 222, 26, 26));
		// edge thickness below the face
		fill(g, move(board, 0, 16), darker(bamboo, 0.28));
		fill(g, board, bamboo);
		// laminated strips of bamboo
		for (int i = 0; i < 8; i++) {
			double x = 180 + i * 55;
			Color strip = (i % 2 == 0) ? lighter(bamboo, 0.08) : darker(bamboo, 0.05);
			fill(g, intersect(board, rect(x, 150, 55, 520)), strip);
			for (int k = 0; k < 3; k++) {
				double y = 300 + ((i * 97 + k * 131) % 300);
				line(g, segment(x + 14, y, x + 40, y), darker(bamboo, 0.15), 4);
			}
		}
		// juice groove
		line(g, round(212, 292, 376, 316, 36), darker(bamboo, 0.2), 7);
		// a tomato, half cut, and a sprig of basil
		Color tomato = rgb(0xE2553F);
		fill(g, oval(330, 470, 70, 66), tomato);
		fill(g, oval(318, 456, 18, 12), alpha(Color.WHITE, 110));
		fill(g, poly(330, 410, 345, 388, 352, 414, 378, 410, 356, 426, 330, 422, 306, 428, 308, 410), rgb(0x4E8E4A));
		fill(g, oval(478, 470, 70, 66), tomato);
		fill(g, oval(478, 470, 58, 54), rgb(0xF07A63));
		for (int i = 0; i < 4; i++) {
			double a = Math.toRadians(45 + i * 90);
			double cx = 478 + Math.cos(a) * 27;
			double cy = 470 + Math.sin(a) * 25;
			fill(g, oval(cx, cy, 14, 12), rgb(0xF9C8A9));
			fill(g, oval(cx, cy, 4, 6), rgb(0xF3DDA3));
		}
		fill(g, oval(478, 470, 9, 9), rgb(0xF9C8A9));
		drawLeaf(g, 548, 560, 70, 30, -35, rgb(0x5E9E5A));
		drawLeaf(g, 548, 560, 60, 26, 30, rgb(0x6FAF6B));
	}

	static void pourOver(Graphics2D g) {
		Color ceramic = rgb(0xF7F3EC);
		Color glass = rgb(0xCFE3E8);
		Color coffee = rgb(0x6A412B);
		groundShadow(g, 400, 648, 210);
		// carafe
		Path2D carafe = new Path2D.Double();
		carafe.moveTo(322, 450);
		carafe.lineTo(478, 450);
		carafe.curveTo(478, 500, 560, 520, 560, 590);
		carafe.quadTo(560, 648, 510, 648);
		carafe.lineTo(290, 648);
		carafe.quadTo(240, 648, 240, 590);
		carafe.curveTo(240, 520, 322, 500, 322, 450);
		carafe.closePath();
		shaded(g, carafe, glass, 0.75);
		shaded(g, intersect(carafe, rect(200, 560, 400, 100)), coffee, 0.75);
		fill(g, intersect(carafe, rect(200, 560, 400, 14)), lighter(coffee, 0.2));
		line(g, curve(270, 600, 272, 540, 312, 512), alpha(Color.WHITE, 170), 10);
		// a thin stream of coffee
		line(g, segment(400, 430, 400, 552), coffee, 6);
		// wooden collar with a leather tie
		fill(g, round(312, 470, 176, 44, 12), rgb(0xB57D4C));
		fill(g, round(312, 486, 176, 10, 4), rgb(0x8E5A33));
		fill(g, round(318, 440, 164, 18, 8), lighter(glass, 0.3));
		// dripper: rim, cone and foot
		Path2D cone = poly(262, 262, 538, 262, 460, 420, 340, 420);
		shaded(g, cone, ceramic, 0.58);
		for (int i = 1; i < 5; i++) {
			double t = i / 5.0;
			line(g, segment(262 + 276 * t, 280, 340 + 120 * t, 412), darker(ceramic, 0.07), 4);
		}
		fill(g, round(244, 244, 312, 30, 15), darker(ceramic, 0.05));
		fill(g, round(252, 238, 296, 20, 10), ceramic);
		fill(g, round(326, 414, 148, 26, 10), darker(ceramic, 0.1));
		// teal glaze band and handle
		fill(g, intersect(cone, rect(200, 300, 400, 28)), rgb(0x5B9AA0));
		line(g, curve(538, 290, 600, 300, 524, 360), ceramic, 22);
		// steam
		for (int i = 0; i < 3; i++) {
			double x = 330 + i * 70;
			Path2D steam = new Path2D.Double();
			steam.moveTo(x, 220);
			steam.curveTo(x - 20, 190, x + 20, 170, x, 140);
			line(g, steam, alpha(rgb(0xC9A98E), 150), 9);
		}
	}

	static void knife(Graphics2D g) {
		Color steel = rgb(0xCBD3DC);
		Color handle = rgb(0x2F2A33);
		groundShadow(g, 400, 600, 270);
		Graphics2D k = (Graphics2D) g.create();
		try {
			k.translate(400, 420);
			k.rotate(Math.toRadians(-32));
			Path2D blade = new Path2D.Double();
			blade.moveTo(-290, -8);
			blade.curveTo(-200, 50, 20, 78, 130, 78);
			blade.lineTo(130, -44);
			blade.lineTo(-120, -44);
			blade.quadTo(-230, -40, -290, -8);
			blade.closePath();
			fill(k, blade, steel);
			fill(k, intersect(blade, rect(-300, 40, 440, 60)), lighter(steel, 0.45));
			fill(k, intersect(blade, rect(-300, -50, 440, 20)), darker(steel, 0.12));
			line(k, segment(-150, 4, 90, 4), alpha(Color.WHITE, 150), 8);
			// bolster and handle with three brass rivets
			fill(k, round(124, -48, 30, 130, 10), darker(steel, 0.22));
			Path2D grip = new Path2D.Double();
			grip.moveTo(150, -40);
			grip.lineTo(330, -34);
			grip.quadTo(372, -30, 372, 12);
			grip.quadTo(372, 60, 330, 62);
			grip.lineTo(150, 68);
			grip.closePath();
			fill(k, grip, handle);
			fill(k, intersect(grip, rect(140, 30, 240, 50)), darker(handle, 0.3));
			for (int i = 0; i < 3; i++) {
				double x = 190 + i * 62;
				fill(k, oval(x, 12, 11, 11), rgb(0xD7B363));
				fill(k, oval(x - 3, 9, 4, 4), lighter(rgb(0xD7B363), 0.5));
			}
		}
		finally {
			k.dispose();
		}
		// a few chopped herbs
		drawLeaf(g, 250, 590, 50, 20, -60, rgb(0x5E9E5A));
		drawLeaf(g, 262, 600, 42, 18, 20, rgb(0x6FAF6B));
		drawLeaf(g, 560, 270, 40, 16, 70, rgb(0x6FAF6B));
	}

	static void apron(Graphics2D g) {
		Color linen = rgb(0x6F8FA6);
		Color strap = rgb(0xC99B6C);
		groundShadow(g, 400, 676, 200);
		// neck strap and waist ties
		line(g, curve(338, 240, 400, 60, 462, 240), strap, 16);
		Path2D leftTie = new Path2D.Double();
		leftTie.moveTo(248, 400);
		leftTie.curveTo(190, 410, 200, 470, 150, 520);
		line(g, leftTie, strap, 15);
		Path2D rightTie = new Path2D.Double();
		rightTie.moveTo(552, 400);
		rightTie.curveTo(610, 410, 600, 470, 650, 520);
		line(g, rightTie, strap, 15);
		Path2D body = new Path2D.Double();
		body.moveTo(330, 228);
		body.lineTo(470, 228);
		body.lineTo(480, 350);
		body.quadTo(490, 388, 556, 394);
		body.lineTo(574, 632);
		body.quadTo(577, 664, 545, 664);
		body.lineTo(255, 664);
		body.quadTo(223, 664, 226, 632);
		body.lineTo(244, 394);
		body.quadTo(310, 388, 320, 350);
		body.closePath();
		shaded(g, body, linen, 0.6);
		// linen weave: faint horizontal threads
		for (int y = 250; y < 660; y += 18) {
			fill(g, intersect(body, rect(200, y, 400, 3)), alpha(Color.WHITE, 26));
		}
		fill(g, round(238, 390, 324, 22, 8), strap);
		// a wooden spoon tucked in the pocket
		fill(g, rotate(round(430, 380, 16, 130, 8), 12, 430, 480), rgb(0xD9A869));
		fill(g, rotate(oval(438, 372, 22, 34), 12, 430, 480), rgb(0xD9A869));
		fill(g, rotate(oval(434, 368, 12, 22), 12, 430, 480), darker(rgb(0xD9A869), 0.1));
		// pocket with stitching
		Shape pocket = round(318, 474, 164, 112, 14);
		fill(g, pocket, darker(linen, 0.14));
		dashed(g, round(328, 484, 144, 92, 10), lighter(linen, 0.45), 4, 10);
		line(g, segment(400, 478, 400, 584), darker(linen, 0.25), 4);
		dashed(g, curve(236, 640, 400, 643, 564, 640), lighter(linen, 0.45), 4, 10);
	}

}
