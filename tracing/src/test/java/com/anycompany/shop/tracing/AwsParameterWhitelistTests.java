package com.anycompany.shop.tracing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.amazonaws.xray.handlers.config.AWSOperationHandler;
import com.amazonaws.xray.handlers.config.AWSServiceHandlerManifest;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.anycompany.shop.tracing.AwsParameterWhitelist.Parameter;
import com.anycompany.shop.tracing.AwsParameterWhitelist.Shape;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whitelist as worked out at start-up against the X-Ray SDK's own reading of the same
 * file (its manifest classes and Jackson 2's snake case, which the SDK uses per call),
 * for every service and operation in it, not only the DynamoDB calls the equivalence test
 * makes.
 */
class AwsParameterWhitelistTests {

	private static final PropertyNamingStrategies.NamingBase JACKSON_2_SNAKE_CASE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

	private final ObjectMapper sdkMapper = new ObjectMapper()
		.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
		.configure(JsonParser.Feature.ALLOW_COMMENTS, true);

	@Test
	void everyOperationRecordsWhatTheSdkRecordsUnderTheSdksNames() throws IOException {
		AwsParameterWhitelist whitelist = AwsParameterWhitelist.sdkDefault();
		AWSServiceHandlerManifest manifest = this.sdkMapper.readValue(
				TracingInterceptor.class.getResource(AwsParameterWhitelist.SDK_RESOURCE),
				AWSServiceHandlerManifest.class);
		JsonNode file = this.sdkMapper
			.readTree(TracingInterceptor.class.getResource(AwsParameterWhitelist.SDK_RESOURCE));

		Set<String> operationsInFile = new TreeSet<>();
		file.path("services")
			.fields()
			.forEachRemaining((service) -> service.getValue()
				.path("operations")
				.fieldNames()
				.forEachRemaining((operation) -> operationsInFile.add(service.getKey() + "." + operation)));
		Set<String> operationsRead = new TreeSet<>();
		whitelist.services()
			.forEach((service, operations) -> operations.keySet()
				.forEach((operation) -> operationsRead.add(service + "." + operation)));
		assertThat(operationsRead).isEqualTo(operationsInFile).hasSizeGreaterThan(100);

		whitelist.services().forEach((service, operations) -> operations.forEach((name, operation) -> {
			AWSOperationHandler handler = manifest.getOperationHandlerManifest(service).getOperationHandler(name);
			List<Parameter> request = sdkParameters(handler.getRequestParameters(), handler.getRequestDescriptors(),
					(descriptor) -> descriptor.getRenameTo(),
					(descriptor) -> shape(descriptor.isMap() && descriptor.shouldGetKeys(),
							descriptor.isList() && descriptor.shouldGetCount()));
			List<Parameter> response = sdkParameters(handler.getResponseParameters(), handler.getResponseDescriptors(),
					(descriptor) -> descriptor.getRenameTo(),
					(descriptor) -> shape(descriptor.isMap() && descriptor.shouldGetKeys(),
							descriptor.isList() && descriptor.shouldGetCount()));
			assertThat(operation.request()).as(service + "." + name + " request")
				.containsExactlyInAnyOrderElementsOf(request);
			assertThat(operation.response()).as(service + "." + name + " response")
				.containsExactlyInAnyOrderElementsOf(response);
		}));
	}

	@Test
	void theSdksSpecialCasesAreKept() {
		Map<String, Map<String, AwsParameterWhitelist.Operation>> services = AwsParameterWhitelist.sdkDefault()
			.services();
		// v2 calls S3's bucket "Bucket"; X-Ray keeps v1's "bucket_name"
		assertThat(services.get("S3").get("GetObject").request())
			.contains(new Parameter("Bucket", "bucket_name", Shape.VALUE));
		assertThat(services.get("DynamoDb").get("BatchGetItem").request())
			.containsExactly(new Parameter("RequestItems", "table_names", Shape.KEYS));
		assertThat(services.get("Sqs").get("SendMessageBatch").response())
			.contains(new Parameter("Failed", "failed_count", Shape.COUNT));
	}

	/**
	 * What the SDK records of one side of an operation: its plain parameters, and the
	 * descriptors it acts on (one with neither map keys nor a list count it ignores).
	 */
	private static <D> List<Parameter> sdkParameters(Set<String> plain, Map<String, D> descriptors,
			Function<D, String> renameTo, Function<D, Shape> shape) {
		List<Parameter> parameters = new ArrayList<>();
		if (plain != null) {
			plain.forEach((member) -> parameters.add(expected(member, null, Shape.VALUE)));
		}
		if (descriptors != null) {
			descriptors.forEach((member, descriptor) -> {
				if (shape.apply(descriptor) != null) {
					parameters.add(expected(member, renameTo.apply(descriptor), shape.apply(descriptor)));
				}
			});
		}
		return parameters;
	}

	/** The SDK's name: Jackson 2's snake case of the member or its new name, per call. */
	private static Parameter expected(String member, String renameTo, Shape shape) {
		String name = JACKSON_2_SNAKE_CASE.translate((renameTo != null) ? renameTo : member);
		return new Parameter(member, "bucket".equals(name) ? "bucket_name" : name, shape);
	}

	/** What the SDK does with a descriptor; null for one it ignores. */
	private static Shape shape(boolean keys, boolean count) {
		return keys ? Shape.KEYS : count ? Shape.COUNT : null;
	}

}
