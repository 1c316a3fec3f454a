package com.anycompany.shop.image.serving;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.anycompany.shop.image.art.Artwork;

/**
 * Rendered images by (name, width), least recently used first out, bounded by the total
 * size of the PNG bytes held. Drawing is CPU work and the storefront asks for the same
 * few sizes over and over, so each is drawn once; the byte bound keeps memory flat even
 * when clients ask for every width from 16 to 1600.
 * <p>
 * Two requests missing the same entry at the same moment both draw it (the result is
 * identical): simpler than per-key locking, and it only happens while the cache is cold.
 */
class ImageCache {

	private record Key(String name, int width) {
	}

	private final PngRenderer renderer;

	private final long maxBytes;

	private final LinkedHashMap<Key, PngImage> entries = new LinkedHashMap<>(64, 0.75f, true);

	private long bytes;

	ImageCache(PngRenderer renderer, long maxBytes) {
		this.renderer = renderer;
		this.maxBytes = maxBytes;
	}

	PngImage get(Artwork artwork, int width) {
		Key key = new Key(artwork.name(), width);
		synchronized (this) {
			PngImage cached = this.entries.get(key);
			if (cached != null) {
				return cached;
			}
		}
		PngImage rendered = this.renderer.render(artwork, width);
		synchronized (this) {
			PngImage raced = this.entries.get(key);
			if (raced != null) {
				return raced;
			}
			if (rendered.bytes().length <= this.maxBytes) {
				this.entries.put(key, rendered);
				this.bytes += rendered.bytes().length;
				evict();
			}
		}
		return rendered;
	}

	private void evict() {
		Iterator<Map.Entry<Key, PngImage>> eldest = this.entries.entrySet().iterator();
		while (this.bytes > this.maxBytes && eldest.hasNext()) {
			this.bytes -= eldest.next().getValue().bytes().length;
			eldest.remove();
		}
	}

	synchronized int size() {
		return this.entries.size();
	}

	synchronized long bytes() {
		return this.bytes;
	}

}
