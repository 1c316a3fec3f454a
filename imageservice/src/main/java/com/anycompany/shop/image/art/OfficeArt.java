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
import static com.anycompany.shop.image.art.Sketch.dashed;
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

/** Office products, P-0019 to P-0024, on an 800 x 800 canvas. */
final class OfficeArt {

	static final Color WALNUT = rgb(0x7A5236);

	static final Color NAVY = rgb(0x2E3A59);

	static final Color MUSTARD = rgb(0xE9B949);

	static final Color CORAL = rgb(0xE07A5F);

	static final Color SAGE = rgb(0x81B29A);

	static final Color BRASS = rgb(0xCDA44E);

	private OfficeArt() {
	}

	static Map<String, Painter> objects() {
		Map<String, Painter> objects = new LinkedHashMap<>();
		objects.put("P-0019", OfficeArt::deskOrganizer);
		objects.put("P-0020", OfficeArt::notebookSet);
		objects.put("P-0021", OfficeArt::fountainPen);
		objects.put("P-0022", OfficeArt::deskLamp);
		objects.put("P-0023", OfficeArt::mousePad);
		objects.put("P-0024", OfficeArt::bookends);
		return objects;
	}

	static void deskOrganizer(Graphics2D g) {
		groundShadow(g, 400, 646, 250);
		// pencils and a ruler standing in the tall compartment
		pencil(g, 250, 360, -12, MUSTARD);
		pencil(g, 292, 340, 4, CORAL);
		pencil(g, 322, 372, 16, SAGE);
		fill(g, rotate(rect(430, 300, 46, 200), 6, 450, 480), rgb(0xF3E6CC));
		for (int i = 0; i < 7; i++) {
			fill(g, rotate(rect(430, 312 + i * 24, 16, 4), 6, 450, 480), darker(rgb(0xF3E6CC), 0.35));
		}
		// note cards in the low one
		fill(g, rotate(round(520, 440, 100, 90, 6), -6, 560, 500), Color.WHITE);
		fill(g, rotate(round(512, 452, 100, 90, 6), 4, 560, 500), rgb(0xFFE8A3));
		// three walnut blocks of different heights
		shaded(g, round(200, 420, 170, 226, 10), WALNUT, 0.8);
		shaded(g, round(370, 476, 130, 170, 10), lighter(WALNUT, 0.08), 0.8);
		shaded(g, round(500, 520, 120, 126, 10), darker(WALNUT, 0.05), 0.8);
		fill(g, round(200, 420, 170, 12, 6), lighter(WALNUT, 0.25));
		fill(g, round(370, 476, 130, 12, 6), lighter(WALNUT, 0.3));
		fill(g, round(500, 520, 120, 12, 6), lighter(WALNUT, 0.22));
		// grain
		Color grain = lighter(WALNUT, 0.14);
		line(g, curve(220, 480, 280, 500, 350, 470), grain, 4);
		line(g, curve(220, 560, 290, 540, 350, 580), grain, 4);
		line(g, curve(390, 540, 430, 560, 480, 530), grain, 4);
		line(g, curve(515, 580, 560, 600, 605, 570), grain, 4);
	}

	private static void pencil(Graphics2D g, double x, double y, double degrees, Color color) {
		Graphics2D p = (Graphics2D) g.create();
		try {
			p.rotate(Math.toRadians(degrees), x, y + 200);
			fill(p, rect(x - 14, y, 28, 220), color);
			fill(p, rect(x + 4, y, 10, 220), darker(color, 0.15));
			fill(p, poly(x - 14, y, x + 14, y, x, y - 40), rgb(0xF1D1A8));
			fill(p, poly(x - 5, y - 26, x + 5, y - 26, x, y - 40), rgb(0x3A3340));
		}
		finally {
			p.dispose();
		}
	}

	static void notebookSet(Graphics2D g) {
		groundShadow(g, 400, 650, 240);
		notebook(g, 410, 420, -10, CORAL);
		notebook(g, 400, 430, 5, MUSTARD);
		notebook(g, 390, 440, 0, NAVY);
	}

	private static void notebook(Graphics2D g, double cx, double cy, double degrees, Color cover) {
		Graphics2D n = (Graphics2D) g.create();
		try {
			n.rotate(Math.toRadians(degrees), cx, cy);
			// pages peeking out, cover, elastic band and a ribbon bookmark
			fill(n, round(cx - 140, cy - 196, 290, 396, 18), rgb(0xF6F1E7));
			line(n, segment(cx + 146, cy - 180, cx + 146, cy + 184), darker(rgb(0xF6F1E7), 0.12), 3);
			fill(n, poly(cx + 60, cy + 190, cx + 84, cy + 190, cx + 84, cy + 250, cx + 72, cy + 236, cx + 60, cy + 250),
					CORAL.equals(cover) ? NAVY : CORAL);
			Shape book = round(cx - 150, cy - 200, 290, 400, 18);
			shaded(n, book, cover, 0.85);
			fill(n, rect(cx - 150, cy - 200, 26, 400), darker(cover, 0.15));
			fill(n, round(cx - 70, cy - 110, 150, 70, 8), lighter(cover, 0.85));
			fill(n, rect(cx - 50, cy - 85, 110, 6), alpha(cover, 120));
			fill(n, rect(cx + 104, cy - 200, 12, 400), darker(cover, 0.35));
		}
		finally {
			n.dispose();
		}
	}

	static void fountainPen(Graphics2D g) {
		groundShadow(g, 400, 640, 260);
		// a loop of ink written by the pen
		Path2D ink = new Path2D.Double();
		ink.moveTo(170, 600);
		ink.curveTo(220, 520, 270, 520, 260, 580);
		ink.curveTo(250, 640, 330, 620, 350, 560);
		line(g, ink, rgb(0x2D5D8A), 8);
		Graphics2D p = (Graphics2D) g.create();
		try {
			p.translate(420, 380);
			p.rotate(Math.toRadians(-40));
			// body, gold bands, the grip section and the nib
			Shape body = round(-80, -38, 330, 76, 38);
			shaded(p, body, NAVY, 0.5);
			fill(p, rect(-10, -38, 14, 76), BRASS);
			fill(p, rect(200, -38, 10, 76), BRASS);
			fill(p, round(-140, -30, 80, 60, 18), darker(NAVY, 0.25));
			Path2D nib = new Path2D.Double();
			nib.moveTo(-130, -26);
			nib.quadTo(-200, -20, -250, 0);
			nib.quadTo(-200, 20, -130, 26);
			nib.closePath();
			fill(p, nib, BRASS);
			fill(p, intersect(nib, rect(-260, 0, 140, 30)), darker(BRASS, 0.15));
			line(p, segment(-240, 0, -170, 0), darker(BRASS, 0.5), 3);
			fill(p, oval(-166, 0, 6, 6), darker(BRASS, 0.5));
			line(p, segment(-40, -16, 180, -16), alpha(Color.WHITE, 90), 8);
		}
		finally {
			p.dispose();
		}
		// the cap with its clip, lying alongside
		Graphics2D c = (Graphics2D) g.create();
		try {
			c.translate(520, 520);
			c.rotate(Math.toRadians(-40));
			shaded(c, round(-90, -36, 180, 72, 34), NAVY, 0.5);
			fill(c, rect(-90, -36, 18, 72), BRASS);
			fill(c, round(-70, -52, 150, 18, 8), BRASS);
			fill(c, oval(80, -43, 12, 12), BRASS);
		}
		finally {
			c.dispose();
		}
	}

	static void deskLamp(Graphics2D g) {
		Color lamp = MUSTARD;
		Color joint = NAVY;
		// light falling from the shade onto the desk
		g.setPaint(new GradientPaint(508, 396, new Color(255, 236, 160, 200), 580, 650, new Color(255, 236, 160, 20)));
		g.fill(poly(423, 449, 592, 343, 720, 650, 440, 650));
		groundShadow(g, 330, 642, 170);
		// base, two arms and the shade
		fill(g, round(210, 600, 220, 44, 20), joint);
		fill(g, oval(320, 604, 110, 14), lighter(joint, 0.2));
		line(g, segment(320, 600, 260, 400), lamp, 24);
		line(g, segment(260, 400, 430, 290), lamp, 24);
		line(g, segment(330, 596, 272, 410), darker(lamp, 0.12), 6);
		fill(g, oval(320, 600, 22, 22), joint);
		fill(g, oval(260, 400, 22, 22), joint);
		Graphics2D s = (Graphics2D) g.create();
		try {
			s.translate(460, 320);
			s.rotate(Math.toRadians(-32));
			Path2D shade = poly(-50, -40, 50, -40, 100, 90, -100, 90);
			shaded(s, shade, lamp, 0.6);
			fill(s, oval(0, 90, 100, 18), darker(lamp, 0.3));
			fill(s, oval(0, 92, 60, 12), rgb(0xFFF6D5));
			fill(s, round(-30, -60, 60, 26, 10), joint);
		}
		finally {
			s.dispose();
		}
		fill(g, oval(430, 290, 22, 22), joint);
	}

	static void mousePad(Graphics2D g) {
		Color felt = rgb(0x8C8F9E);
		groundShadow(g, 400, 640, 280);
		Shape pad = round(150, 300, 500, 320, 56);
		fill(g, move(pad, 0, 14), darker(felt, 0.3));
		fill(g, pad, felt);
		// felt texture: fine random fibres
		Random random = new Random(23);
		for (int i = 0; i < 420; i++) {
			double x = 170 + random.nextDouble() * 460;
			double y = 320 + random.nextDouble() * 280;
			double a = random.nextDouble() * Math.PI;
			Color fibre = (i % 2 == 0) ? lighter(felt, 0.18) : darker(felt, 0.1);
			line(g, segment(x, y, x + Math.cos(a) * 7, y + Math.sin(a) * 7), fibre, 2);
		}
		dashed(g, round(170, 320, 460, 280, 40), lighter(felt, 0.45), 4, 12);
		// mouse and its cable
		line(g, curve(470, 360, 480, 260, 560, 220), rgb(0x3A3340), 8);
		Shape mouse = round(412, 360, 116, 170, 58);
		fill(g, move(mouse, 6, 10), alpha(Color.BLACK, 40));
		shaded(g, mouse, rgb(0xF4F4F0), 0.66);
		line(g, segment(470, 364, 470, 430), darker(rgb(0xF4F4F0), 0.2), 4);
		line(g, segment(414, 432, 526, 432), darker(rgb(0xF4F4F0), 0.12), 3);
		fill(g, round(462, 384, 16, 30, 8), rgb(0x3A3340));
	}

	static void bookends(Graphics2D g) {
		groundShadow(g, 400, 646, 270);
		// books standing between the two ends: heights, widths and colours
		double[][] books = { { 270, 56 }, { 300, 50 }, { 240, 64 }, { 290, 46 }, { 260, 58 }, { 232, 52 } };
		Color[] colors = { NAVY, CORAL, SAGE, MUSTARD, rgb(0x8E5572), rgb(0x5B9AA0) };
		double x = 230;
		for (int i = 0; i < books.length; i++) {
			double h = books[i][0];
			double w = books[i][1];
			shaded(g, round(x, 630 - h, w, h, 6), colors[i], 0.78);
			fill(g, rect(x, 630 - h + 24, w, 10), lighter(colors[i], 0.4));
			fill(g, rect(x, 630 - 40, w, 8), lighter(colors[i], 0.4));
			x += w + 2;
		}
		bookend(g, 192, false);
		bookend(g, 574, true);
	}

	/** An upright with a ball on top, its foot reaching under the books. */
	private static void bookend(Graphics2D g, double left, boolean right) {
		double center = left + 17;
		shaded(g, round(left, 340, 34, 300, 12), BRASS, right ? 0.4 : 0.6);
		fill(g, oval(center, 340, 34, 34), BRASS);
		fill(g, oval(center - 8, 332, 10, 10), lighter(BRASS, 0.4));
		fill(g, round(right ? left - 70 : left, 628, 104, 16, 6), darker(BRASS, 0.15));
	}

}
