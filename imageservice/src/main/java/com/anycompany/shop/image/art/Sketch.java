package com.anycompany.shop.image.art;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * The small vocabulary every drawing is made of: colours, shapes, flat two-tone shading
 * and soft shadows. Shading uses area intersection rather than clipping, because a clip
 * is not anti-aliased and would leave jagged edges on curves.
 */
final class Sketch {

	private Sketch() {
	}

	static Color rgb(int hex) {
		return new Color(hex);
	}

	static Color alpha(Color color, int alpha) {
		return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
	}

	static Color mix(Color from, Color to, double amount) {
		return new Color(channel(from.getRed(), to.getRed(), amount), channel(from.getGreen(), to.getGreen(), amount),
				channel(from.getBlue(), to.getBlue(), amount), from.getAlpha());
	}

	static Color darker(Color color, double amount) {
		return mix(color, Color.BLACK, amount);
	}

	static Color lighter(Color color, double amount) {
		return mix(color, Color.WHITE, amount);
	}

	private static int channel(int from, int to, double amount) {
		return (int) Math.round(from + (to - from) * amount);
	}

	static Shape rect(double x, double y, double w, double h) {
		return new Rectangle2D.Double(x, y, w, h);
	}

	/** A rectangle with corners of radius {@code r}. */
	static Shape round(double x, double y, double w, double h, double r) {
		return new RoundRectangle2D.Double(x, y, w, h, 2 * r, 2 * r);
	}

	/** An ellipse around a centre. */
	static Shape oval(double cx, double cy, double rx, double ry) {
		return new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry);
	}

	/** A closed polygon through x,y pairs. */
	static Path2D poly(double... xy) {
		Path2D path = new Path2D.Double();
		path.moveTo(xy[0], xy[1]);
		for (int i = 2; i < xy.length; i += 2) {
			path.lineTo(xy[i], xy[i + 1]);
		}
		path.closePath();
		return path;
	}

	static Shape rotate(Shape shape, double degrees, double cx, double cy) {
		return AffineTransform.getRotateInstance(Math.toRadians(degrees), cx, cy).createTransformedShape(shape);
	}

	static Shape move(Shape shape, double dx, double dy) {
		return AffineTransform.getTranslateInstance(dx, dy).createTransformedShape(shape);
	}

	static Area union(Shape... shapes) {
		Area area = new Area();
		for (Shape shape : shapes) {
			area.add(new Area(shape));
		}
		return area;
	}

	static Area intersect(Shape a, Shape b) {
		Area area = new Area(a);
		area.intersect(new Area(b));
		return area;
	}

	static Area subtract(Shape a, Shape b) {
		Area area = new Area(a);
		area.subtract(new Area(b));
		return area;
	}

	static void fill(Graphics2D g, Shape shape, Color color) {
		g.setColor(color);
		g.fill(shape);
	}

	/**
	 * The flat style's one trick: the shape in its colour, its right part a shade darker,
	 * as if lit from the left.
	 */
	static void shaded(Graphics2D g, Shape shape, Color color) {
		shaded(g, shape, color, 0.62);
	}

	static void shaded(Graphics2D g, Shape shape, Color color, double litFraction) {
		fill(g, shape, color);
		Rectangle2D bounds = shape.getBounds2D();
		double split = bounds.getX() + bounds.getWidth() * litFraction;
		fill(g, intersect(shape, rect(split, bounds.getY() - 1, bounds.getMaxX() - split + 1, bounds.getHeight() + 2)),
				darker(color, 0.12));
	}

	/** A stroke with round ends and joins. */
	static void line(Graphics2D g, Shape shape, Color color, double width) {
		g.setColor(color);
		g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(shape);
	}

	static void dashed(Graphics2D g, Shape shape, Color color, double width, double dash) {
		g.setColor(color);
		g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
				new float[] { (float) dash, (float) (dash * 1.2) }, 0f));
		g.draw(shape);
	}

	static Path2D segment(double x1, double y1, double x2, double y2) {
		Path2D path = new Path2D.Double();
		path.moveTo(x1, y1);
		path.lineTo(x2, y2);
		return path;
	}

	static Path2D curve(double x1, double y1, double cx, double cy, double x2, double y2) {
		Path2D path = new Path2D.Double();
		path.moveTo(x1, y1);
		path.quadTo(cx, cy, x2, y2);
		return path;
	}

	/** The soft shadow an object casts on the ground it stands on. */
	static void groundShadow(Graphics2D g, double cx, double cy, double rx) {
		fill(g, oval(cx, cy, rx, rx * 0.12), new Color(40, 30, 60, 34));
		fill(g, oval(cx, cy, rx * 0.8, rx * 0.08), new Color(40, 30, 60, 26));
	}

	/**
	 * A leaf: pointed at both ends, {@code length} long from its base at x,y towards
	 * {@code degrees} (0 = up, clockwise).
	 */
	static Shape leaf(double x, double y, double length, double width, double degrees) {
		Path2D path = new Path2D.Double();
		path.moveTo(0, 0);
		path.curveTo(width * 0.9, -length * 0.25, width * 0.6, -length * 0.8, 0, -length);
		path.curveTo(-width * 0.6, -length * 0.8, -width * 0.9, -length * 0.25, 0, 0);
		path.closePath();
		AffineTransform at = AffineTransform.getTranslateInstance(x, y);
		at.rotate(Math.toRadians(degrees));
		return at.createTransformedShape(path);
	}

	/** A leaf with a lighter half and a midrib. */
	static void drawLeaf(Graphics2D g, double x, double y, double length, double width, double degrees, Color color) {
		Shape leaf = leaf(x, y, length, width, degrees);
		fill(g, leaf, color);
		AffineTransform at = AffineTransform.getTranslateInstance(x, y);
		at.rotate(Math.toRadians(degrees));
		fill(g, intersect(leaf, at.createTransformedShape(rect(0, -length, width, length))), darker(color, 0.12));
		line(g, at.createTransformedShape(segment(0, -length * 0.08, 0, -length * 0.8)), lighter(color, 0.25),
				Math.max(2, width * 0.06));
	}

	static Font font(int style, double size) {
		// a logical font: resolves to whatever sans-serif the JDK finds (DejaVu Sans on
		// Debian), and works headless
		return new Font(Font.SANS_SERIF, style, 1).deriveFont((float) size);
	}

	static double text(Graphics2D g, String text, Font font, Color color, double x, double baseline) {
		g.setFont(font);
		g.setColor(color);
		g.drawString(text, (float) x, (float) baseline);
		return g.getFontMetrics().getStringBounds(text, g).getWidth();
	}

	static double textWidth(Graphics2D g, String text, Font font) {
		return g.getFontMetrics(font).getStringBounds(text, g).getWidth();
	}

}
