package com.anycompany.shop.xraylocal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import com.anycompany.shop.xraylocal.filter.FilterException;
import com.anycompany.shop.xraylocal.filter.FilterParser;
import com.anycompany.shop.xraylocal.filter.TraceTarget;
import com.anycompany.shop.xraylocal.ingest.Ingest;
import com.anycompany.shop.xraylocal.ingest.Rejection;
import com.anycompany.shop.xraylocal.ingest.SegmentParser;
import com.anycompany.shop.xraylocal.store.TraceFacts;
import com.anycompany.shop.xraylocal.store.TraceStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random, truncated and mutated input for the two parsers: each either parses or refuses
 * with its own exception; nothing else may escape, and ingest keeps counting.
 */
class ParserFuzzTests {

	private static final long SEED = 20261125L;

	private final SegmentParser parser = new SegmentParser();

	private final Random random = new Random(SEED);

	private final List<String> validDatagrams = List.of(TestTraces.order(Json.newTraceId(), 1000).get(1).datagram(),
			TestTraces.product(Json.newTraceId(), 1000, "P-1", true).get(0).datagram(),
			Json.subsegment("DynamoDb", 1, 1)
				.dynamo("T", "Query")
				.independent(Json.newTraceId(), Json.newId())
				.datagram(),
			Json.segment("a", Json.newTraceId(), 1, 1).inProgress().annotation("k", 1).datagram());

	/**
	 * Parses, returning the rejection reason or "ok"; fails the test on anything else.
	 */
	private String parse(byte[] data) {
		try {
			this.parser.parseDatagram(data, 0, data.length);
			return "ok";
		}
		catch (Rejection ex) {
			assertThat(ex.reason()).isNotBlank();
			return ex.reason();
		}
	}

	@Test
	void everyTruncationOfAValidDatagramIsRejectedCleanly() {
		for (String datagram : this.validDatagrams) {
			byte[] bytes = datagram.getBytes(StandardCharsets.UTF_8);
			for (int length = 0; length < bytes.length; length++) {
				byte[] cut = java.util.Arrays.copyOf(bytes, length);
				String outcome = parse(cut);
				// only a cut after the closing brace (nothing is after it) could still be
				// a document
				assertThat(outcome).as("cut at %d of %s", length, datagram).isNotEqualTo("ok");
			}
			assertThat(parse(bytes)).isEqualTo("ok");
		}
	}

	@Test
	void randomBytesNeverEscapeAsExceptions() {
		for (int i = 0; i < 10_000; i++) {
			byte[] data = new byte[this.random.nextInt(300)];
			this.random.nextBytes(data);
			if (i % 2 == 0 && data.length > 0) {
				// a valid header in front makes the parser reach the document
				byte[] header = Json.HEADER.getBytes(StandardCharsets.US_ASCII);
				byte[] framed = new byte[header.length + data.length];
				System.arraycopy(header, 0, framed, 0, header.length);
				System.arraycopy(data, 0, framed, header.length, data.length);
				data = framed;
			}
			parse(data);
		}
	}

	@Test
	void mutatedDatagramsNeverEscapeAsExceptions() {
		String alphabet = "{}[]\":,\\\n 0123456789.-eEtruefalsnl";
		int accepted = 0;
		for (int i = 0; i < 10_000; i++) {
			byte[] bytes = this.validDatagrams.get(i % this.validDatagrams.size()).getBytes(StandardCharsets.UTF_8);
			int mutations = 1 + this.random.nextInt(4);
			for (int m = 0; m < mutations; m++) {
				int at = this.random.nextInt(bytes.length);
				bytes[at] = (this.random.nextBoolean()) ? (byte) alphabet.charAt(this.random.nextInt(alphabet.length()))
						: (byte) this.random.nextInt(256);
			}
			if (parse(bytes).equals("ok")) {
				accepted++;
			}
		}
		// some mutations hit unread fields and leave a valid document: both paths are
		// exercised
		assertThat(accepted).isPositive().isLessThan(10_000);
	}

	@Test
	void ingestCountsEveryBadDatagramAndKeepsGoing() {
		TraceStore store = new TraceStore(new TraceStore.Limits(100, 1000, 1_000_000, 100, 3_600_000),
				java.time.Clock.systemUTC());
		Ingest ingest = new Ingest(this.parser, store);
		for (int i = 0; i < 5_000; i++) {
			byte[] data = new byte[this.random.nextInt(200)];
			this.random.nextBytes(data);
			ingest.datagram(data, 0, data.length);
		}
		byte[] good = this.validDatagrams.get(0).getBytes(StandardCharsets.UTF_8);
		ingest.datagram(good, 0, good.length);
		assertThat(ingest.accepted()).isEqualTo(1);
		assertThat(ingest.rejectedTotal()).isEqualTo(5_000);
		assertThat(ingest.rejected()).doesNotContainKey("internal_error");
		assertThat(store.stats().traces()).isEqualTo(1);
	}

	@Test
	void filterParserRefusesGarbageWithAPosition() {
		String[] words = { "ok", "fault", "error", "AND", "OR", "NOT", "!", "(", ")", "{", "}", ",", ":", "=", "!=",
				"<", ">=", "CONTAINS", "responsetime", "http.url", "http.status", "annotation.X", "service", "edge",
				"id", "name", "\"a\"", "\"", "1.5", "-2", "true", "false", "group.name", "#", "\\", "é", "1e", "==",
				"&&", "||", "rootcause.fault.service", "rootcause.responsetime.entity", "rootcause.error", "last",
				"coverage", "message", "remote" };
		TraceFacts facts = TestTraces.facts(TestTraces.product(Json.newTraceId(), 1000, "P-1", true));
		int valid = 0;
		for (int i = 0; i < 10_000; i++) {
			StringBuilder expression = new StringBuilder();
			int length = 1 + this.random.nextInt(12);
			for (int w = 0; w < length; w++) {
				expression.append(words[this.random.nextInt(words.length)]);
				if (this.random.nextInt(3) > 0) {
					expression.append(' ');
				}
			}
			String text = expression.toString();
			try {
				TraceTarget.matches(FilterParser.parse(text), facts);
				valid++;
			}
			catch (FilterException ex) {
				assertThat(ex.position()).as(text).isBetween(1, text.length() + 1);
			}
		}
		assertThat(valid).isPositive();
	}

	@Test
	void everyTruncationOfAValidFilterParsesOrFailsWithAPosition() {
		List<String> expressions = List.of("service(\"catalogservice\") { fault AND responsetime > 0.5 }",
				"edge(\"frontend\", id(name: \"Orders\", type: \"AWS::DynamoDB::Table\")) { !ok }",
				"annotation.ProductID = \"P-0042\" OR (http.url CONTAINS \"/cart\" AND http.status >= 400)",
				"rootcause.fault.entity { last AND remote AND name = \"DynamoDb\" } OR rootcause.responsetime.service");
		for (String expression : expressions) {
			for (int length = 0; length <= expression.length(); length++) {
				String cut = expression.substring(0, length);
				try {
					FilterParser.parse(cut);
				}
				catch (FilterException ex) {
					assertThat(ex.position()).as(cut).isBetween(1, cut.length() + 1);
				}
			}
			FilterParser.parse(expression);
		}
	}

}
