package com.anycompany.shop.xraylocal.query;

import java.time.Clock;
import java.util.List;

import com.anycompany.shop.xraylocal.Json;
import com.anycompany.shop.xraylocal.TestTraces;
import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.filter.FilterParser;
import com.anycompany.shop.xraylocal.ingest.Rejection;
import com.anycompany.shop.xraylocal.ingest.SegmentParser;
import com.anycompany.shop.xraylocal.store.TraceStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnnotationValuesTests {

	@Test
	void theMostFrequentValuesOfEachKeyFirstAndAtMostTheTopN() throws Rejection {
		TraceStore store = new TraceStore(new TraceStore.Limits(1000, 100_000, 100_000_000, 1000, 3_600_000),
				Clock.systemUTC());
		SegmentParser parser = new SegmentParser();
		double now = 1_800_000_000;
		// P-0000 on one page, P-0001 on two, ... P-0011 on twelve
		for (int product = 0; product < 12; product++) {
			for (int i = 0; i <= product; i++) {
				for (Json json : TestTraces.product(Json.newTraceId(), now + i, String.format("P-%04d", product),
						false)) {
					store.add(parser.parseDocument(json.json()));
				}
			}
		}
		for (Json json : TestTraces.order(Json.newTraceId(), now)) {
			store.add(parser.parseDocument(json.json()));
		}
		AnnotationValues values = new AnnotationValues(new TraceQuery(store));
		List<AnnotationValues.Key> keys = values.of(now - 60, now + 60, Filter.ALL, 10);

		assertThat(keys).extracting(AnnotationValues.Key::key).containsExactly("OrderID", "ProductID", "UserID");
		AnnotationValues.Key product = keys.get(1);
		assertThat(product.traces()).isEqualTo(78);
		assertThat(product.values()).hasSize(10);
		assertThat(product.values().get(0)).isEqualTo(new AnnotationValues.Value("P-0011", 12));
		assertThat(product.values().get(9)).isEqualTo(new AnnotationValues.Value("P-0002", 3));

		// narrowed by a filter: only the order's keys
		List<AnnotationValues.Key> orders = values.of(now - 60, now + 60,
				FilterParser.parse("service(\"orderservice\")"), 10);
		assertThat(orders).extracting(AnnotationValues.Key::key).containsExactly("OrderID", "UserID");
	}

}
