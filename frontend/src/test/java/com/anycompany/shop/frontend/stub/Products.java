package com.anycompany.shop.frontend.stub;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.anycompany.shop.frontend.product.Product;

/**
 * The contract's 24 products in four categories, with prices of the tests' own: what the
 * controller tests' mocked catalog returns and what the stubbed catalogservice answers.
 */
public final class Products {

	private static final String[][] NAMES_AND_PRICES = { { "Copper Kettle", "34.90" }, { "Cast Iron Skillet", "42.00" },
			{ "Bamboo Cutting Board", "18.50" }, { "Ceramic Pour-Over Set", "29.00" }, { "Chef's Knife", "64.00" },
			{ "Linen Apron", "22.00" }, { "Terracotta Planter", "16.90" }, { "Watering Can", "24.50" },
			{ "Pruning Shears", "19.90" }, { "Herb Seed Kit", "12.00" }, { "Garden Gloves", "14.50" },
			{ "Solar Lantern", "27.00" }, { "Trail Backpack", "79.00" }, { "Insulated Bottle", "21.90" },
			{ "Camping Hammock", "49.00" }, { "Enamel Camp Mug", "11.50" }, { "Headlamp", "26.00" },
			{ "Picnic Blanket", "38.00" }, { "Walnut Desk Organizer", "44.00" }, { "Notebook Set", "15.00" },
			{ "Fountain Pen", "58.00" }, { "Desk Lamp", "54.90" }, { "Felt Mouse Pad", "13.90" },
			{ "Brass Bookends", "36.00" } };

	/** Six products each, in the order of the ids. */
	private static final String[] CATEGORIES = { "kitchen", "garden", "outdoors", "office" };

	private static final List<Product> ALL = build();

	private Products() {
	}

	public static List<Product> all() {
		return ALL;
	}

	public static Product product(String id) {
		return find(id).orElseThrow();
	}

	public static Optional<Product> find(String id) {
		return ALL.stream().filter((product) -> product.id().equals(id)).findFirst();
	}

	public static List<Product> inCategory(String category) {
		return ALL.stream().filter((product) -> product.category().equals(category)).toList();
	}

	/** The categories, sorted as the catalog lists them. */
	public static List<String> categories() {
		return ALL.stream().map(Product::category).distinct().sorted().toList();
	}

	/** What the stub recommender suggests: up to four others of the same category. */
	public static List<Product> recommendationsFor(Product product) {
		return inCategory(product.category()).stream().filter((other) -> !other.equals(product)).limit(4).toList();
	}

	private static List<Product> build() {
		List<Product> products = new ArrayList<>();
		for (int i = 0; i < NAMES_AND_PRICES.length; i++) {
			String id = String.format(Locale.ROOT, "P-%04d", i + 1);
			String name = NAMES_AND_PRICES[i][0];
			String category = CATEGORIES[i / 6];
			products.add(new Product(id, name, "A sturdy " + name.toLowerCase(Locale.ROOT) + ".", category,
					new BigDecimal(NAMES_AND_PRICES[i][1]), "USD", "product-" + id.toLowerCase(Locale.ROOT),
					List.of(category, "bestseller")));
		}
		return List.copyOf(products);
	}

}
