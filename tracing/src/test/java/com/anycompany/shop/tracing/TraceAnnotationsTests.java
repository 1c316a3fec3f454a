package com.anycompany.shop.tracing;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the X-Ray SDK switched off (the OpenTelemetry agent traces the service), the
 * annotations become span attributes that X-Ray's OTLP ingestion indexes.
 */
class TraceAnnotationsTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final SdkTracerProvider tracers = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
		.build();

	@AfterEach
	void close() {
		RequestContextHolder.resetRequestAttributes();
		this.tracers.close();
	}

	@Test
	void withoutTheSdkAnnotationsAreSpanAttributesListedForXRay() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		Span span = this.tracers.get("test").spanBuilder("GET /product/{id}").startSpan();
		try (Scope scope = span.makeCurrent()) {
			TraceAnnotations annotations = TraceAnnotations.disabled();
			annotations.put("UserID", "c06ae68f");
			annotations.put("ProductID", "P-0001");
			annotations.put("Items", 3);
		}
		finally {
			span.end();
		}
		SpanData ended = this.exporter.getFinishedSpanItems().get(0);
		assertThat(ended.getAttributes().get(AttributeKey.stringKey("ProductID"))).isEqualTo("P-0001");
		assertThat(ended.getAttributes().get(AttributeKey.doubleKey("Items"))).isEqualTo(3.0);
		assertThat(ended.getAttributes().get(TraceAnnotations.INDEXED))
			.isEqualTo(List.of("UserID", "ProductID", "Items"));
	}

	@Test
	void outsideASpanNothingHappens() {
		TraceAnnotations.disabled().put("ProductID", "P-0001");
		assertThat(this.exporter.getFinishedSpanItems()).isEmpty();
	}

}
