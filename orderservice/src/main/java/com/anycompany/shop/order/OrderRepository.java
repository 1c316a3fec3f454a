package com.anycompany.shop.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.anycompany.shop.support.dynamodb.TableDefinition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import org.springframework.stereotype.Repository;

/**
 * Orders in DynamoDB (hash key {@code orderId}), one item each, written only if no order
 * with the id exists yet.
 */
@Repository
class OrderRepository {

	private final DynamoDbClient dynamoDb;

	private final String table;

	OrderRepository(DynamoDbClient dynamoDb, TableDefinition table) {
		this.dynamoDb = dynamoDb;
		this.table = table.name();
	}

	Optional<Order> findById(String orderId) {
		Map<String, AttributeValue> item = this.dynamoDb
			.getItem((request) -> request.tableName(this.table).key(Map.of("orderId", s(orderId))).consistentRead(true))
			.item();
		return (item == null || item.isEmpty()) ? Optional.empty() : Optional.of(toOrder(item));
	}

	/**
	 * Stores the order unless one with its id is already there.
	 * @return false when an order with this id existed (this one was not written)
	 */
	boolean create(Order order) {
		try {
			this.dynamoDb.putItem((request) -> request.tableName(this.table)
				.item(toItem(order))
				.conditionExpression("attribute_not_exists(orderId)"));
			return true;
		}
		catch (ConditionalCheckFailedException alreadyPlaced) {
			return false;
		}
	}

	private static Map<String, AttributeValue> toItem(Order order) {
		Map<String, AttributeValue> item = new HashMap<>();
		item.put("orderId", s(order.orderId()));
		item.put("idempotencyKey", s(order.idempotencyKey()));
		item.put("cartId", s(order.cartId()));
		item.put("customer",
				AttributeValue.fromM(Map.of("name", s(order.customer().name()), "email", s(order.customer().email()))));
		item.put("shipping",
				AttributeValue.fromM(Map.of("street", s(order.shipping().street()), "city", s(order.shipping().city()),
						"postalCode", s(order.shipping().postalCode()), "country", s(order.shipping().country()))));
		item.put("lines", AttributeValue.fromL(order.lines().stream().map(OrderRepository::toAttribute).toList()));
		item.put("total", n(order.total()));
		item.put("currency", s(order.currency()));
		item.put("status", s(order.status()));
		item.put("createdAt", s(order.createdAt().toString()));
		return item;
	}

	private static AttributeValue toAttribute(OrderLine line) {
		return AttributeValue.fromM(Map.of("productId", s(line.productId()), "name", s(line.name()), "unitPrice",
				n(line.unitPrice()), "quantity", AttributeValue.fromN(Integer.toString(line.quantity())), "lineTotal",
				n(line.lineTotal())));
	}

	private static Order toOrder(Map<String, AttributeValue> item) {
		Map<String, AttributeValue> customer = item.get("customer").m();
		Map<String, AttributeValue> shipping = item.get("shipping").m();
		List<OrderLine> lines = item.get("lines")
			.l()
			.stream()
			.map(AttributeValue::m)
			.map(OrderRepository::toLine)
			.toList();
		return new Order(item.get("orderId").s(), item.get("idempotencyKey").s(), item.get("cartId").s(),
				new OrderRequest.Customer(customer.get("name").s(), customer.get("email").s()),
				new OrderRequest.Shipping(shipping.get("street").s(), shipping.get("city").s(),
						shipping.get("postalCode").s(), shipping.get("country").s()),
				lines, money(item.get("total")), item.get("currency").s(), item.get("status").s(),
				Instant.parse(item.get("createdAt").s()));
	}

	private static OrderLine toLine(Map<String, AttributeValue> line) {
		return new OrderLine(line.get("productId").s(), line.get("name").s(), money(line.get("unitPrice")),
				Integer.parseInt(line.get("quantity").n()), money(line.get("lineTotal")));
	}

	/**
	 * DynamoDB normalises numbers (69.80 comes back as 69.8): money keeps two decimals.
	 */
	private static BigDecimal money(AttributeValue value) {
		return new BigDecimal(value.n()).setScale(2, RoundingMode.HALF_UP);
	}

	private static AttributeValue n(BigDecimal value) {
		return AttributeValue.fromN(value.toPlainString());
	}

	private static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

}
