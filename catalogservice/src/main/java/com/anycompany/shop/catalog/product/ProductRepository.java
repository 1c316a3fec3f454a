package com.anycompany.shop.catalog.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.anycompany.shop.support.dynamodb.TableDefinition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import org.springframework.stereotype.Repository;

/**
 * Products in the DynamoDB table (hash key {@code id}). The catalog is small, so listing
 * scans the table; the order the shop shows is by id.
 */
@Repository
class ProductRepository {

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

	List<Product> findAll() {
		return scan(ScanRequest.builder().tableName(this.table).build());
	}

	List<Product> findByCategory(String category) {
		return scan(ScanRequest.builder()
			.tableName(this.table)
			.filterExpression("#category = :category")
			.expressionAttributeNames(Map.of("#category", "category"))
			.expressionAttributeValues(Map.of(":category", s(category)))
			.build());
	}

	/** The categories that hold at least one product, sorted. */
	List<String> categories() {
		ScanRequest request = ScanRequest.builder()
			.tableName(this.table)
			.projectionExpression("#category")
			.expressionAttributeNames(Map.of("#category", "category"))
			.build();
		TreeSet<String> categories = new TreeSet<>();
		this.dynamoDb.scanPaginator(request).items().forEach((item) -> categories.add(item.get("category").s()));
		return List.copyOf(categories);
	}

	boolean isEmpty() {
		return this.dynamoDb.scan((request) -> request.tableName(this.table).limit(1)).count() == 0;
	}

	void saveAll(List<Product> products) {
		for (int start = 0; start < products.size(); start += BATCH_SIZE) {
			List<WriteRequest> writes = products.subList(start, Math.min(start + BATCH_SIZE, products.size()))
				.stream()
				.map((product) -> WriteRequest.builder()
					.putRequest(PutRequest.builder().item(toItem(product)).build())
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

	private List<Product> scan(ScanRequest request) {
		List<Product> products = new ArrayList<>();
		this.dynamoDb.scanPaginator(request).items().forEach((item) -> products.add(toProduct(item)));
		products.sort(Comparator.comparing(Product::id));
		return products;
	}

	private static Map<String, AttributeValue> toItem(Product product) {
		Map<String, AttributeValue> item = new HashMap<>();
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
