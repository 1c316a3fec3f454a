package com.anycompany.shop.frontend.stub;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

/**
 * Simple PNGs drawn for the stub imageservice: a tinted tile per product, a banner for
 * the home page. Only for tests and screenshots of the storefront.
 */
public final class StubImages {

	private static final Map<String, Color[]> TINTS = Map.of("kitchen",
			new Color[] { new Color(0xF3E3D3), new Color(0xB8612E) }, "garden",
			new Color[] { new Color(0xDDEBD8), new Color(0x3E7B4A) }, "outdoors",
			new Color[] { new Color(0xD8E4EE), new Color(0x2F5D86) }, "office",
			new Color[] { new Color(0xE8E2EF), new Color(0x5E4B8B) });

	static {
		System.setProperty("java.awt.headless", "true");
	}

	private StubImages() {
	}

	/** The PNG of a known image name at the given width, or empty for an unknown name. */
	public static Optional<byte[]> png(String name, int width) {
		if (name.startsWith("banner-")) {
			return Optional.of(banner(width));
		}
		return StubCatalog.ITEMS.stream()
			.filter((item) -> name.equals("product-" + item.id().toLowerCase(Locale.ROOT)))
			.findFirst()
			.map((item) -> product(item, width));
	}

	private static byte[] product(StubCatalog.Item item, int width) {
		int height = width * 3 / 4;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = start(image);
		Color[] tint = TINTS.getOrDefault(item.category(), new Color[] { Color.LIGHT_GRAY, Color.DARK_GRAY });
		g.setColor(tint[0]);
		g.fillRect(0, 0, width, height);
		int size = height / 2;
		g.setColor(tint[1]);
		g.setStroke(new BasicStroke(Math.max(2, width / 80f)));
		g.drawRoundRect((width - size) / 2, height / 6, size, size, size / 4, size / 4);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, size / 3)));
		String initials = initials(item.name());
		int textWidth = g.getFontMetrics().stringWidth(initials);
		g.drawString(initials, (width - textWidth) / 2, height / 6 + size / 2 + g.getFontMetrics().getAscent() / 3);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, width / 22)));
		int nameWidth = g.getFontMetrics().stringWidth(item.name());
		g.drawString(item.name(), (width - nameWidth) / 2, height - height / 10);
		return encode(image, g);
	}

	private static byte[] banner(int width) {
		int height = width / 3;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = start(image);
		g.setPaint(new GradientPaint(0, 0, new Color(0xE9C9A8), width, height, new Color(0x7FA58B)));
		g.fillRect(0, 0, width, height);
		g.setColor(new Color(255, 255, 255, 70));
		for (int i = 0; i < 6; i++) {
			int d = height / 2 + i * height / 8;
			g.fillOval(width / 2 + i * width / 12, height / 3 - i * height / 20, d, d);
		}
		return encode(image, g);
	}

	private static Graphics2D start(BufferedImage image) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		return g;
	}

	private static String initials(String name) {
		StringBuilder initials = new StringBuilder();
		for (String word : name.split("[\\s-]+")) {
			if (!word.isEmpty() && initials.length() < 2) {
				initials.append(Character.toUpperCase(word.charAt(0)));
			}
		}
		return initials.toString();
	}

	private static byte[] encode(BufferedImage image, Graphics2D g) {
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
