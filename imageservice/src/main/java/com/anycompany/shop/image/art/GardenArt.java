package com.anycompany.shop.image.art;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.anycompany.shop.image.art.Sketch.alpha;
import static com.anycompany.shop.image.art.Sketch.curve;
import static com.anycompany.shop.image.art.Sketch.darker;
import static com.anycompany.shop.image.art.Sketch.drawLeaf;
import static com.anycompany.shop.image.art.Sketch.fill;
import static com.anycompany.shop.image.art.Sketch.groundShadow;
import static com.anycompany.shop.image.art.Sketch.intersect;
import static com.anycompany.shop.image.art.Sketch.lighter;
import static com.anycompany.shop.image.art.Sketch.line;
import static com.anycompany.shop.image.art.Sketch.oval;
import static com.anycompany.shop.image.art.Sketch.poly;
import static com.anycompany.shop.image.art.Sketch.rect;
import static com.anycompany.shop.image.art.Sketch.rgb;
import static com.anycompany.shop.image.art.Sketch.rotate;
import static com.anycompany.shop.image.art.Sketch.round;
import static com.anycompany.shop.image.art.Sketch.segment;
import static com.anycompany.shop.image.art.Sketch.shaded;
import static com.anycompany.shop.image.art.Sketch.union;

/** Garden products, P-0007 to P-0012, on an 800 x 800 canvas. */
final class GardenArt {

	static final Color TERRACOTTA = rgb(0xD2693F);

	static final Color GREEN = rgb(0x5E9E5A);

	static final Color FRESH_GREEN = rgb(0x7DBB66);

	private static final Color INK = rgb(0x36404A);

	private GardenArt() {
	}

	static Map<String, Painter> objects() {
		Map<String, Painter> objects = new LinkedHashMap<>();
		objects.put("P-0007", GardenArt::planter);
		objects.put("P-0008", GardenArt::wateringCan);
		objects.put("P-0009", GardenArt::pruningShears);
		objects.put("P-0010", GardenArt::herbSeedKit);
		objects.put("P-0011", GardenArt::gardenGloves);
		objects.put("P-0012", GardenArt::solarLantern);
		return objects;
	}

	static void planter(Graphics2D g) {
		groundShadow(g, 400, 650, 190);
		// a leafy plant fanning out of the pot
		double[][] leaves = { { -62, 230, 62 }, { -38, 270, 70 }, { -14, 300, 72 }, { 12, 290, 70 }, { 36, 262, 68 },
				{ 60, 220, 60 }, { -80, 170, 48 }, { 80, 170, 48 } };
		for (int i = 0; i < leaves.length; i++) {
			Color color = (i % 2 == 0) ? GREEN : FRESH_GREEN;
			drawLeaf(g, 400, 420, leaves[i][1], leaves[i][2], leaves[i][0], color);
		}
		Path2D pot = poly(276, 440, 524, 440, 496, 646, 304, 646);
		shaded(g, pot, TERRACOTTA);
		shaded(g, round(250, 404, 300, 64, 12), darker(TERRACOTTA, 0.06));
		fill(g, round(250, 404, 300, 12, 6), lighter(TERRACOTTA, 0.18));
		// a painted band
		fill(g, intersect(pot, rect(200, 530, 400, 16)), lighter(TERRACOTTA, 0.3));
		for (int i = 0; i < 6; i++) {
			fill(g, oval(318 + i * 33, 575, 6, 6), lighter(TERRACOTTA, 0.3));
		}
	}

	static void wateringCan(Graphics2D g) {
		Color tin = rgb(0x4A9C8E);
		groundShadow(g, 420, 640, 220);
		// droplets falling from the rose
		Color water = rgb(0x6FB7E0);
		double[][] drops = { { 690, 430 }, { 716, 470 }, { 672, 488 }, { 700, 530 }, { 730, 410 }, { 742, 500 } };
		for (double[] drop : drops) {
			fill(g, oval(drop[0], drop[1], 8, 12), water);
			fill(g, poly(drop[0] - 7, drop[1] - 3, drop[0], drop[1] - 20, drop[0] + 7, drop[1] - 3), water);
		}
		// long spout with its rose
		Path2D spout = poly(470, 560, 640, 350, 660, 366, 500, 600);
		shaded(g, spout, darker(tin, 0.08), 0.5);
		Shape rose = rotate(round(626, 320, 60, 40, 12), 42, 656, 340);
		fill(g, rose, darker(tin, 0.3));
		// handle over the top
		line(g, curve(250, 430, 300, 210, 470, 360), darker(tin, 0.25), 26);
		// body
		Shape body = round(220, 380, 290, 250, 46);
		shaded(g, body, tin);
		fill(g, intersect(body, rect(200, 440, 340, 16)), darker(tin, 0.16));
		fill(g, intersect(body, rect(200, 570, 340, 16)), darker(tin, 0.16));
		fill(g, oval(365, 384, 110, 20), darker(tin, 0.35));
		fill(g, oval(365, 380, 110, 16), lighter(tin, 0.15));
		fill(g, oval(365, 384, 92, 10), darker(tin, 0.45));
		// back grip
		line(g, segment(224, 470, 186, 470), darker(tin, 0.25), 22);
		line(g, segment(186, 470, 196, 560), darker(tin, 0.25), 22);
		line(g, curve(252, 600, 250, 510, 280, 470), alpha(Color.WHITE, 110), 14);
	}

	static void pruningShears(Graphics2D g) {
		Color steel = rgb(0xC6CFD8);
		Color grip = rgb(0xD9473F);
		groundShadow(g, 400, 660, 200);
		Graphics2D s = (Graphics2D) g.create();
		try {
			s.rotate(Math.toRadians(-14), 400, 400);
			// the two handles, splayed, with a spring between them
			Path2D left = new Path2D.Double();
			left.moveTo(376, 420);
			left.curveTo(330, 490, 290, 560, 282, 640);
			left.quadTo(282, 668, 306, 664);
			left.curveTo(336, 580, 380, 510, 414, 440);
			left.closePath();
			Path2D right = new Path2D.Double();
			right.moveTo(424, 420);
			right.curveTo(470, 490, 510, 560, 518, 640);
			right.quadTo(518, 668, 494, 664);
			right.curveTo(464, 580, 420, 510, 386, 440);
			right.closePath();
			Path2D spring = new Path2D.Double();
			spring.moveTo(370, 500);
			for (int i = 0; i < 5; i++) {
				spring.lineTo((i % 2 == 0) ? 430 : 372, 512 + i * 12);
			}
			line(s, spring, darker(steel, 0.3), 6);
			fill(s, right, darker(steel, 0.18));
			fill(s, left, darker(steel, 0.1));
			fill(s, intersect(left, rect(200, 486, 300, 220)), grip);
			fill(s, intersect(right, rect(400, 486, 300, 220)), darker(grip, 0.12));
			// blades: a curved cutting blade over a hooked anvil
			Path2D anvil = new Path2D.Double();
			anvil.moveTo(380, 430);
			anvil.curveTo(350, 350, 360, 260, 420, 200);
			anvil.curveTo(420, 260, 430, 330, 424, 420);
			anvil.closePath();
			fill(s, anvil, darker(steel, 0.2));
			Path2D blade = new Path2D.Double();
			blade.moveTo(420, 440);
			blade.curveTo(470, 360, 470, 250, 392, 170);
			blade.curveTo(380, 250, 370, 330, 378, 430);
			blade.closePath();
			fill(s, blade, steel);
			fill(s, intersect(blade, rect(300, 150, 90, 300)), lighter(steel, 0.45));
			// pivot bolt
			fill(s, oval(400, 428, 24, 24), rgb(0xD7B363));
			fill(s, oval(400, 428, 9, 9), darker(rgb(0xD7B363), 0.3));
		}
		finally {
			s.dispose();
		}
	}

	static void herbSeedKit(Graphics2D g) {
		Color crate = rgb(0xCFA06A);
		groundShadow(g, 400, 652, 250);
		String[] colors = { "basil", "parsley", "chives" };
		for (int i = 0; i < colors.length; i++) {
			double cx = 270 + i * 130;
			// a little pot with a seedling
			double top = 430 - ((i == 1) ? 30 : 0);
			line(g, curve(cx, top + 20, cx - 6, top - 60, cx + 4, top - 110), GREEN, 8);
			drawLeaf(g, cx + 2, top - 100, 70, 34, -55, FRESH_GREEN);
			drawLeaf(g, cx + 2, top - 100, 70, 34, 55, GREEN);
			drawLeaf(g, cx, top - 40, 50, 24, -70, GREEN);
			shaded(g, poly(cx - 55, top + 10, cx + 55, top + 10, cx + 45, top + 120, cx - 45, top + 120), TERRACOTTA);
			fill(g, round(cx - 62, top, 124, 26, 8), darker(TERRACOTTA, 0.08));
		}
		// wooden crate front, with slats and a blank kraft label
		Shape front = round(170, 480, 460, 170, 14);
		shaded(g, front, crate, 0.7);
		for (int i = 1; i < 3; i++) {
			fill(g, rect(170, 480 + i * 56, 460, 5), darker(crate, 0.2));
		}
		fill(g, round(170, 480, 460, 14, 7), lighter(crate, 0.2));
		fill(g, round(320, 528, 160, 76, 10), rgb(0xF3E6CC));
		drawLeaf(g, 400, 586, 40, 22, -40, GREEN);
		drawLeaf(g, 400, 586, 40, 22, 40, FRESH_GREEN);
		for (double x : new double[] { 190, 610 }) {
			fill(g, oval(x, 500, 6, 6), darker(crate, 0.35));
			fill(g, oval(x, 630, 6, 6), darker(crate, 0.35));
		}
	}

	static void gardenGloves(Graphics2D g) {
		groundShadow(g, 400, 650, 240);
		glove(g, 320, 392, -14, true, rgb(0xE9B949), GREEN);
		glove(g, 480, 410, 12, false, rgb(0x6FAF6B), rgb(0xE9B949));
	}

	/**
	 * A glove with its thumb to the right; {@code left} mirrors it into the other hand.
	 */
	private static void glove(Graphics2D g, double cx, double cy, double degrees, boolean left, Color color,
			Color cuff) {
		Graphics2D h = (Graphics2D) g.create();
		try {
			h.rotate(Math.toRadians(degrees), cx, cy);
			h.translate(cx, cy);
			if (left) {
				h.scale(-1, 1);
			}
			Shape hand = union(round(-90, -40, 180, 200, 60), round(-92, -190, 42, 190, 21),
					round(-44, -222, 42, 220, 21), round(4, -212, 42, 210, 21), round(52, -170, 40, 170, 20),
					rotate(round(70, -40, 40, 150, 20), -40, 90, 60));
			shaded(h, hand, color, 0.64);
			// leather patches on the fingertips and palm
			Color patch = darker(color, 0.22);
			fill(h, round(-92, -190, 42, 44, 21), patch);
			fill(h, round(-44, -222, 42, 44, 21), patch);
			fill(h, round(4, -212, 42, 44, 21), patch);
			fill(h, round(52, -170, 40, 42, 20), patch);
			Shape cuffShape = round(-96, 140, 192, 90, 16);
			shaded(h, cuffShape, cuff, 0.64);
			for (int i = 0; i < 3; i++) {
				fill(h, rect(-96, 158 + i * 24, 192, 6), lighter(cuff, 0.3));
			}
		}
		finally {
			h.dispose();
		}
	}

	static void solarLantern(Graphics2D g) {
		Color frame = INK;
		groundShadow(g, 400, 652, 170);
		// warm glow around the glass
		g.setPaint(
				new RadialGradientPaint(new Point2D.Double(400, 470), 250, new float[] { 0f, 0.45f, 1f }, new Color[] {
						new Color(255, 214, 110, 150), new Color(255, 214, 110, 60), new Color(255, 214, 110, 0) }));
		g.fill(oval(400, 470, 250, 250));
		// hanging ring
		line(g, oval(400, 196, 36, 36), frame, 12);
		// roof with a small solar panel
		Path2D roof = poly(300, 300, 500, 300, 460, 230, 340, 230);
		shaded(g, roof, frame, 0.55);
		Path2D panel = poly(330, 286, 470, 286, 446, 244, 354, 244);
		fill(g, panel, rgb(0x2D5D8A));
		for (int i = 1; i < 4; i++) {
			double t = i / 4.0;
			line(g, segment(330 + 140 * t, 286, 354 + 92 * t, 244), lighter(rgb(0x2D5D8A), 0.35), 3);
		}
		line(g, segment(342, 265, 458, 265), lighter(rgb(0x2D5D8A), 0.35), 3);
		fill(g, round(280, 296, 240, 22, 8), darker(frame, 0.1));
		// glass with the light inside
		Shape glass = round(318, 318, 164, 270, 12);
		fill(g, glass, rgb(0xFFE9A6));
		g.setPaint(new RadialGradientPaint(new Point2D.Double(400, 450), 90, new float[] { 0f, 1f },
				new Color[] { new Color(255, 252, 235), new Color(255, 233, 166) }));
		g.fill(glass);
		fill(g, round(388, 400, 24, 90, 10), rgb(0xFFFFFF));
		line(g, segment(400, 330, 400, 400), alpha(frame, 200), 5);
		// frame posts and base
		fill(g, rect(316, 318, 16, 270), frame);
		fill(g, rect(468, 318, 16, 270), frame);
		fill(g, rect(392, 318, 16, 24), frame);
		fill(g, round(290, 584, 220, 30, 10), frame);
		fill(g, round(310, 612, 180, 30, 10), darker(frame, 0.2));
		line(g, segment(350, 340, 350, 560), alpha(Color.WHITE, 150), 8);
	}

}
