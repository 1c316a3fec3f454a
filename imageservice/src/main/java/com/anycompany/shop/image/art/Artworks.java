package com.anycompany.shop.image.art;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every image the service can draw, by name: one per catalog product
 * ({@code product-p-0001} ...) and the marketing banners.
 */
public class Artworks {

	private final Map<String, Artwork> byName = new LinkedHashMap<>();

	public Artworks() {
		add(new Artwork("banner-home", Banners.WIDTH, Banners.HEIGHT, Banners::home));
		add(new Artwork("banner-sale", Banners.WIDTH, Banners.HEIGHT, Banners::sale));
		addProducts(Palette.KITCHEN, KitchenArt.objects());
		addProducts(Palette.GARDEN, GardenArt.objects());
		addProducts(Palette.OUTDOORS, OutdoorsArt.objects());
		addProducts(Palette.OFFICE, OfficeArt.objects());
	}

	private void addProducts(Palette palette, Map<String, Painter> objects) {
		objects.forEach((productId, object) -> {
			String name = "product-" + productId.toLowerCase(Locale.ROOT);
			add(new Artwork(name, 800, 800, (g) -> {
				palette.paintBackdrop(g);
				object.paint(g);
			}));
		});
	}

	private void add(Artwork artwork) {
		this.byName.put(artwork.name(), artwork);
	}

	public Optional<Artwork> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/** The names, marketing images first, then products in catalog order. */
	public List<String> names() {
		return new ArrayList<>(this.byName.keySet());
	}

	public List<Artwork> all() {
		return List.copyOf(this.byName.values());
	}

}
