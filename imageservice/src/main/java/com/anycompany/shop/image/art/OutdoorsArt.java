package com.anycompany.shop.image.art;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static com.anycompany.shop.image.art.Sketch.alpha;
import static com.anycompany.shop.image.art.Sketch.curve;
import static com.anycompany.shop.image.art.Sketch.darker;
import static com.anycompany.shop.image.art.Sketch.fill;
import static com.anycompany.shop.image.art.Sketch.groundShadow;
import static com.anycompany.shop.image.art.Sketch.intersect;
import static com.anycompany.shop.image.art.Sketch.lighter;
import static com.anycompany.shop.image.art.Sketch.line;
import static com.anycompany.shop.image.art.Sketch.oval;
import static com.anycompany.shop.image.art.Sketch.poly;
import static com.anycompany.shop.image.art.Sketch.rect;
import static com.anycompany.shop.image.art.Sketch.rgb;
import static com.anycompany.shop.image.art.Sketch.round;
import static com.anycompany.shop.image.art.Sketch.segment;
import static com.anycompany.shop.image.art.Sketch.shaded;
import static com.anycompany.shop.image.art.Sketch.subtract;

/** Outdoor products, P-0013 to P-0018, on an 800 x 800 canvas. */
final class OutdoorsArt {

	static final Color ORANGE = rgb(0xE8833A);

	static final Color TEAL = rgb(0x2F7F86);

	static final Color INK = rgb(0x36404A);

	private OutdoorsArt() {
	}

	static Map<String, Painter> objects() {
		Map<String, Painter> objects = new LinkedHashMap<>();
		objects.put("P-0013", OutdoorsArt::backpack);
		objects.put("P-0014", OutdoorsArt::bottle);
		objects.put("P-0015", OutdoorsArt::hammock);
		objects.put("P-0016", OutdoorsArt::campMug);
		objects.put("P-0017", OutdoorsArt::headlamp);
		objects.put("P-0018", OutdoorsArt::picnicBlanket);
		return objects;
	}

	static void backpack(Graphics2D g) {
		Color strap = INK;
		groundShadow(g, 400, 650, 200);
		// carry loop and shoulder straps peeking out at the sides
		line(g, curve(360, 232, 400, 170, 440, 232), strap, 14);
		fill(g, round(226, 300, 40, 300, 20), darker(strap, 0.1));
		fill(g, round(534, 300, 40, 300, 20), darker(strap, 0.1));
		Shape body = round(250, 230, 300, 420, 92);
		shaded(g, body, ORANGE);
		// lid flap
		Path2D lid = new Path2D.Double();
		lid.moveTo(250, 330);
		lid.curveTo(250, 230, 320, 222, 400, 222);
		lid.curveTo(480, 222, 550, 230, 550, 330);
		lid.quadTo(550, 360, 520, 362);
		lid.lineTo(280, 362);
		lid.quadTo(250, 360, 250, 330);
		lid.closePath();
		shaded(g, lid, darker(ORANGE, 0.14));
		// buckles on the lid straps
		for (double x : new double[] { 330, 470 }) {
			fill(g, round(x - 13, 340, 26, 110, 8), strap);
			fill(g, round(x - 20, 436, 40, 28, 8), rgb(0xB9C3CC));
		}
		// front pocket with a zip
		Shape pocket = round(296, 480, 208, 150, 44);
		shaded(g, pocket, darker(ORANGE, 0.1));
		line(g, curve(310, 520, 400, 500, 490, 520), darker(ORANGE, 0.35), 6);
		fill(g, round(470, 520, 14, 30, 6), strap);
		// side compression strap
		fill(g, rect(250, 560, 300, 16), alpha(strap, 200));
		line(g, curve(280, 300, 270, 420, 282, 600), alpha(Color.WHITE, 80), 12);
	}

	static void bottle(Graphics2D g) {
		groundShadow(g, 400, 656, 130);
		// cap with a carry loop
		line(g, oval(400, 172, 44, 30), INK, 16);
		fill(g, round(332, 180, 136, 70, 18), INK);
		for (int i = 0; i < 6; i++) {
			fill(g, rect(344 + i * 22, 192, 8, 46), lighter(INK, 0.12));
		}
		fill(g, round(342, 244, 116, 20, 6), darker(INK, 0.2));
		Shape body = round(310, 256, 180, 398, 64);
		shaded(g, body, TEAL);
		fill(g, intersect(body, rect(300, 580, 200, 20)), lighter(TEAL, 0.25));
		// mountain logo
		fill(g, poly(348, 470, 396, 394, 420, 432, 436, 410, 460, 470), lighter(TEAL, 0.7));
		fill(g, poly(380, 420, 396, 394, 410, 418, 396, 412), TEAL);
		line(g, segment(340, 320, 340, 560), alpha(Color.WHITE, 110), 14);
	}

	static void hammock(Graphics2D g) {
		Color bark = rgb(0x8A5A3B);
		Color leaves = rgb(0x4F9A62);
		// ground
		fill(g, oval(400, 652, 300, 26), alpha(rgb(0x4F9A62), 70));
		// two trees
		for (double x : new double[] { 170, 630 }) {
			fill(g, round(x - 22, 240, 44, 420, 16), bark);
			fill(g, rect(x + 4, 240, 18, 420), darker(bark, 0.15));
			fill(g, oval(x, 220, 110, 100), leaves);
			fill(g, oval(x - 50, 260, 70, 60), lighter(leaves, 0.1));
			fill(g, oval(x + 50, 250, 72, 64), darker(leaves, 0.1));
		}
		// ropes
		line(g, segment(186, 360, 240, 400), rgb(0xD9C3A0), 6);
		line(g, segment(614, 360, 560, 400), rgb(0xD9C3A0), 6);
		// hammock cloth, sagging, in stripes
		Path2D cloth = new Path2D.Double();
		cloth.moveTo(236, 392);
		cloth.curveTo(320, 470, 480, 470, 564, 392);
		cloth.curveTo(540, 560, 260, 560, 236, 392);
		cloth.closePath();
		Color[] stripes = { rgb(0xE2553F), rgb(0xF2C14E), rgb(0xF6EFE2), rgb(0x4A90C2) };
		for (int i = 0; i < 12; i++) {
			fill(g, intersect(cloth, poly(200 + i * 36, 300, 236 + i * 36, 300, 196 + i * 36, 600, 160 + i * 36, 600)),
					stripes[i % stripes.length]);
		}
		// the rim of the cloth facing us
		Path2D rim = new Path2D.Double();
		rim.moveTo(236, 392);
		rim.curveTo(320, 470, 480, 470, 564, 392);
		line(g, rim, darker(rgb(0xE2553F), 0.2), 8);
		// a pillow
		fill(g, round(290, 420, 70, 40, 16), rgb(0xF6EFE2));
	}

	static void campMug(Graphics2D g) {
		Color enamel = rgb(0xF4F4F0);
		Color rim = rgb(0x2E5E8C);
		groundShadow(g, 390, 632, 190);
		// handle: a blue-edged loop
		line(g, round(470, 380, 150, 160, 70), rim, 40);
		line(g, round(470, 380, 150, 160, 70), enamel, 22);
		Path2D body = poly(236, 330, 544, 330, 528, 610, 252, 610);
		shaded(g, body, enamel, 0.66);
		// speckles of the enamel
		Random random = new Random(16);
		for (int i = 0; i < 60; i++) {
			double x = 260 + random.nextDouble() * 270;
			double y = 350 + random.nextDouble() * 250;
			fill(g, oval(x, y, 2.5, 2.5), alpha(rgb(0x8CA3B8), 160));
		}
		// blue rims, the coffee and a little steam
		fill(g, round(246, 596, 290, 22, 10), rim);
		fill(g, oval(390, 330, 156, 30), rim);
		fill(g, oval(390, 332, 140, 22), rgb(0x6A412B));
		fill(g, oval(370, 328, 50, 7), lighter(rgb(0x6A412B), 0.2));
		for (int i = 0; i < 3; i++) {
			double x = 330 + i * 60;
			Path2D steam = new Path2D.Double();
			steam.moveTo(x, 290);
			steam.curveTo(x - 20, 260, x + 20, 230, x, 200);
			line(g, steam, alpha(rgb(0x9DB5C9), 160), 10);
		}
		// a mountain print
		fill(g, poly(320, 500, 370, 430, 396, 464, 420, 440, 470, 500), rim);
		line(g, segment(270, 360, 284, 580), alpha(Color.WHITE, 200), 12);
	}

	static void headlamp(Graphics2D g) {
		Color band = ORANGE;
		// the beam, from the lens out to the left
		g.setPaint(new GradientPaint(350, 430, new Color(255, 236, 160, 210), 40, 250, new Color(255, 236, 160, 0)));
		g.fill(poly(350, 396, 0, 150, 0, 470, 340, 474));
		groundShadow(g, 400, 640, 240);
		// head strap over the top and the band around: back halves first
		Shape strap = oval(400, 500, 240, 110);
		Shape ring = subtract(strap, oval(400, 500, 206, 84));
		line(g, curve(210, 460, 400, 200, 590, 460), darker(band, 0.25), 30);
		fill(g, intersect(ring, rect(100, 380, 600, 120)), darker(band, 0.2));
		fill(g, intersect(ring, rect(100, 500, 600, 140)), band);
		for (int i = 0; i < 9; i++) {
			double x = 190 + i * 50;
			fill(g, intersect(ring, rect(x, 500, 10, 140)), darker(band, 0.15));
		}
		// lamp unit: a bracket, the tilting capsule, its lens and vents
		fill(g, round(330, 392, 140, 150, 26), darker(INK, 0.25));
		Shape housing = round(292, 380, 216, 116, 56);
		shaded(g, housing, INK, 0.7);
		fill(g, oval(356, 438, 46, 46), rgb(0xB9C3CC));
		fill(g, oval(356, 438, 36, 36), rgb(0xFFF6D5));
		fill(g, oval(356, 438, 18, 18), Color.WHITE);
		for (int i = 0; i < 4; i++) {
			fill(g, round(420 + i * 18, 412, 8, 52, 4), lighter(INK, 0.18));
		}
		fill(g, round(434, 366, 40, 20, 8), rgb(0xE2553F));
	}

	static void picnicBlanket(Graphics2D g) {
		Color red = rgb(0xD9473F);
		Color leather = rgb(0x8A5A3B);
		groundShadow(g, 400, 620, 260);
		// carry handle over the top
		line(g, curve(300, 380, 400, 200, 500, 380), leather, 16);
		// the roll, gingham checked
		Shape roll = round(170, 370, 440, 240, 40);
		fill(g, roll, rgb(0xFBF3EA));
		for (int i = 0; i < 12; i++) {
			fill(g, intersect(roll, rect(170 + i * 40, 360, 20, 260)), alpha(red, 150));
			fill(g, intersect(roll, rect(160, 374 + i * 40, 460, 20)), alpha(red, 150));
		}
		fill(g, intersect(roll, rect(160, 520, 460, 100)), alpha(darker(red, 0.4), 50));
		// rolled end: a spiral
		fill(g, oval(610, 490, 58, 120), rgb(0xFBF3EA));
		line(g, oval(610, 490, 58, 120), darker(red, 0.1), 10);
		line(g, oval(614, 494, 36, 84), alpha(red, 200), 8);
		line(g, oval(618, 498, 16, 44), alpha(red, 200), 8);
		// two leather straps with buckles
		for (double x : new double[] { 270, 470 }) {
			fill(g, rect(x, 366, 34, 248), leather);
			fill(g, rect(x + 22, 366, 12, 248), darker(leather, 0.2));
			line(g, round(x - 6, 470, 46, 36, 6), rgb(0xD7B363), 6);
		}
	}

}
