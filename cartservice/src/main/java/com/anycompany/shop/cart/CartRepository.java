package com.anycompany.shop.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.anycompany.shop.constraints.Quantity;
import com.anycompany.shop.support.dynamodb.TableDefinition;
import com.anycompany.shop.clients.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Repository;

/**
 * Carts in DynamoDB, one item per cart (hash key {@code cartId}) holding its lines as a
 * list. Changes are read-modify-write guarded by a version number, so two requests
 * changing the same cart at once cannot lose each other's lines.
 */
@Repository
class CartRepository {

	private static final int MAX_ATTEMPTS = 5;

	private final DynamoDbClient dynamoDb;

	private final String table;

	CartRepository(DynamoDbClient dynamoDb, TableDefinition table) {
		this.dynamoDb = dynamoDb;
		this.table = table.name();
	}

	Cart find(String cartId) {
		return new Cart(cartId, load(cartId).items());
	}

	/** Adds to the product's line, or appends a new line. */
	Cart add(String cartId, String productId, int quantity) {
		return update(cartId, (items) -> {
			List<CartItem> changed = new ArrayList<>(items);
			int index = indexOf(changed, productId);
			if (index < 0) {
				if (changed.size() >= CartController.MAX_LINES) {
					throw new CartLimitException(
							"A cart holds at most " + CartController.MAX_LINES + " different products");
				}
				changed.add(new CartItem(productId, quantity));
			}
			else {
				int total = changed.get(index).quantity() + quantity;
				if (total > Quantity.MAX) {
					throw new CartLimitException("A cart line holds at most " + Quantity.MAX + " items; " + productId
							+ " would have " + total);
				}
				changed.set(index, new CartItem(productId, total));
			}
			return changed;
		});
	}

	Cart remove(String cartId, String productId) {
		return update(cartId, (items) -> items.stream().filter((item) -> !item.productId().equals(productId)).toList());
	}

	void delete(String cartId) {
		this.dynamoDb.deleteItem((request) -> request.tableName(this.table).key(key(cartId)));
	}

	private Cart update(String cartId, UnaryOperator<List<CartItem>> change) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			Stored stored = load(cartId);
			List<CartItem> items = change.apply(stored.items());
			if (items.equals(stored.items())) {
				// nothing to write (removing a product the cart does not hold)
				return new Cart(cartId, items);
			}
			PutItemRequest.Builder put = PutItemRequest.builder()
				.tableName(this.table)
				.item(Map.of("cartId", AttributeValue.fromS(cartId), "items", toAttribute(items), "version",
						AttributeValue.fromN(Long.toString(stored.version() + 1))));
			if (stored.version() == 0) {
				put.conditionExpression("attribute_not_exists(cartId)");
			}
			else {
				put.conditionExpression("version = :version")
					.expressionAttributeValues(
							Map.of(":version", AttributeValue.fromN(Long.toString(stored.version()))));
			}
			try {
				this.dynamoDb.putItem(put.build());
				return new Cart(cartId, items);
			}
			catch (ConditionalCheckFailedException changedMeanwhile) {
				// another request changed the cart since we read it: read again
			}
		}
		throw new ProblemException(HttpStatus.CONFLICT, "Cart changed meanwhile",
				"Cart " + cartId + " kept changing while this request updated it; try again.");
	}

	private Stored load(String cartId) {
		Map<String, AttributeValue> item = this.dynamoDb
			.getItem((request) -> request.tableName(this.table).key(key(cartId)).consistentRead(true))
			.item();
		if (item == null || item.isEmpty()) {
			return new Stored(List.of(), 0);
		}
		List<CartItem> items = item.get("items")
			.l()
			.stream()
			.map(AttributeValue::m)
			.map((line) -> new CartItem(line.get("productId").s(), Integer.parseInt(line.get("quantity").n())))
			.toList();
		return new Stored(items, Long.parseLong(item.get("version").n()));
	}

	private static AttributeValue toAttribute(List<CartItem> items) {
		return AttributeValue.fromL(items.stream()
			.map((item) -> AttributeValue.fromM(Map.of("productId", AttributeValue.fromS(item.productId()), "quantity",
					AttributeValue.fromN(Integer.toString(item.quantity())))))
			.toList());
	}

	private static Map<String, AttributeValue> key(String cartId) {
		return Map.of("cartId", AttributeValue.fromS(cartId));
	}

	private static int indexOf(List<CartItem> items, String productId) {
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).productId().equals(productId)) {
				return i;
			}
		}
		return -1;
	}

	private record Stored(List<CartItem> items, long version) {

	}

}
