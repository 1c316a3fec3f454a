package com.anycompany.shop.xraylocal;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.anycompany.shop.xraylocal.ingest.UdpReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.ResourceARNDetail;
import software.amazon.awssdk.services.xray.model.ServiceId;
import software.amazon.awssdk.services.xray.model.TraceSummary;
import software.amazon.awssdk.services.xray.model.ValueWithServiceIds;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A trace summary names the services behind what it lists: each service's id (with its
 * account when its segments gave one), the resources' ARNs, and for each annotation value
 * and user the services that recorded it. Segments arrive over UDP as an SDK sends them;
 * the summary is read through the AWS SDK for Java and the AWS CLI.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "xray.local.udp-port=0", "xray.local.otlp.enabled=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceSummaryIdsIT {

	static final String ACCOUNT = "111122223333";

	static final String CLUSTER_ARN = "arn:aws:eks:us-west-2:111122223333:cluster/shop";

	@LocalServerPort
	int port;

	@Autowired
	UdpReceiver udp;

	private XRayClient xray;

	private String traceId;

	private final Instant start = Instant.now().minusSeconds(30);

	@BeforeAll
	void sendOneTrace() throws Exception {
		this.xray = XRayClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + this.port))
			.region(Region.US_WEST_2)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
		this.traceId = Json.newTraceId();
		double now = Instant.now().getEpochSecond();
		// frontend (account known) calls productservice (no account) and its own table
		Json call = Json.subsegment("productservice", now + 0.01, 0.1).namespace("remote");
		Json carts = Json.subsegment("DynamoDB", now + 0.12, 0.01)
			.namespace("aws")
			.put("aws", Map.of("table_name", "Carts", "operation", "GetItem", "region", "us-west-2"));
		Json frontend = Json.segment("frontend", this.traceId, now, 0.2)
			.put("origin", "AWS::EKS::Container")
			.put("resource_arn", CLUSTER_ARN)
			.put("aws", Map.of("account_id", ACCOUNT))
			.put("user", "alice")
			.put("fault", true)
			.annotation("ProductID", "P-1")
			.sub(call, carts);
		Json products = Json.subsegment("DynamoDB", now + 0.02, 0.01)
			.namespace("aws")
			.put("aws", Map.of("table_name", "Products", "operation", "GetItem", "region", "us-west-2"))
			.annotation("ProductID", "P-2");
		Json productservice = Json.segment("productservice", this.traceId, now + 0.01, 0.09)
			.parent(call.id())
			.annotation("ProductID", "P-1")
			.sub(products);
		// streamed on its own: it still belongs to productservice
		Json streamed = Json.subsegment("render", now + 0.05, 0.01)
			.independent(this.traceId, productservice.id())
			.annotation("stage", "streamed");
		try (DatagramSocket socket = new DatagramSocket()) {
			for (Json doc : List.of(frontend, productservice, streamed)) {
				byte[] bytes = doc.bytes();
				socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), this.udp.port()));
			}
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			List<TraceSummary> found = summaries();
			return found.size() == 1 && found.get(0).annotations().containsKey("stage");
		});
	}

	@AfterAll
	void close() {
		this.xray.close();
	}

	private List<TraceSummary> summaries() {
		return this.xray.getTraceSummaries((r) -> r.startTime(this.start).endTime(Instant.now().plusSeconds(30)))
			.traceSummaries();
	}

	@Test
	void summaryNamesTheServicesTheirAccountsAndTheResources() {
		TraceSummary summary = summaries().get(0);
		assertThat(summary.id()).isEqualTo(this.traceId);
		assertThat(summary.serviceIds()).extracting(ServiceId::name, ServiceId::accountId, ServiceId::type)
			.containsExactlyInAnyOrder(tuple("frontend", ACCOUNT, "AWS::EKS::Container"),
					tuple("productservice", null, null), tuple("Carts", null, "AWS::DynamoDB::Table"),
					tuple("Products", null, "AWS::DynamoDB::Table"));
		assertThat(summary.serviceIds()).allSatisfy((id) -> assertThat(id.names()).containsExactly(id.name()));
		assertThat(summary.entryPoint().accountId()).isEqualTo(ACCOUNT);
		// the frontend failed itself: its account is the root cause's
		assertThat(summary.faultRootCauses()).singleElement()
			.satisfies((cause) -> assertThat(cause.services()).extracting((s) -> s.name(), (s) -> s.accountId())
				.containsExactly(tuple("frontend", ACCOUNT)));
		// Products: its caller gave no account, so no ARN is made up for it
		assertThat(summary.resourceARNs()).extracting(ResourceARNDetail::arn)
			.containsExactly(CLUSTER_ARN, "arn:aws:dynamodb:us-west-2:" + ACCOUNT + ":table/Carts");
	}

	@Test
	void eachAnnotationValueAndUserNamesTheServicesThatRecordedIt() {
		TraceSummary summary = summaries().get(0);
		Map<String, List<String>> productIds = summary.annotations()
			.get("ProductID")
			.stream()
			.collect(Collectors.toMap((v) -> v.annotationValue().stringValue(), TraceSummaryIdsIT::names));
		assertThat(productIds).containsOnly(Map.entry("P-1", List.of("frontend", "productservice")),
				Map.entry("P-2", List.of("productservice")));
		assertThat(summary.annotations().get("stage")).singleElement()
			.satisfies((v) -> assertThat(names(v)).containsExactly("productservice"));
		assertThat(summary.users()).singleElement().satisfies((u) -> {
			assertThat(u.userName()).isEqualTo("alice");
			assertThat(u.serviceIds()).extracting(ServiceId::name, ServiceId::accountId)
				.containsExactly(tuple("frontend", ACCOUNT));
		});
	}

	@Test
	void theAwsCliReadsTheSameFields() throws Exception {
		AwsCli.Result result = AwsCli.run(this.port,
				List.of(List.of("xray", "get-trace-summaries", "--start-time",
						Long.toString(this.start.getEpochSecond()), "--end-time",
						Long.toString(Instant.now().plusSeconds(30).getEpochSecond()))))
			.get(0);
		assertThat(result.rc()).as(result.stderr()).isZero();
		JsonNode summary = result.json().path("TraceSummaries").get(0);
		List<String> arns = new ArrayList<>();
		summary.path("ResourceARNs").forEach((arn) -> arns.add(arn.path("ARN").asString()));
		assertThat(arns).containsExactly(CLUSTER_ARN, "arn:aws:dynamodb:us-west-2:" + ACCOUNT + ":table/Carts");
		JsonNode frontend = summary.path("ServiceIds").get(0);
		assertThat(frontend.path("Name").asString()).isEqualTo("frontend");
		assertThat(frontend.path("AccountId").asString()).isEqualTo(ACCOUNT);
		assertThat(summary.path("Annotations").path("stage").get(0).path("ServiceIds").get(0).path("Name").asString())
			.isEqualTo("productservice");
	}

	private static List<String> names(ValueWithServiceIds value) {
		return value.serviceIds().stream().map(ServiceId::name).sorted().toList();
	}

}
