package com.anycompany.shop.xraylocal.ingest;

import java.nio.charset.StandardCharsets;

import com.anycompany.shop.xraylocal.Json;
import com.anycompany.shop.xraylocal.store.Doc;
import com.anycompany.shop.xraylocal.store.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentParserTests {

	private final SegmentParser parser = new SegmentParser();

	private final String traceId = Json.newTraceId();

	private Doc parse(String datagram) throws Rejection {
		byte[] bytes = datagram.getBytes(StandardCharsets.UTF_8);
		return this.parser.parseDatagram(bytes, 0, bytes.length);
	}

	private String reason(String datagram) {
		try {
			parse(datagram);
		}
		catch (Rejection ex) {
			return ex.reason();
		}
		throw new AssertionError("accepted: " + datagram);
	}

	@Test
	void readsWhatTheGraphAndTheFiltersNeed() throws Rejection {
		Json call = Json.subsegment("DynamoDb", 100.1, 0.2).dynamo("ProductCatalog", "GetItem");
		Json segment = Json.segment("catalogservice", this.traceId, 100, 0.5)
			.parent("0123456789abcdef")
			.put("origin", "AWS::EKS::Container")
			.put("user", "alice")
			.http("GET", "http://catalog/api/v1/products", 503)
			.annotation("ProductID", "P-0042")
			.annotation("Count", 3)
			.annotation("Cached", true)
			.put("metadata", java.util.Map.of("debug", java.util.Map.of("k", "v")))
			.sub(call);

		Doc doc = parse(segment.datagram());

		assertThat(doc.traceId()).isEqualTo(this.traceId);
		assertThat(doc.hasParent()).isTrue();
		assertThat(doc.parentId()).isEqualTo(0x0123456789abcdefL);
		assertThat(doc.independent()).isFalse();
		assertThat(doc.raw()).isEqualTo(segment.json());
		Entity e = doc.entity();
		assertThat(e.name).isEqualTo("catalogservice");
		assertThat(e.origin).isEqualTo("AWS::EKS::Container");
		assertThat(e.user).isEqualTo("alice");
		assertThat(e.httpMethod).isEqualTo("GET");
		assertThat(e.httpUrl).isEqualTo("http://catalog/api/v1/products");
		assertThat(e.httpStatus).isEqualTo(503);
		assertThat(e.flags).isEqualTo(Entity.FAULT);
		assertThat(e.duration()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(e.annotations).containsEntry("ProductID", "P-0042")
			.containsEntry("Count", 3.0)
			.containsEntry("Cached", true);
		assertThat(e.children).hasSize(1);
		assertThat(e.children[0].namespace).isEqualTo("aws");
		assertThat(e.children[0].awsTable).isEqualTo("ProductCatalog");
		assertThat(e.children[0].awsOperation).isEqualTo("GetItem");
	}

	@Test
	void acceptsAnyWhitespaceInTheHeader() throws Rejection {
		String body = Json.segment("a", this.traceId, 1, 1).json();
		assertThat(parse("{ \"version\" : 1 ,\t\"format\":\"json\" }\n" + body).entity().name).isEqualTo("a");
	}

	@Test
	void readsContentLengthAndStatusGivenAsStrings() throws Rejection {
		String body = "{\"name\":\"a\",\"id\":\"0000000000000001\",\"trace_id\":\"" + this.traceId
				+ "\",\"start_time\":1,\"end_time\":2,\"http\":{\"response\":{\"status\":\"404\",\"content_length\":\"12\"}}}";
		Entity e = parse(Json.HEADER + body).entity();
		assertThat(e.httpStatus).isEqualTo(404);
		assertThat(e.effectiveFlags()).isEqualTo(Entity.ERROR);
	}

	@Test
	void anInProgressSegmentNeedsNoEndTime() throws Rejection {
		Doc doc = parse(Json.segment("a", this.traceId, 1, 1).inProgress().datagram());
		assertThat(doc.inProgress()).isTrue();
		assertThat(doc.entity().endTime).isNaN();
	}

	@Test
	void anIndependentSubsegmentKeepsItsParent() throws Rejection {
		Doc doc = parse(Json.subsegment("DynamoDb", 1, 1).independent(this.traceId, "00000000000000ff").datagram());
		assertThat(doc.independent()).isTrue();
		assertThat(doc.parentId()).isEqualTo(0xffL);
	}

	@Test
	void readsADocumentWithoutHeaderForTheApi() throws Rejection {
		assertThat(this.parser.parseDocument(Json.segment("a", this.traceId, 1, 1).json()).traceId())
			.isEqualTo(this.traceId);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			no newline                | {"format": "json", "version": 1}                    | missing_header
			header not json           | {format json}\\n{}                                  | bad_header
			wrong format              | {"format": "xml", "version": 1}\\n{}                | bad_header
			wrong version             | {"format": "json", "version": 2}\\n{}               | bad_header
			empty body                | {"format": "json", "version": 1}\\n                 | empty_document
			not an object             | {"format": "json", "version": 1}\\n[1,2]            | malformed_json
			truncated                 | {"format": "json", "version": 1}\\n{"name": "a", "i | malformed_json
			""")
	void rejectsBadFraming(String what, String datagram, String reason) {
		assertThat(reason(datagram.replace("\\n", "\n"))).isEqualTo(reason);
	}

	@Test
	void rejectsMissingOrInvalidFieldsByName() {
		assertThat(reason(Json.segment("a", this.traceId, 1, 1).put("name", null).datagram()))
			.isEqualTo("missing_name");
		assertThat(reason(Json.segment("x".repeat(201), this.traceId, 1, 1).datagram())).isEqualTo("invalid_name");
		assertThat(reason(Json.segment("a", this.traceId, 1, 1).put("id", null).datagram())).isEqualTo("missing_id");
		assertThat(reason(Json.segment("a", this.traceId, 1, 1).id("xyz").datagram())).isEqualTo("invalid_id");
		assertThat(reason(Json.segment("a", null, 1, 1).datagram())).isEqualTo("missing_trace_id");
		assertThat(reason(Json.segment("a", "1-abc-def", 1, 1).datagram())).isEqualTo("invalid_trace_id");
		assertThat(reason(Json.segment("a", this.traceId, 1, 1).put("start_time", "soon").datagram()))
			.isEqualTo("missing_start_time");
		assertThat(reason(Json.segment("a", this.traceId, 1, 1).put("end_time", null).datagram()))
			.isEqualTo("missing_end_time");
		assertThat(
				reason(Json.subsegment("a", 1, 1).put("type", "subsegment").put("trace_id", this.traceId).datagram()))
			.isEqualTo("missing_parent_id");
		assertThat(reason(Json.segment("a", this.traceId, 1, 1).parent("nothex").datagram()))
			.isEqualTo("invalid_parent_id");
		assertThat(reason(
				Json.segment("a", this.traceId, 1, 1).sub(Json.subsegment("b", 1, 1).put("id", null)).datagram()))
			.isEqualTo("invalid_subsegment");
	}

	@Test
	void rejectsSubsegmentsNestedTooDeep() {
		Json innermost = Json.subsegment("leaf", 1, 1);
		Json current = innermost;
		for (int i = 0; i < SegmentParser.MAX_DEPTH + 1; i++) {
			current = Json.subsegment("level" + i, 1, 1).sub(current);
		}
		Json segment = Json.segment("a", this.traceId, 1, 1).sub(current);
		assertThat(reason(segment.datagram())).isEqualTo("too_deep");
	}

	@Test
	void rejectsDocumentsOverTheSizeLimit() {
		String big = Json.segment("a", this.traceId, 1, 1)
			.put("metadata", java.util.Map.of("x", "y".repeat(70_000)))
			.json();
		assertThatThrownBy(() -> this.parser.parseDocument(big)).isInstanceOf(Rejection.class)
			.extracting("reason")
			.isEqualTo("too_large");
	}

	@Test
	void ignoresTheTypesOfFieldsItDoesNotUse() throws Rejection {
		Doc doc = parse(Json.segment("a", this.traceId, 1, 1)
			.put("http", "not an object")
			.put("aws", java.util.List.of(1, 2))
			.put("annotations", java.util.Map.of("nested", java.util.Map.of("a", 1), "ok", "yes"))
			.put("subsegments", "none")
			.datagram());
		assertThat(doc.entity().annotations).containsOnlyKeys("ok");
		assertThat(doc.entity().children).isEmpty();
	}

}
