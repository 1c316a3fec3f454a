package com.anycompany.shop.catalog.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.anycompany.shop.support.dynamodb.TableDefinition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import org.springframework.stereotype.Repository;

/**
 * Products in the DynamoDB table (hash key {@code id}), read the way DynamoDB is meant to
 * be read: by key ({@code GetItem}) or through a global secondary index ({@code Query}),
 * never by scanning the table on a request.
 * <ul>
 * <li>{@value #CATEGORY_INDEX} (category, id): the products of one category, in id
 * order.</li>
 * <li>{@value #FEATURED_INDEX} (featured, id): a sparse index holding only the products
 * the home page features, so the home page costs one Query.</li>
 * </ul>
 * The list of categories changes only when the catalog does, so it is not read per
 * request either: {@link CategoryIndex} keeps it, refreshed in the background.
 */
@Repository
class ProductRepository {

	static final String CATEGORY_INDEX = "CategoryIndex";

	static final String FEATURED_INDEX = "FeaturedIndex";

	/** The value of the {@code featured} attribute of the home page's products. */
	static final String FEATURED_ON_HOME = "home";

	/** DynamoDB's limit for one BatchWriteItem call. */
	private static final int BATCH_SIZE = 25;

	private final DynamoDbClient dynamoDb;

	private final String table;

	ProductRepository(DynamoDbClient dynamoDb, TableDefinition table) {
		this.dynamoDb = dynamoDb;
		this.table = table.name();
	}

	Optional<Product> findById(String id) {
		Map<String, AttributeValue> item = this.dynamoDb
			.getItem((request) -> request.tableName(this.table).key(Map.of("id", s(id))))
			.item();
		return (item == null || item.isEmpty()) ? Optional.empty() : Optional.of(toProduct(item));
	}

	/** One Query on the category index. */
	List<Product> findByCategory(String category) {
		return query(CATEGORY_INDEX, "category", category);
	}

	/** One Query on the sparse featured index. */
	List<Product> findFeatured() {
		return query(FEATURED_INDEX, "featured", FEATURED_ON_HOME);
	}

	/** One Query per category, sorted by id (the catalog page lists everything). */
	List<Product> findAll(List<String> categories) {
		List<Product> products = new ArrayList<>();
		categories.forEach((category) -> products.addAll(findByCategory(category)));
		products.sort(Comparator.comparing(Product::id));
		return products;
	}

	/**
	 * The categories that hold at least one product, sorted. Reads only the category
	 * attribute of every item: meant for the background refresh, never for a request.
	 */
	List<String> readCategories() {
		ScanRequest request = ScanRequest.builder()
			.tableName(this.table)
			.projectionExpression("#category")
			.expressionAttributeNames(Map.of("#category", "category"))
			.build();
		TreeSet<String> categories = new TreeSet<>();
		this.dynamoDb.scanPaginator(request).items().forEach((item) -> categories.add(item.get("category").s()));
		return List.copyOf(categories);
	}

	/** At start-up, before seeding. */
	boolean isEmpty() {
		return this.dynamoDb.scan((request) -> request.tableName(this.table).limit(1)).count() == 0;
	}

	/** Writes the products; those in {@code featured} are marked for the home page. */
	void saveAll(List<Product> products, Set<String> featured) {
		for (int start = 0; start < products.size(); start += BATCH_SIZE) {
			List<WriteRequest> writes = products.subList(start, Math.min(start + BATCH_SIZE, products.size()))
				.stream()
				.map((product) -> WriteRequest.builder()
					.putRequest(PutRequest.builder().item(toItem(product, featured.contains(product.id()))).build())
					.build())
				.toList();
			Map<String, List<WriteRequest>> pending = Map.of(this.table, writes);
			// DynamoDB may accept a batch only in part; send the rest again
			while (!pending.isEmpty()) {
				Map<String, List<WriteRequest>> batch = pending;
				BatchWriteItemResponse response = this.dynamoDb
					.batchWriteItem((request) -> request.requestItems(batch));
				pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
			}
		}
	}

	private List<Product> query(String index, String attribute, String value) {
		QueryRequest request = QueryRequest.builder()
			.tableName(this.table)
			.indexName(index)
			.keyConditionExpression("#key = :value")
			.expressionAttributeNames(Map.of("#key", attribute))
			.expressionAttributeValues(Map.of(":value", s(value)))
			.build();
		List<Product> products = new ArrayList<>();
		// the index's sort key is the id: pages come back in id order
		this.dynamoDb.queryPaginator(request).items().forEach((item) -> products.add(toProduct(item)));
		return products;
	}

	private static Map<String, AttributeValue> toItem(Product product, boolean featured) {
		Map<String, AttributeValue> item = new HashMap<>();
		if (featured) {
			item.put("featured", s(FEATURED_ON_HOME));
		}
		item.put("id", s(product.id()));
		item.put("name", s(product.name()));
		item.put("description", s(product.description()));
		item.put("category", s(product.category()));
		item.put("price", AttributeValue.fromN(product.price().toPlainString()));
		item.put("currency", s(product.currency()));
		item.put("image", s(product.image()));
		item.put("tags", AttributeValue.fromL(product.tags().stream().map(ProductRepository::s).toList()));
		return item;
	}

	private static Product toProduct(Map<String, AttributeValue> item) {
		// DynamoDB normalises numbers (34.90 comes back as 34.9): prices keep two
		// decimals
		BigDecimal price = new BigDecimal(item.get("price").n()).setScale(2, RoundingMode.HALF_UP);
		List<String> tags = item.containsKey("tags") ? item.get("tags").l().stream().map(AttributeValue::s).toList()
				: List.of();
		return new Product(item.get("id").s(), item.get("name").s(), item.get("description").s(),
				item.get("category").s(), price, item.get("currency").s(), item.get("image").s(), tags);
	}

	private static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

}
