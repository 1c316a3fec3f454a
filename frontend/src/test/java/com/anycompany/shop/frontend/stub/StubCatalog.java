package com.anycompany.shop.frontend.stub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The contract's 24 products in four categories, with prices of this stub's own, as JSON.
 */
public final class StubCatalog {

	/** One product; description and tags are made from its name and category. */
	public record Item(String id, String name, String category, String price) {

		public String json() {
			return "{\"id\":\"" + this.id + "\",\"name\":\"" + this.name.replace("\"", "\\\"")
					+ "\",\"description\":\"A " + this.name.toLowerCase(Locale.ROOT)
					+ " built for years of everyday use: honest materials, simple design and a fair price.\","
					+ "\"category\":\"" + this.category + "\",\"price\":" + this.price + ",\"currency\":\"USD\","
					+ "\"image\":\"product-" + this.id.toLowerCase(Locale.ROOT) + "\",\"tags\":[\"" + this.category
					+ "\",\"bestseller\"]}";
		}

	}

	private static final String[][] PRODUCTS = { { "Copper Kettle", "34.90" }, { "Cast Iron Skillet", "42.00" },
			{ "Bamboo Cutting Board", "18.50" }, { "Ceramic Pour-Over Set", "29.00" }, { "Chef's Knife", "64.00" },
			{ "Linen Apron", "22.00" }, { "Terracotta Planter", "16.90" }, { "Watering Can", "24.50" },
			{ "Pruning Shears", "19.90" }, { "Herb Seed Kit", "12.00" }, { "Garden Gloves", "14.50" },
			{ "Solar Lantern", "27.00" }, { "Trail Backpack", "79.00" }, { "Insulated Bottle", "21.90" },
			{ "Camping Hammock", "49.00" }, { "Enamel Camp Mug", "11.50" }, { "Headlamp", "26.00" },
			{ "Picnic Blanket", "38.00" }, { "Walnut Desk Organizer", "44.00" }, { "Notebook Set", "15.00" },
			{ "Fountain Pen", "58.00" }, { "Desk Lamp", "54.90" }, { "Felt Mouse Pad", "13.90" },
			{ "Brass Bookends", "36.00" } };

	private static final String[] CATEGORIES = { "kitchen", "garden", "outdoors", "office" };

	public static final List<Item> ITEMS = items();

	private StubCatalog() {
	}

	private static List<Item> items() {
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < PRODUCTS.length; i++) {
			items.add(new Item(String.format("P-%04d", i + 1), PRODUCTS[i][0], CATEGORIES[i / 6], PRODUCTS[i][1]));
		}
		return List.copyOf(items);
	}

	public static Optional<Item> find(String id) {
		return ITEMS.stream().filter((item) -> item.id().equals(id)).findFirst();
	}

	public static String productsJson(String category) {
		return array(ITEMS.stream().filter((item) -> category == null || item.category().equals(category)).toList());
	}

	public static String categoriesJson() {
		return "[\"garden\",\"kitchen\",\"office\",\"outdoors\"]";
	}

	public static String recommendationsJson(String productId) {
		Item product = find(productId).orElseThrow();
		return array(ITEMS.stream()
			.filter((item) -> item.category().equals(product.category()) && !item.id().equals(productId))
			.limit(4)
			.toList());
	}

	public static String array(List<Item> items) {
		return "[" + String.join(",", items.stream().map(Item::json).toList()) + "]";
	}

}
