package com.anycompany.shop.image.serving;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.amazonaws.xray.spring.aop.XRayEnabled;
import com.anycompany.shop.image.art.Artwork;

/**
 * Draws an artwork at the width asked for and encodes it as PNG. The drawing is vector
 * work scaled to the target size, so small images are as crisp as large ones. Traced
 * ({@code render} subsegment) because this is the expensive part: a trace shows at once
 * whether a request was served from the cache or drawn.
 */
@XRayEnabled
class PngRenderer {

	public PngImage render(Artwork artwork, int width) {
		int height = artwork.heightFor(width);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.scale((double) width / artwork.width(), (double) height / artwork.height());
			artwork.painter().paint(g);
		}
		finally {
			g.dispose();
		}
		byte[] png = encode(image);
		return new PngImage(png, etag(png), width, height);
	}

	private static byte[] encode(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try {
			javax.imageio.ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot encode PNG", ex);
		}
		return out.toByteArray();
	}

	/** A strong validator: a digest of the exact bytes sent. */
	private static String etag(byte[] png) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(png);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
