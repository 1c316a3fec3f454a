package com.anycompany.shop.support.dynamodb;

import java.util.List;

import org.springframework.util.Assert;

/**
 * A DynamoDB table a service owns, keyed by a single string hash key. A service declares
 * each of its tables as a bean; this module then creates the table when it is missing
 * (while {@code shop.dynamodb.create-tables} allows it), waits until it is ACTIVE before
 * the service takes traffic, and reports it in the readiness check. Repositories inject
 * the bean for the table's {@link #name()}.
 *
 * <pre>
 * &#64;Bean
 * TableDefinition cartTable(&#64;Value("${shop.cart.table}") String name) {
 *     return new TableDefinition(name, "cartId");
 * }
 * </pre>
 *
 * @param name the table's name
 * @param hashKey the name of its hash (partition) key, a string attribute
 * @param indexes its global secondary indexes (created with the table, all attributes
 * projected)
 */
public record TableDefinition(String name, String hashKey, List<Index> indexes) {

	public TableDefinition {
		Assert.hasText(name, "A table needs a name");
		Assert.hasText(hashKey, "A table needs a hash key");
		indexes = List.copyOf(indexes);
	}

	public TableDefinition(String name, String hashKey) {
		this(name, hashKey, List.of());
	}

	/**
	 * A global secondary index keyed by string attributes.
	 *
	 * @param name the index's name
	 * @param hashKey its partition key
	 * @param rangeKey its sort key
	 */
	public record Index(String name, String hashKey, String rangeKey) {

		public Index {
			Assert.hasText(name, "An index needs a name");
			Assert.hasText(hashKey, "An index needs a hash key");
			Assert.hasText(rangeKey, "An index needs a sort key");
		}

	}

}
