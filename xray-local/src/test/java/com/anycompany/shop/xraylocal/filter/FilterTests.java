package com.anycompany.shop.xraylocal.filter;

import java.util.ArrayList;
import java.util.List;

import com.anycompany.shop.xraylocal.Json;
import com.anycompany.shop.xraylocal.TestTraces;
import com.anycompany.shop.xraylocal.store.TraceFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterTests {

	private static final TraceFacts ORDER = TestTraces.facts(TestTraces.order(Json.newTraceId(), 1000));

	private static final TraceFacts PRODUCT_OK = TestTraces
		.facts(TestTraces.product(Json.newTraceId(), 1000, "P-0042", false));

	private static final TraceFacts PRODUCT_DOWN = TestTraces
		.facts(TestTraces.product(Json.newTraceId(), 1000, "P-0007", true));

	private static final TraceFacts NOT_FOUND = TestTraces
		.facts(List.of(Json.segment("frontend", Json.newTraceId(), 1000, 2.5)
			.http("GET", "http://localhost:8080/product/nope", 404)
			.put("user", "bob")
			.annotation("Cached", false)
			.annotation("Items", 4)));

	private static final TraceFacts THROTTLED = TestTraces
		.facts(List.of(Json.segment("catalogservice", Json.newTraceId(), 1000, 0.2)
			.http("GET", "http://localhost:8081/api/v1/products", 200)
			.sub(Json.subsegment("DynamoDb", 1000.01, 0.1)
				.dynamo("ProductCatalog", "Scan")
				.put("throttle", true)
				.put("error", true))));

	private static final TraceFacts IN_PROGRESS = TestTraces
		.facts(List.of(Json.segment("frontend", Json.newTraceId(), 1000, 1).inProgress()));

	private static final List<TraceFacts> ALL = List.of(ORDER, PRODUCT_OK, PRODUCT_DOWN, NOT_FOUND, THROTTLED,
			IN_PROGRESS);

	private static final List<String> NAMES = List.of("order", "productOk", "productDown", "notFound", "throttled",
			"inProgress");

	private static String matching(String expression) {
		Filter filter = FilterParser.parse(expression);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < ALL.size(); i++) {
			if (TraceTarget.matches(filter, ALL.get(i))) {
				names.add(NAMES.get(i));
			}
		}
		return String.join(",", names);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "->",
			textBlock = """
					''                                                      -> order,productOk,productDown,notFound,throttled,inProgress
					ok                                                      -> order,productOk,inProgress
					!ok                                                     -> productDown,notFound,throttled
					NOT ok                                                  -> productDown,notFound,throttled
					fault                                                   -> productDown
					fault = true                                            -> productDown
					fault != true                                           -> order,productOk,notFound,throttled,inProgress
					error                                                   -> notFound,throttled
					throttle                                                -> throttled
					partial                                                 -> inProgress
					root AND !partial                                       -> order,productOk,productDown,notFound,throttled
					responsetime > 1                                        -> notFound
					responsetime >= 0.1 AND responsetime < 0.2              -> order,productOk,productDown
					duration < 0.11 AND !partial                             -> productOk,productDown
					http.status = 404                                       -> notFound
					http.status != 200                                      -> notFound
					http.method = "POST"                                    -> order
					http.url CONTAINS "/product/"                           -> productOk,productDown,notFound
					http.url BEGINSWITH "http://localhost:8080/cart"        -> order
					http.url ENDSWITH "P-0042"                              -> productOk
					user = "bob"                                            -> notFound
					name = "orderservice"                                   -> order
					annotation.ProductID                                    -> productOk,productDown
					annotation.ProductID = "P-0042"                         -> productOk
					annotation.ProductID != "P-0042"                        -> order,productDown,notFound,throttled,inProgress
					annotation.Items > 3                                    -> notFound
					annotation.Cached = false                               -> notFound
					annotation.OrderID BEGINSWITH "O-"                      -> order
					service("orderservice")                                 -> order
					service("OrderService")                                 -> order
					service("DynamoDB")                                     -> order,productOk,productDown,throttled
					service("Carts")                                        -> order
					service(id(name: "Orders", type: "AWS::DynamoDB::Table")) -> order
					service("ProductCatalog") { throttle }                  -> throttled
					service("catalogservice") { responsetime > 0.02 }       -> productOk,productDown,throttled
					service("recommenderservice") { fault }                 -> productDown
					service() { fault }                                     -> productDown
					edge("frontend", "recommenderservice") { fault }        -> productDown
					edge("frontend", "recommenderservice")                  -> productOk,productDown
					edge("orderservice", "cartservice") { http.status = 200 } -> order
					edge("catalogservice", "DynamoDB") { throttle }         -> throttled
					fault OR throttle                                       -> productDown,throttled
					ok AND (http.method = "POST" OR annotation.ProductID)   -> order,productOk
					!(ok OR error) AND root                                 -> productDown
					ok && http.method = "GET" || partial                    -> productOk,inProgress
					rootcause.fault.service                                 -> productDown
					rootcause.fault.service { name = "recommenderservice" } -> productDown
					rootcause.fault.service { inferred AND type = "remote" AND last } -> productDown
					rootcause.fault.service { first AND name = "frontend" } -> productDown
					rootcause.fault.entity { index = 1 AND remote }         -> productDown
					rootcause.error.service { name = "frontend" }           -> notFound
					rootcause.error.service { name = "ProductCatalog" AND index = 1 } -> throttled
					rootcause.ERROR.entity { last AND name = "DynamoDb" }   -> throttled
					rootcause.responsetime.service { last AND name = "Carts" } -> order
					rootcause.responsetime.entity { coverage > 0.8 AND coverage < 0.85 AND remote } -> order
					rootcause.responsetime.service { name = "recommenderservice" } -> productOk,productDown
					!rootcause.fault.service AND root                       -> order,productOk,notFound,throttled,inProgress
					""")
	void selectsTraces(String expression, String expected) {
		assertThat(matching(expression)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					responsetime >                       | 15 | expected a number after 'responsetime >', found the end of the expression
					responsetime > "slow"                | 16 | expected a number
					http.url > "x"                       | 10 | 'http.url' is a string
					responsetime CONTAINS 1              | 14 | 'responsetime' is a number
					fault = maybe                        | 9  | expected true or false
					speed > 1                            | 1  | unknown keyword 'speed'
					service("a"                          | 12 | expected ')' to close the '(' at position 8
					(ok AND fault                        | 14 | expected ')' to close the '(' at position 1
					ok fault                             | 4  | unexpected 'fault' after a complete condition
					http.url = "unterminated             | 12 | no closing double quote
					http.url = cart                      | 12 | strings need double quotes
					edge("a") { ok }                     | 9  | expected ',' between the two services
					service("a") { }                     | 16 | expected a condition inside { }
					ok AND                               | 7  | expected a condition
					http.status == 200                   | 13 | use = to compare, not ==
					ok # comment                         | 4  | unexpected character '#'
					group.name = "nope"                  | 14 | no group "nope"
					rootcause.fault.nope                 | 1  | unknown root cause keyword 'rootcause.fault.nope'
					rootcause.responsetime.exception     | 1  | unknown root cause keyword
					rootcause.fault.service { name = }   | 34 | expected a quoted string after 'name ='
					rootcause.fault.entity { coverage }  | 35 | expected an operator
					""")
	void reportsWhereAnExpressionIsWrong(String expression, int position, String message) {
		assertThatThrownBy(() -> FilterParser.parse(expression)).isInstanceOf(FilterException.class)
			.hasMessageContaining("position " + position + ":")
			.hasMessageContaining(message)
			.extracting("position")
			.isEqualTo(position);
	}

	@Test
	void rootCausesNameTheDeepestFailureWithItsExceptions() {
		Json toOrder = Json.subsegment("orderservice", 1000.01, 0.1).namespace("remote").put("fault", true);
		Json orders = Json.subsegment("DynamoDb", 1000.03, 0.01)
			.dynamo("Orders", "PutItem")
			.put("fault", true)
			.put("cause", java.util.Map.of("exceptions", List.of(java.util.Map.of("id", "0123456789abcdef", "type",
					"ResourceNotFoundException", "message", "Requested resource not found"))));
		String traceId = Json.newTraceId();
		TraceFacts failed = TestTraces.facts(List.of(
				Json.segment("frontend", traceId, 1000, 0.12)
					.http("POST", "http://localhost:8080/cart/order", 500)
					.sub(toOrder),
				Json.segment("orderservice", traceId, 1000.02, 0.05)
					.parent(toOrder.id())
					.http("POST", "http://localhost:8083/api/v1/order", 500)
					.sub(orders)));

		assertThat(failed.rootCauses().faults()).singleElement().satisfies((cause) -> {
			assertThat(cause.clientImpacting()).isTrue();
			assertThat(cause.services()).extracting((s) -> s.node().name())
				.containsExactly("frontend", "orderservice", "Orders");
			assertThat(cause.services().get(2).path()).singleElement().satisfies((e) -> {
				assertThat(e.remote()).isTrue();
				assertThat(e.exceptions()).extracting((t) -> t.name()).containsExactly("ResourceNotFoundException");
			});
		});
		assertThat(TraceTarget.matches(FilterParser.parse(
				"rootcause.fault.exception { last AND name = \"ResourceNotFoundException\" AND message CONTAINS \"not found\" }"),
				failed))
			.isTrue();
		assertThat(TraceTarget.matches(FilterParser.parse("rootcause.fault.message { message = \"other\" }"), failed))
			.isFalse();
		assertThat(TraceTarget.matches(FilterParser
			.parse("rootcause.fault.service { name = \"Orders\" AND type = \"AWS::DynamoDB::Table\" AND inferred }"),
				failed))
			.isTrue();
		assertThat(TraceTarget.matches(FilterParser.parse("rootcause.fault.exception"), ORDER)).isFalse();
	}

	@Test
	void groupFiltersCanBeReused() {
		FilterParser.Groups groups = new FilterParser.Groups() {
			@Override
			public String filterByName(String name) {
				return name.equals("checkout") ? "service(\"orderservice\")" : null;
			}
		};
		Filter filter = FilterParser.parse("group.name = \"checkout\" AND ok", groups);
		assertThat(TraceTarget.matches(filter, ORDER)).isTrue();
		assertThat(TraceTarget.matches(filter, PRODUCT_OK)).isFalse();
	}

	@Test
	void refusesRunawayNesting() {
		String deep = "(".repeat(200) + "ok" + ")".repeat(200);
		assertThatThrownBy(() -> FilterParser.parse(deep)).isInstanceOf(FilterException.class)
			.hasMessageContaining("nested more than");
	}

}
