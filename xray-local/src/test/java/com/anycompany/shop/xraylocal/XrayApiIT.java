package com.anycompany.shop.xraylocal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.EncryptionStatus;
import software.amazon.awssdk.services.xray.model.EncryptionType;
import software.amazon.awssdk.services.xray.model.GetInsightResponse;
import software.amazon.awssdk.services.xray.model.InsightState;
import software.amazon.awssdk.services.xray.model.InsightSummary;
import software.amazon.awssdk.services.xray.model.InvalidPolicyRevisionIdException;
import software.amazon.awssdk.services.xray.model.InvalidRequestException;
import software.amazon.awssdk.services.xray.model.ListRetrievedTracesResponse;
import software.amazon.awssdk.services.xray.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.xray.model.ResourceNotFoundException;
import software.amazon.awssdk.services.xray.model.RetrievalStatus;
import software.amazon.awssdk.services.xray.model.RuleLimitExceededException;
import software.amazon.awssdk.services.xray.model.SamplingRule;
import software.amazon.awssdk.services.xray.model.SamplingRuleRecord;
import software.amazon.awssdk.services.xray.model.SamplingStatisticsDocument;
import software.amazon.awssdk.services.xray.model.Tag;
import software.amazon.awssdk.services.xray.model.TraceFormatType;
import software.amazon.awssdk.services.xray.model.TraceSegmentDestination;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The X-Ray operations xray-local added beyond traces and graphs, called through the AWS
 * SDK for Java's {@code XRayClient}: sampling rules managed, insights found in real
 * traces (periods of 2 s here), tags, encryption, resource policies, telemetry, trace
 * retrieval and indexing; each with the errors X-Ray answers for bad input. The last test
 * calls every one of them again through the AWS CLI, with the parameters its reference
 * shows.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "xray.local.udp-port=0", "xray.local.otlp.enabled=false", "xray.local.insights.period=2s",
				"xray.local.insights.history=3", "xray.local.insights.default-group=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XrayApiIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private XRayClient xray;

	/** The insight the outage test saw open and close. */
	private String insightId;

	@BeforeAll
	void client() {
		this.xray = XRayClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + this.port))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	@AfterAll
	void close() {
		this.xray.close();
	}

	static SamplingRule.Builder rule(String name) {
		return SamplingRule.builder()
			.ruleName(name)
			.resourceARN("*")
			.priority(10)
			.fixedRate(1.0)
			.reservoirSize(1)
			.serviceName("frontend")
			.serviceType("*")
			.host("*")
			.httpMethod("GET")
			.urlPath("/product/*")
			.version(1);
	}

	@Test
	@Order(1)
	void samplingRulesAreCreatedUpdatedDeletedAndServedToSdks() {
		SamplingRuleRecord created = this.xray
			.createSamplingRule((r) -> r.samplingRule(rule("product-pages").build()).tags(tag("team", "shop")))
			.samplingRuleRecord();
		assertThat(created.samplingRule().ruleARN()).endsWith(":sampling-rule/product-pages");
		assertThat(created.createdAt()).isEqualTo(created.modifiedAt());
		assertThat(this.xray.listTagsForResource((r) -> r.resourceARN(created.samplingRule().ruleARN())).tags())
			.containsExactly(tag("team", "shop"));

		double before = this.xray.getSamplingTargets((r) -> r.samplingStatisticsDocuments(List.of()))
			.lastRuleModification()
			.toEpochMilli();
		SamplingRuleRecord updated = this.xray
			.updateSamplingRule(
					(r) -> r.samplingRuleUpdate((u) -> u.ruleName("product-pages").fixedRate(0.0).reservoirSize(0)))
			.samplingRuleRecord();
		assertThat(updated.samplingRule().fixedRate()).isEqualTo(0.0);
		assertThat(updated.samplingRule().urlPath()).isEqualTo("/product/*");
		assertThat(updated.modifiedAt()).isAfter(created.modifiedAt());
		assertThat(this.xray.getSamplingRules((r) -> {
		}).samplingRuleRecords()).extracting((r) -> r.samplingRule().ruleName() + "=" + r.samplingRule().fixedRate())
			.containsExactly("product-pages=0.0", "Default=1.0");

		// an SDK's report: the new rate in its target, the change in
		// LastRuleModification,
		// the counts in the summaries
		var targets = this.xray
			.getSamplingTargets((r) -> r.samplingStatisticsDocuments(SamplingStatisticsDocument.builder()
				.ruleName("product-pages")
				.clientID("0123456789abcdef01234567")
				.timestamp(Instant.now())
				.requestCount(12)
				.sampledCount(0)
				.borrowCount(1)
				.build()));
		assertThat(targets.samplingTargetDocuments()).singleElement().satisfies((t) -> {
			assertThat(t.fixedRate()).isEqualTo(0.0);
			assertThat(t.reservoirQuota()).isZero();
		});
		assertThat((double) targets.lastRuleModification().toEpochMilli()).isGreaterThan(before);
		assertThat(this.xray.getSamplingStatisticSummaries((r) -> {
		}).samplingStatisticSummaries()).singleElement().satisfies((s) -> {
			assertThat(s.ruleName()).isEqualTo("product-pages");
			assertThat(s.requestCount()).isEqualTo(12);
			assertThat(s.borrowCount()).isEqualTo(1);
			assertThat(s.sampledCount()).isZero();
		});

		// X-Ray's refusals
		assertThatThrownBy(() -> this.xray.createSamplingRule((r) -> r.samplingRule(rule("product-pages").build())))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("already exists");
		assertThatThrownBy(() -> this.xray.createSamplingRule((r) -> r.samplingRule(rule("v2").version(2).build())))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> this.xray.deleteSamplingRule((r) -> r.ruleName("Default")))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> this.xray
			.updateSamplingRule((r) -> r.samplingRuleUpdate((u) -> u.ruleName("Default").urlPath("/x"))))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> this.xray.deleteSamplingRule((r) -> r.ruleName("nope")))
			.isInstanceOf(InvalidRequestException.class);
		for (int i = 1; i < 25; i++) {
			String name = "rule-" + i;
			this.xray.createSamplingRule(
					(r) -> r.samplingRule(rule(name).priority(100 + Integer.parseInt(name.substring(5))).build()));
		}
		assertThatThrownBy(() -> this.xray.createSamplingRule((r) -> r.samplingRule(rule("one-too-many").build())))
			.isInstanceOf(RuleLimitExceededException.class);
		for (int i = 1; i < 25; i++) {
			String name = "rule-" + i;
			this.xray.deleteSamplingRule((r) -> r.ruleName(name));
		}

		SamplingRuleRecord deleted = this.xray.deleteSamplingRule((r) -> r.ruleARN(created.samplingRule().ruleARN()))
			.samplingRuleRecord();
		assertThat(deleted.samplingRule().ruleName()).isEqualTo("product-pages");
		assertThat(this.xray.getSamplingRules((r) -> {
		}).samplingRuleRecords()).extracting((r) -> r.samplingRule().ruleName()).containsExactly("Default");
		assertThatThrownBy(() -> this.xray.listTagsForResource((r) -> r.resourceARN(created.samplingRule().ruleARN())))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	@Order(2)
	void anOutageInAGroupsTracesOpensAnInsightThatClosesWhenItEnds() throws Exception {
		this.xray.createGroup((r) -> r.groupName("products")
			.filterExpression("http.url CONTAINS \"/product/\"")
			.insightsConfiguration((c) -> c.insightsEnabled(true)));
		Instant start = Instant.now();
		AtomicBoolean recommenderDown = new AtomicBoolean(false);
		AtomicBoolean running = new AtomicBoolean(true);
		Thread traffic = new Thread(() -> {
			while (running.get()) {
				List<String> documents = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					TestTraces
						.product(Json.newTraceId(), System.currentTimeMillis() / 1000.0, "P-0007",
								recommenderDown.get())
						.forEach((d) -> documents.add(d.json()));
				}
				try {
					this.xray.putTraceSegments((r) -> r.traceSegmentDocuments(documents));
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					// the next round will do
				}
			}
		});
		traffic.start();
		try {
			Thread.sleep(7000);
			recommenderDown.set(true);
			InsightSummary opened = poll(Duration.ofSeconds(20), () -> insight(start, InsightState.ACTIVE));
			assertThat(opened.groupName()).isEqualTo("products");
			assertThat(opened.rootCauseServiceId().name()).isEqualTo("recommenderservice");
			assertThat(opened.categoriesAsStrings()).containsExactly("FAULT");
			assertThat(opened.rootCauseServiceRequestImpactStatistics().faultCount()).isPositive();
			assertThat(opened.clientRequestImpactStatistics().totalCount()).isPositive();
			assertThat(opened.topAnomalousServices()).extracting((s) -> s.serviceId().name())
				.contains("recommenderservice");

			GetInsightResponse insight = this.xray.getInsight((r) -> r.insightId(opened.insightId()));
			assertThat(insight.insight().state()).isEqualTo(InsightState.ACTIVE);
			assertThat(this.xray.getInsightEvents((r) -> r.insightId(opened.insightId())).insightEvents()).isNotEmpty()
				.allSatisfy((e) -> assertThat(e.summary()).contains("recommenderservice"));
			assertThat(this.xray
				.getInsightImpactGraph((r) -> r.insightId(opened.insightId()).startTime(start).endTime(Instant.now()))
				.services()).extracting((s) -> s.name()).contains("frontend", "recommenderservice");

			recommenderDown.set(false);
			InsightSummary closed = poll(Duration.ofSeconds(20), () -> insight(start, InsightState.CLOSED));
			assertThat(closed.insightId()).isEqualTo(opened.insightId());
			this.insightId = closed.insightId();
			assertThat(closed.endTime()).isAfter(closed.startTime());
		}
		finally {
			running.set(false);
			traffic.join();
		}
		assertThatThrownBy(() -> this.xray.getInsight((r) -> r.insightId("00000000-0000-4000-8000-000000000000")))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> this.xray
			.getInsightSummaries((r) -> r.startTime(Instant.now()).endTime(Instant.now().minusSeconds(60))))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(this.xray.getGroup((r) -> r.groupName("products")).group().insightsConfiguration().insightsEnabled())
			.isTrue();
		assertThat(this.xray
			.updateGroup((r) -> r.groupName("products").insightsConfiguration((c) -> c.insightsEnabled(false)))
			.group()
			.insightsConfiguration()
			.insightsEnabled()).isFalse();
	}

	private InsightSummary insight(Instant since, InsightState state) {
		return this.xray
			.getInsightSummaries((r) -> r.startTime(since).endTime(Instant.now()).states(state).groupName("products"))
			.insightSummaries()
			.stream()
			.findFirst()
			.orElse(null);
	}

	@Test
	@Order(3)
	void accountSettingsTagsAndPolicies() throws Exception {
		String group = this.xray.createGroup((r) -> r.groupName("tagged").tags(tag("env", "dev"))).group().groupARN();
		this.xray.tagResource((r) -> r.resourceARN(group).tags(tag("team", "shop"), tag("env", "local")));
		this.xray.untagResource((r) -> r.resourceARN(group).tagKeys("team"));
		assertThat(this.xray.listTagsForResource((r) -> r.resourceARN(group)).tags())
			.containsExactly(tag("env", "local"));
		assertThatThrownBy(() -> this.xray
			.tagResource((r) -> r.resourceARN("arn:aws:xray:us-east-1:000000000000:group/nope/1").tags(tag("a", "b"))))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> this.xray.tagResource((r) -> r.resourceARN(group).tags(tag("aws:x", "b"))))
			.isInstanceOf(InvalidRequestException.class);

		assertThat(this.xray.getEncryptionConfig((r) -> {
		}).encryptionConfig().type()).isEqualTo(EncryptionType.NONE);
		var put = this.xray.putEncryptionConfig((r) -> r.type(EncryptionType.KMS).keyId("alias/local"))
			.encryptionConfig();
		assertThat(put.status()).isEqualTo(EncryptionStatus.UPDATING);
		Thread.sleep(1100);
		assertThat(this.xray.getEncryptionConfig((r) -> {
		}).encryptionConfig()).satisfies((c) -> {
			assertThat(c.keyId()).isEqualTo("alias/local");
			assertThat(c.status()).isEqualTo(EncryptionStatus.ACTIVE);
		});
		assertThatThrownBy(() -> this.xray.putEncryptionConfig((r) -> r.type(EncryptionType.KMS)))
			.isInstanceOf(InvalidRequestException.class);

		String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
				+ "\"arn:aws:iam::000000000000:root\"},\"Action\":[\"xray:PutTraceSegments\"],\"Resource\":\"*\"}]}";
		var created = this.xray.putResourcePolicy((r) -> r.policyName("sns").policyDocument(policy)).resourcePolicy();
		assertThat(created.policyRevisionId()).isNotBlank();
		assertThatThrownBy(() -> this.xray
			.putResourcePolicy((r) -> r.policyName("sns").policyDocument(policy).policyRevisionId("0")))
			.isInstanceOf(InvalidPolicyRevisionIdException.class);
		var revised = this.xray
			.putResourcePolicy(
					(r) -> r.policyName("sns").policyDocument(policy).policyRevisionId(created.policyRevisionId()))
			.resourcePolicy();
		assertThat(revised.policyRevisionId()).isNotEqualTo(created.policyRevisionId());
		assertThatThrownBy(() -> this.xray.putResourcePolicy((r) -> r.policyName("bad").policyDocument("{\"a\": 1}")))
			.isInstanceOf(MalformedPolicyDocumentException.class);
		assertThat(this.xray.listResourcePolicies((r) -> {
		}).resourcePolicies()).extracting((p) -> p.policyName()).containsExactly("sns");
		assertThatThrownBy(() -> this.xray.deleteResourcePolicy((r) -> r.policyName("sns").policyRevisionId("999")))
			.isInstanceOf(InvalidPolicyRevisionIdException.class);
		this.xray.deleteResourcePolicy((r) -> r.policyName("sns"));
		assertThat(this.xray.listResourcePolicies((r) -> {
		}).resourcePolicies()).isEmpty();

		this.xray.putTelemetryRecords((r) -> r.hostname("laptop")
			.telemetryRecords((t) -> t.timestamp(Instant.now())
				.segmentsReceivedCount(10)
				.segmentsSentCount(9)
				.segmentsRejectedCount(1)));
		JsonNode telemetry = status().path("telemetry");
		assertThat(telemetry.path("records").asLong()).isEqualTo(1);
		assertThat(telemetry.path("SegmentsReceivedCount").asLong()).isEqualTo(10);
		assertThat(telemetry.path("lastReporter").asString()).isEqualTo("laptop");
		assertThatThrownBy(
				() -> this.xray.putTelemetryRecords((r) -> r.telemetryRecords((t) -> t.segmentsSentCount(1))))
			.isInstanceOf(SdkServiceException.class);
	}

	@Test
	@Order(4)
	void tracesAreRetrievedAsSegmentsOrAsOpenTelemetrySpans() {
		double now = System.currentTimeMillis() / 1000.0;
		String order = Json.newTraceId();
		String product = Json.newTraceId();
		List<String> documents = new ArrayList<>();
		TestTraces.order(order, now - 5).forEach((d) -> documents.add(d.json()));
		TestTraces.product(product, now - 4, "P-0001", true).forEach((d) -> documents.add(d.json()));
		assertThat(this.xray.putTraceSegments((r) -> r.traceSegmentDocuments(documents)).unprocessedTraceSegments())
			.isEmpty();

		String token = this.xray
			.startTraceRetrieval(
					(r) -> r.traceIds(order, product).startTime(Instant.now().minusSeconds(60)).endTime(Instant.now()))
			.retrievalToken();
		ListRetrievedTracesResponse xrayFormat = this.xray.listRetrievedTraces((r) -> r.retrievalToken(token));
		assertThat(xrayFormat.retrievalStatus()).isEqualTo(RetrievalStatus.COMPLETE);
		assertThat(xrayFormat.traceFormat()).isEqualTo(TraceFormatType.XRAY);
		assertThat(xrayFormat.traces()).extracting((t) -> t.id()).containsExactlyInAnyOrder(order, product);
		assertThat(xrayFormat.traces().stream().filter((t) -> t.id().equals(order)).findFirst().orElseThrow().spans())
			.extracting((s) -> JSON.readTree(s.document()).path("name").asString())
			.contains("frontend", "orderservice", "cartservice", "catalogservice");

		ListRetrievedTracesResponse otel = this.xray
			.listRetrievedTraces((r) -> r.retrievalToken(token).traceFormat(TraceFormatType.OTEL));
		JsonNode productSpans = JSON.createArrayNode();
		otel.traces()
			.stream()
			.filter((t) -> t.id().equals(product))
			.findFirst()
			.orElseThrow()
			.spans()
			.forEach((s) -> ((tools.jackson.databind.node.ArrayNode) productSpans).add(JSON.readTree(s.document())));
		JsonNode frontend = find(productSpans, "name", "frontend");
		assertThat(frontend.path("kind").asString()).isEqualTo("SERVER");
		assertThat(frontend.path("traceId").asString()).isEqualTo(product.substring(2).replace("-", ""));
		assertThat(frontend.path("attributes").path("ProductID").asString()).isEqualTo("P-0001");
		JsonNode call = find(productSpans, "name", "recommenderservice");
		assertThat(call.path("kind").asString()).isEqualTo("CLIENT");
		assertThat(call.path("parentSpanId").asString()).isEqualTo(frontend.path("spanId").asString());
		assertThat(call.path("status").path("code").asString()).isEqualTo("ERROR");
		assertThat(call.path("attributes").path("http.response.status_code").asInt()).isEqualTo(503);
		JsonNode dynamo = find(productSpans, "name", "DynamoDb");
		assertThat(dynamo.path("attributes").path("aws.dynamodb.table_names").get(0).asString())
			.isEqualTo("ProductCatalog");
		assertThat(dynamo.path("resource").path("attributes").path("service.name").asString())
			.isEqualTo("catalogservice");

		assertThat(this.xray.getRetrievedTracesGraph((r) -> r.retrievalToken(token)).services())
			.extracting((s) -> s.service().name())
			.contains("frontend", "orderservice", "recommenderservice", "Orders");

		String other = this.xray
			.startTraceRetrieval(
					(r) -> r.traceIds(order).startTime(Instant.now().minusSeconds(60)).endTime(Instant.now()))
			.retrievalToken();
		this.xray.cancelTraceRetrieval((r) -> r.retrievalToken(other));
		assertThat(this.xray.listRetrievedTraces((r) -> r.retrievalToken(other)).retrievalStatus())
			.isEqualTo(RetrievalStatus.CANCELLED);
		assertThatThrownBy(() -> this.xray.listRetrievedTraces((r) -> r.retrievalToken("nope")))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> this.xray.startTraceRetrieval(
				(r) -> r.traceIds("not-a-trace").startTime(Instant.now().minusSeconds(60)).endTime(Instant.now())))
			.isInstanceOf(InvalidRequestException.class);

		assertThat(this.xray.getTraceSegmentDestination((r) -> {
		}).destination()).isEqualTo(TraceSegmentDestination.X_RAY);
		assertThat(
				this.xray.updateTraceSegmentDestination((r) -> r.destination(TraceSegmentDestination.CLOUD_WATCH_LOGS))
					.statusAsString())
			.isEqualTo("PENDING");
		assertThat(this.xray.getIndexingRules((r) -> {
		}).indexingRules()).singleElement().satisfies((rule) -> {
			assertThat(rule.name()).isEqualTo("Default");
			assertThat(rule.rule().probabilistic().actualSamplingPercentage()).isEqualTo(100.0);
		});
		assertThat(this.xray
			.updateIndexingRule(
					(r) -> r.name("Default").rule((v) -> v.probabilistic((p) -> p.desiredSamplingPercentage(5.0))))
			.indexingRule()
			.rule()
			.probabilistic()
			.desiredSamplingPercentage()).isEqualTo(5.0);
		assertThatThrownBy(() -> this.xray.updateIndexingRule(
				(r) -> r.name("Other").rule((v) -> v.probabilistic((p) -> p.desiredSamplingPercentage(5.0)))))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	@Order(5)
	void theSameOperationsThroughTheAwsCli() throws Exception {
		String ruleArn = "arn:aws:xray:us-east-1:000000000000:sampling-rule/cli-rule";
		String rule = "{\"RuleName\":\"cli-rule\",\"ResourceARN\":\"*\",\"Priority\":20,\"FixedRate\":1.0,"
				+ "\"ReservoirSize\":1,\"ServiceName\":\"frontend\",\"ServiceType\":\"*\",\"Host\":\"*\","
				+ "\"HTTPMethod\":\"GET\",\"URLPath\":\"/product/*\",\"Version\":1}";
		String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
				+ "\"arn:aws:iam::000000000000:root\"},\"Action\":\"xray:PutTraceSegments\",\"Resource\":\"*\"}]}";
		long now = System.currentTimeMillis() / 1000;
		String cliSegment = Json.segment("cli", Json.newTraceId(), now - 1, 0.5).json();
		String from = Long.toString(now - 600);
		String to = Long.toString(now + 60);
		String traceId = Json.newTraceId();
		List<String> documents = new ArrayList<>();
		TestTraces.order(traceId, now - 2).forEach((d) -> documents.add(d.json()));
		this.xray.putTraceSegments((r) -> r.traceSegmentDocuments(documents));

		List<AwsCli.Result> first = AwsCli.run(this.port, List.of(
				List.of("xray", "create-sampling-rule", "--sampling-rule", rule, "--tags", "Key=team,Value=shop"),
				List.of("xray", "update-sampling-rule", "--sampling-rule-update",
						"{\"RuleName\":\"cli-rule\",\"FixedRate\":0.5}"),
				List.of("xray", "get-sampling-rules"),
				List.of("xray", "get-sampling-targets", "--sampling-statistics-documents",
						"[{\"RuleName\":\"cli-rule\",\"ClientID\":\"0123456789abcdef01234567\",\"Timestamp\":" + now
								+ ",\"RequestCount\":5,\"SampledCount\":2,\"BorrowCount\":0}]"),
				List.of("xray", "get-sampling-statistic-summaries"),
				List.of("xray", "delete-sampling-rule", "--rule-name", "Default"),
				List.of("xray", "create-sampling-rule", "--sampling-rule",
						rule.replace("\"Version\":1", "\"Version\":2")),
				List.of("xray", "tag-resource", "--resource-arn", ruleArn, "--tags", "Key=env,Value=dev"),
				List.of("xray", "untag-resource", "--resource-arn", ruleArn, "--tag-keys", "team"),
				List.of("xray", "list-tags-for-resource", "--resource-arn", ruleArn),
				List.of("xray", "list-tags-for-resource", "--resource-arn",
						"arn:aws:xray:us-east-1:000000000000:sampling-rule/nope"),
				List.of("xray", "delete-sampling-rule", "--rule-name", "cli-rule"),
				List.of("xray", "create-group", "--group-name", "cli-group", "--filter-expression",
						"service(\"frontend\")", "--insights-configuration",
						"InsightsEnabled=true,NotificationsEnabled=false", "--tags", "Key=env,Value=dev"),
				List.of("xray", "update-group", "--group-name", "cli-group", "--insights-configuration",
						"InsightsEnabled=false"),
				List.of("xray", "get-insight-summaries", "--start-time", from, "--end-time", to, "--states", "CLOSED",
						"--group-name", "products"),
				List.of("xray", "get-insight", "--insight-id", this.insightId),
				List.of("xray", "get-insight-events", "--insight-id", this.insightId),
				List.of("xray", "get-insight-impact-graph", "--insight-id", this.insightId, "--start-time", from,
						"--end-time", to),
				List.of("xray", "get-insight", "--insight-id", "00000000-0000-4000-8000-000000000000"),
				List.of("xray", "put-encryption-config", "--type", "KMS", "--key-id", "alias/cli"),
				List.of("xray", "get-encryption-config"), List.of("xray", "put-encryption-config", "--type", "NONE"),
				List.of("xray", "put-resource-policy", "--policy-name", "cli", "--policy-document", policy),
				List.of("xray", "put-resource-policy", "--policy-name", "cli", "--policy-document", policy,
						"--policy-revision-id", "0"),
				List.of("xray", "list-resource-policies"),
				List.of("xray", "delete-resource-policy", "--policy-name", "cli"),
				List.of("xray", "put-telemetry-records", "--hostname", "cli-host", "--telemetry-records",
						"[{\"Timestamp\":" + now + ",\"SegmentsReceivedCount\":3,\"SegmentsSentCount\":3}]"),
				List.of("xray", "start-trace-retrieval", "--trace-ids", traceId, "--start-time", from, "--end-time",
						to),
				List.of("xray", "get-trace-segment-destination"),
				List.of("xray", "update-trace-segment-destination", "--destination", "XRay"),
				List.of("xray", "get-indexing-rules"),
				List.of("xray", "update-indexing-rule", "--name", "Default", "--rule",
						"{\"Probabilistic\":{\"DesiredSamplingPercentage\":10}}"),
				List.of("xray", "update-indexing-rule", "--name", "Other", "--rule",
						"{\"Probabilistic\":{\"DesiredSamplingPercentage\":10}}"),
				// the operations xray-local had before, through the CLI as well
				List.of("xray", "put-trace-segments", "--trace-segment-documents", cliSegment),
				List.of("xray", "get-service-graph", "--start-time", from, "--end-time", to),
				List.of("xray", "get-trace-summaries", "--start-time", from, "--end-time", to, "--filter-expression",
						"service(\"orderservice\")"),
				List.of("xray", "batch-get-traces", "--trace-ids", traceId),
				List.of("xray", "get-trace-graph", "--trace-ids", traceId),
				List.of("xray", "get-time-series-service-statistics", "--start-time", from, "--end-time", to,
						"--entity-selector-expression", "service(\"orderservice\")", "--period", "60"),
				List.of("xray", "get-groups"), List.of("xray", "get-group", "--group-name", "cli-group"),
				List.of("xray", "get-trace-summaries", "--start-time", from, "--end-time", to, "--filter-expression",
						"responsetime >")));
		assertThat(first.get(0).json().path("SamplingRuleRecord").path("SamplingRule").path("RuleARN").asString())
			.isEqualTo(ruleArn);
		assertThat(first.get(1).json().path("SamplingRuleRecord").path("SamplingRule").path("FixedRate").asDouble())
			.isEqualTo(0.5);
		assertThat(first.get(2).json().path("SamplingRuleRecords").findValuesAsString("RuleName")).contains("cli-rule",
				"Default");
		assertThat(first.get(3).json().path("SamplingTargetDocuments").get(0).path("FixedRate").asDouble())
			.isEqualTo(0.5);
		assertThat(first.get(4).json().path("SamplingStatisticSummaries").get(0).path("RequestCount").asInt())
			.isEqualTo(5);
		assertError(first.get(5), "InvalidRequestException");
		assertError(first.get(6), "InvalidRequestException");
		assertThat(first.get(9).json().path("Tags").findValuesAsString("Key")).containsExactly("env");
		assertError(first.get(10), "ResourceNotFoundException");
		assertThat(first.get(11).json().path("SamplingRuleRecord").path("SamplingRule").path("RuleName").asString())
			.isEqualTo("cli-rule");
		String groupArn = first.get(12).json().path("Group").path("GroupARN").asString();
		assertThat(first.get(12).json().path("Group").path("InsightsConfiguration").path("InsightsEnabled").asBoolean())
			.isTrue();
		assertThat(first.get(13).json().path("Group").path("InsightsConfiguration").path("InsightsEnabled").asBoolean())
			.isFalse();
		assertThat(first.get(14).json().path("InsightSummaries").findValuesAsString("InsightId"))
			.contains(this.insightId);
		assertThat(first.get(15).json().path("Insight").path("RootCauseServiceId").path("Name").asString())
			.isEqualTo("recommenderservice");
		assertThat(first.get(16).json().path("InsightEvents")).isNotEmpty();
		assertThat(first.get(17).json().path("Services").findValuesAsString("Name")).contains("recommenderservice");
		assertError(first.get(18), "InvalidRequestException");
		assertThat(first.get(19).json().path("EncryptionConfig").path("Type").asString()).isEqualTo("KMS");
		assertThat(first.get(20).json().path("EncryptionConfig").path("KeyId").asString()).isEqualTo("alias/cli");
		assertThat(first.get(21).json().path("EncryptionConfig").path("Type").asString()).isEqualTo("NONE");
		assertThat(first.get(22).json().path("ResourcePolicy").path("PolicyRevisionId").asString()).isNotBlank();
		assertError(first.get(23), "InvalidPolicyRevisionIdException");
		assertThat(first.get(24).json().path("ResourcePolicies").findValuesAsString("PolicyName"))
			.containsExactly("cli");
		assertThat(first.get(25).rc()).isZero();
		assertThat(first.get(26).rc()).isZero();
		assertThat(status().path("telemetry").path("lastReporter").asString()).isEqualTo("cli-host");
		String token = first.get(27).json().path("RetrievalToken").asString();
		assertThat(token).isNotBlank();
		assertThat(first.get(28).json().path("Destination").asString()).isIn("XRay", "CloudWatchLogs");
		assertThat(first.get(29).json().path("Destination").asString()).isEqualTo("XRay");
		assertThat(first.get(30).json().path("IndexingRules").get(0).path("Name").asString()).isEqualTo("Default");
		assertThat(first.get(31)
			.json()
			.path("IndexingRule")
			.path("Rule")
			.path("Probabilistic")
			.path("DesiredSamplingPercentage")
			.asDouble()).isEqualTo(10.0);
		assertError(first.get(32), "ResourceNotFoundException");
		assertThat(first.get(33).json().path("UnprocessedTraceSegments")).isEmpty();
		assertThat(first.get(34).json().path("Services").findValuesAsString("Name")).contains("orderservice", "cli");
		assertThat(first.get(35).json().path("TraceSummaries").findValuesAsString("Id")).contains(traceId);
		assertThat(first.get(36).json().path("Traces").get(0).path("Segments")).hasSizeGreaterThanOrEqualTo(4);
		assertThat(first.get(37).json().path("Services").findValuesAsString("Name")).contains("cartservice", "Carts");
		assertThat(first.get(38).json().path("TimeSeriesServiceStatistics")).isNotEmpty();
		assertThat(first.get(39).json().path("Groups").findValuesAsString("GroupName")).contains("Default",
				"cli-group");
		assertThat(first.get(40).json().path("Group").path("GroupName").asString()).isEqualTo("cli-group");
		assertError(first.get(41), "InvalidRequestException");

		List<AwsCli.Result> second = AwsCli.run(this.port,
				List.of(List.of("xray", "list-retrieved-traces", "--retrieval-token", token, "--trace-format", "OTEL"),
						List.of("xray", "get-retrieved-traces-graph", "--retrieval-token", token),
						List.of("xray", "cancel-trace-retrieval", "--retrieval-token", token),
						List.of("xray", "list-tags-for-resource", "--resource-arn", groupArn),
						List.of("xray", "delete-group", "--group-name", "cli-group"),
						List.of("xray", "get-group", "--group-name", "cli-group")));
		JsonNode traces = second.get(0).json();
		assertThat(traces.path("RetrievalStatus").asString()).isEqualTo("COMPLETE");
		assertThat(traces.path("Traces").get(0).path("Id").asString()).isEqualTo(traceId);
		assertThat(JSON.readTree(traces.path("Traces").get(0).path("Spans").get(0).path("Document").asString())
			.path("traceId")
			.asString()).isEqualTo(traceId.substring(2).replace("-", ""));
		assertThat(second.get(1).json().path("Services").findValuesAsString("Name")).contains("orderservice", "Orders");
		assertError(second.get(2), "InvalidRequestException");
		assertThat(second.get(3).json().path("Tags").findValuesAsString("Value")).containsExactly("dev");
		assertThat(second.get(4).rc()).isZero();
		assertError(second.get(5), "InvalidRequestException");
	}

	@Test
	@Order(6)
	void theConsoleListsEditsAndAddsRulesAndShowsInsightsAndAlarms() throws Exception {
		Path chromium = Path.of(System.getProperty("shop.chromium", "/usr/bin/chromium"));
		Path chromedriver = Path.of(System.getProperty("shop.chromedriver", "/usr/bin/chromedriver"));
		Assumptions.assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(chromedriver),
				"Chromium and ChromeDriver are not installed; skipping the console part");
		Path profile = Files.createTempDirectory("xray-api-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--window-size=1500,1100", "--user-data-dir=" + profile);
		WebDriver browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
					.usingAnyFreePort()
					.build(),
				options);
		try {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
			String base = "http://127.0.0.1:" + this.port + "/";
			browser.get(base + "#/sampling");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#view-sampling[data-state=ready]")));
			// add a rule through the form
			type(browser, "#rule-RuleName", "console-rule");
			type(browser, "#rule-URLPath", "/cart*");
			type(browser, "#rule-FixedRate", "0.5");
			browser.findElement(By.id("rule-submit")).click();
			wait.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#rule-table tr[data-rule=console-rule]")));
			assertThat(storedRule("console-rule").urlPath()).isEqualTo("/cart*");
			// edit it: the rate SDKs get in their next target poll
			browser.findElement(By.cssSelector("button[data-edit-rule=console-rule]")).click();
			type(browser, "#rule-FixedRate", "0");
			type(browser, "#rule-ReservoirSize", "0");
			browser.findElement(By.id("rule-submit")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(
					By.cssSelector("#rule-table tr[data-rule=console-rule][data-fixed-rate='0']")));
			assertThat(storedRule("console-rule").fixedRate()).isEqualTo(0.0);
			assertThat(this.xray
				.getSamplingTargets((r) -> r.samplingStatisticsDocuments(SamplingStatisticsDocument.builder()
					.ruleName("console-rule")
					.clientID("0123456789abcdef01234567")
					.timestamp(Instant.now())
					.requestCount(4)
					.sampledCount(0)
					.build()))
				.samplingTargetDocuments()
				.get(0)
				.fixedRate()).isEqualTo(0.0);
			browser.navigate().refresh();
			wait.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#rule-table tr[data-rule=console-rule][data-requests='4']")));
			screenshot(browser, "console-sampling.png");
			browser.findElement(By.cssSelector("button[data-delete-rule=console-rule]")).click();
			wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rule-table tr[data-rule=console-rule]"),
					0));

			// the insight the outage opened and closed, with its timeline
			browser.get(base + "#/insights/" + this.insightId + "?group=products");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
					"#insight-table tr[data-insight='" + this.insightId + "'][data-root-cause=recommenderservice]")));
			wait.until(ExpectedConditions.presenceOfElementLocated(
					By.cssSelector("#insight-details [data-state=CLOSED] svg[data-chart=insight] polyline")));
			assertThat(browser
				.findElements(By.cssSelector("#insight-details .chaos-marker[data-action='insight opened']")))
				.hasSize(1);
			screenshot(browser, "console-insight.png");

			// an alarm set on the group's page
			browser.get(base + "#/alarms?group=products");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#view-alarms[data-state=ready]")));
			type(browser, "#alarm-name", "products-faults");
			browser.findElement(By.cssSelector("#alarm-form button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(
					By.cssSelector("#alarm-table tr[data-alarm=products-faults][data-group=products]")));
			assertThat(browser.findElements(By.cssSelector("svg[data-chart=group-rates]"))).hasSize(1);
			screenshot(browser, "console-alarms.png");
		}
		finally {
			browser.quit();
			org.springframework.util.FileSystemUtils.deleteRecursively(profile);
		}
	}

	private SamplingRule storedRule(String name) {
		return this.xray.getSamplingRules((r) -> {
		})
			.samplingRuleRecords()
			.stream()
			.map(SamplingRuleRecord::samplingRule)
			.filter((r) -> r.ruleName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static void type(WebDriver browser, String css, String text) {
		WebElement input = browser.findElement(By.cssSelector(css));
		input.clear();
		input.sendKeys(text);
	}

	private static void screenshot(WebDriver browser, String name) throws Exception {
		Files.write(Path.of("target", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

	private static void assertError(AwsCli.Result result, String type) {
		assertThat(result.rc()).as(String.join(" ", result.args())).isNotZero();
		assertThat(result.stderr()).as(String.join(" ", result.args())).contains(type);
	}

	private static JsonNode find(JsonNode spans, String field, String value) {
		for (JsonNode span : spans) {
			if (span.path(field).asString().equals(value)) {
				return span;
			}
		}
		throw new AssertionError("No span with " + field + " " + value + " in " + spans);
	}

	static Tag tag(String key, String value) {
		return Tag.builder().key(key).value(value).build();
	}

	private JsonNode status() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/status")).build(),
					HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

	static <T> T poll(Duration timeout, java.util.function.Supplier<T> probe) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Nothing after " + timeout);
			}
			Thread.sleep(250);
		}
	}

}
