/**
 * The third tracer: Spring Boot's own OpenTelemetry support (Micrometer Observation and
 * its OpenTelemetry bridge, OTLP export) instead of the X-Ray SDK or the OpenTelemetry
 * Java agent. Off unless {@code shop.tracing.opentelemetry.enabled=true}; then it adds
 * what Boot does not bring and the shop's map needs: the AWS SDK's library
 * instrumentation, X-Ray propagation, X-Ray's sampling rules, callee names and the
 * semantic-convention attributes X-Ray reads. While off, Boot's OpenTelemetry
 * auto-configurations are filtered out altogether, so they neither trace nor export.
 */
package com.anycompany.shop.tracing.otel;
