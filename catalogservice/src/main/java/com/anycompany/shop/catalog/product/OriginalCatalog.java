package com.anycompany.shop.catalog.product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;

/**
 * The products the shop opens with: 24 in four categories. Ids, names and categories are
 * shared with imageservice, which draws one picture per product.
 */
final class OriginalCatalog {

	private static final List<Product> PRODUCTS = List.of(
			product("P-0001", "Copper Kettle", "kitchen", "34.90",
					"A hand-hammered copper kettle with a brass handle that stays cool. "
							+ "Holds 1.5 litres and whistles softly when the water boils.",
					"copper", "tea"),
			product("P-0002", "Cast Iron Skillet", "kitchen", "42.00",
					"A pre-seasoned 26 cm skillet that goes from stovetop to oven to campfire "
							+ "and gets better with every use.",
					"cast-iron", "cookware"),
			product("P-0003", "Bamboo Cutting Board", "kitchen", "19.50",
					"A thick end-grain bamboo board with a juice groove, gentle on knife edges and quick to dry.",
					"bamboo", "prep"),
			product("P-0004", "Ceramic Pour-Over Set", "kitchen", "27.80",
					"A glazed ceramic dripper with a matching 600 ml server, for a slow and clean cup of coffee.",
					"ceramic", "coffee"),
			product("P-0005", "Chef's Knife", "kitchen", "64.00",
					"A 20 cm stainless steel chef's knife, balanced at the bolster: "
							+ "fine enough for tomatoes, sturdy enough for squash.",
					"steel", "prep"),
			product("P-0006", "Linen Apron", "kitchen", "24.90",
					"A stonewashed linen apron with two deep pockets and adjustable cross-back straps.", "linen",
					"textile"),
			product("P-0007", "Terracotta Planter", "garden", "18.40",
					"An unglazed terracotta pot with a drainage saucer; lets roots breathe "
							+ "and weathers to a warm patina.",
					"terracotta", "plants"),
			product("P-0008", "Watering Can", "garden", "29.90",
					"A galvanised steel watering can holding 5 litres, with a removable brass rose "
							+ "for a gentle shower.",
					"steel", "plants"),
			product("P-0009", "Pruning Shears", "garden", "22.50",
					"Bypass pruners with hardened blades and a locking catch, comfortable in large and small hands.",
					"tools", "steel"),
			product("P-0010", "Herb Seed Kit", "garden", "14.90",
					"Basil, parsley, chives, coriander and thyme seeds, with compostable pots and plant markers.",
					"seeds", "plants"),
			product("P-0011", "Garden Gloves", "garden", "12.00",
					"Breathable gloves with nitrile-coated palms that keep their grip on wet tools and thorny stems.",
					"tools", "textile"),
			product("P-0012", "Solar Lantern", "garden", "26.50",
					"A glass and metal lantern that charges by day and glows a warm white for up to eight hours "
							+ "at night.",
					"light", "solar"),
			product("P-0013", "Trail Backpack", "outdoors", "79.00",
					"A 28 litre daypack with a ventilated back panel, a padded hip belt and a sleeve "
							+ "for a water bladder.",
					"hiking", "bags"),
			product("P-0014", "Insulated Bottle", "outdoors", "24.00",
					"A double-walled steel bottle, 750 ml: cold drinks stay cold for a day, hot ones for half a day.",
					"steel", "drinks"),
			product("P-0015", "Camping Hammock", "outdoors", "39.90",
					"A parachute-nylon hammock that packs into its own pouch; tree straps included.", "camping",
					"rest"),
			product("P-0016", "Enamel Camp Mug", "outdoors", "9.90",
					"A speckled enamel-on-steel mug, 350 ml, equally at home on a camp stove and on a desk.", "camping",
					"drinks"),
			product("P-0017", "Headlamp", "outdoors", "21.50",
					"A rechargeable 300-lumen headlamp with a red night mode and a beam that tilts.", "light",
					"camping"),
			product("P-0018", "Picnic Blanket", "outdoors", "34.00",
					"A soft wool-blend blanket with a waterproof backing and a leather carrying strap.", "picnic",
					"textile"),
			product("P-0019", "Walnut Desk Organizer", "office", "44.00",
					"A solid walnut tray with slots for pens, cards and a phone, finished with natural oil.", "wood",
					"desk"),
			product("P-0020", "Notebook Set", "office", "16.50",
					"Three A5 notebooks, lined, dotted and blank, with lay-flat binding and 90 g paper.", "paper",
					"writing"),
			product("P-0021", "Fountain Pen", "office", "38.00",
					"A steel-nib fountain pen with a converter and cartridges, weighted for long writing sessions.",
					"writing", "ink"),
			product("P-0022", "Desk Lamp", "office", "52.00",
					"An articulated LED lamp that dims and shifts from warm to cool light; clamps on or stands "
							+ "on its base.",
					"light", "desk"),
			product("P-0023", "Felt Mouse Pad", "office", "11.90",
					"A wool felt pad, smooth to glide on and quiet under the hand.", "felt", "desk"),
			product("P-0024", "Brass Bookends", "office", "31.00",
					"A pair of heavy solid-brass bookends that keep a shelf of hardbacks upright.", "brass", "books"));

	private static final int FEATURED_PER_CATEGORY = 2;

	private OriginalCatalog() {
	}

	static List<Product> products() {
		return PRODUCTS;
	}

	/** The products the home page features: the first two of each category. */
	static Set<String> featured() {
		Map<String, List<String>> byCategory = new LinkedHashMap<>();
		PRODUCTS.stream()
			.sorted(Comparator.comparing(Product::id))
			.forEach((product) -> byCategory.computeIfAbsent(product.category(), (category) -> new ArrayList<>())
				.add(product.id()));
		return byCategory.values()
			.stream()
			.flatMap((ids) -> ids.stream().limit(FEATURED_PER_CATEGORY))
			.collect(Collectors.toUnmodifiableSet());
	}

	private static Product product(String id, String name, String category, String price, String description,
			String... tags) {
		List<String> allTags = new java.util.ArrayList<>();
		allTags.add(category);
		allTags.addAll(List.of(tags));
		return new Product(id, name, description, category, new BigDecimal(price), "USD",
				"product-" + id.toLowerCase(Locale.ROOT), allTags);
	}

}
