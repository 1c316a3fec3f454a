package com.anycompany.shop.xraylocal.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The X-Ray API's response shapes. Members are written in UpperCamelCase (the
 * application's Jackson naming strategy) and null members are left out, as X-Ray does.
 */
final class XrayJson {

	private XrayJson() {
	}

	record ServiceGraphResult(double startTime, double endTime, List<Service> services,
			boolean containsOldGroupVersions) {
	}

	record TraceGraphResult(List<Service> services) {
	}

	record Service(int referenceId, String name, List<String> names, Boolean root, String type, String state,
			Double startTime, Double endTime, List<Edge> edges, Statistics summaryStatistics,
			List<HistogramEntry> durationHistogram, List<HistogramEntry> responseTimeHistogram) {
	}

	record Edge(int referenceId, double startTime, double endTime, Statistics summaryStatistics,
			List<HistogramEntry> responseTimeHistogram, List<Object> aliases) {
	}

	record Statistics(long okCount, ErrorStatistics errorStatistics, FaultStatistics faultStatistics, long totalCount,
			double totalResponseTime) {
	}

	record ErrorStatistics(long throttleCount, long otherCount, long totalCount) {
	}

	record FaultStatistics(long otherCount, long totalCount) {
	}

	record HistogramEntry(double value, int count) {
	}

	record TimeSeriesResult(List<TimeSeriesEntry> timeSeriesServiceStatistics, boolean containsOldGroupVersions,
			String nextToken) {
	}

	record TimeSeriesEntry(double timestamp, Statistics edgeSummaryStatistics, Statistics serviceSummaryStatistics,
			Forecast serviceForecastStatistics, List<HistogramEntry> responseTimeHistogram) {
	}

	record Forecast(long faultCountHigh, long faultCountLow) {
	}

	record TraceSummariesResult(List<TraceSummary> traceSummaries, double approximateTime, long tracesProcessedCount,
			String nextToken) {
	}

	record TraceSummary(String id, double startTime, double duration, double responseTime,
			@JsonProperty("HasFault") boolean hasFault, @JsonProperty("HasError") boolean hasError,
			@JsonProperty("HasThrottle") boolean hasThrottle, @JsonProperty("IsPartial") boolean isPartial, Http http,
			Map<String, List<ValueWithServiceIds>> annotations, List<User> users, List<ServiceId> serviceIds,
			@JsonProperty("ResourceARNs") List<ResourceArn> resourceArns, ServiceId entryPoint,
			List<RootCause> faultRootCauses, List<RootCause> errorRootCauses, List<RootCause> responseTimeRootCauses,
			int revision) {
	}

	/** FaultRootCause, ErrorRootCause and ResponseTimeRootCause share this shape. */
	record RootCause(List<RootCauseService> services, boolean clientImpacting) {
	}

	record RootCauseService(String name, List<String> names, String type, String accountId,
			List<RootCauseEntity> entityPath, boolean inferred) {
	}

	/** {@code Exceptions} for faults and errors, {@code Coverage} for response time. */
	record RootCauseEntity(String name, List<RootCauseException> exceptions, Double coverage, boolean remote) {
	}

	record RootCauseException(String name, String message) {
	}

	record Http(@JsonProperty("HttpURL") String httpUrl, Integer httpStatus, String httpMethod, String userAgent,
			String clientIp) {
	}

	record ValueWithServiceIds(AnnotationValue annotationValue, List<ServiceId> serviceIds) {
	}

	record AnnotationValue(Double numberValue, Boolean booleanValue, String stringValue) {
	}

	record User(String userName, List<ServiceId> serviceIds) {
	}

	/** {@code AccountId} only when the service's segments gave {@code aws.account_id}. */
	record ServiceId(String name, List<String> names, String accountId, String type) {
	}

	/** ResourceARNDetail. */
	record ResourceArn(@JsonProperty("ARN") String arn) {
	}

	record TracesResult(List<Trace> traces, List<String> unprocessedTraceIds) {
	}

	record Trace(String id, double duration, boolean limitExceeded, List<Segment> segments) {
	}

	record Segment(String id, String document) {
	}

	record PutResult(List<Unprocessed> unprocessedTraceSegments) {
	}

	record Unprocessed(String id, String errorCode, String message) {
	}

	record Group(String groupName, @JsonProperty("GroupARN") String groupArn, String filterExpression,
			InsightsConfiguration insightsConfiguration) {
	}

	record InsightsConfiguration(boolean insightsEnabled, boolean notificationsEnabled) {
	}

	record GroupResult(Group group) {
	}

	record GroupsResult(List<Group> groups) {
	}

}
