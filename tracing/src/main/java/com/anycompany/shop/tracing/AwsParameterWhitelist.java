package com.anycompany.shop.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.amazonaws.xray.entities.Subsegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * The X-Ray SDK's list of request and response parameters worth recording per AWS
 * operation ({@code DefaultOperationParameterWhitelist.json} in
 * aws-xray-recorder-sdk-aws-sdk-v2), worked out ahead of the calls: the file is read
 * once, the names the SDK writes (Jackson's snake case, {@code bucket} as
 * {@code bucket_name}) computed once, and the model field behind each parameter found
 * once per request or response class. A call then only reads its fields.
 */
final class AwsParameterWhitelist {

	/** Where the X-Ray SDK keeps its list, inside its aws-sdk-v2 jar. */
	static final String SDK_RESOURCE = "/com/amazonaws/xray/interceptors/DefaultOperationParameterWhitelist.json";

	private static final Logger logger = LoggerFactory.getLogger(AwsParameterWhitelist.class);

	/** Jackson's snake case, as the SDK applies it (its own copy is Jackson 2's). */
	private static final PropertyNamingStrategy SNAKE_CASE = PropertyNamingStrategies.SNAKE_CASE;

	private static final Recorded NOTHING = new Recorded(new Read[0]);

	/** By service, then operation, as the SDK names them in its execution attributes. */
	private final Map<String, Map<String, Operation>> services;

	/** Resolved per request or response class: the classes are few and never change. */
	private final Map<Class<?>, Recorded> byClass = new ConcurrentHashMap<>();

	private AwsParameterWhitelist(Map<String, Map<String, Operation>> services) {
		this.services = services;
	}

	/** The X-Ray SDK's own list; none at all when its jar is missing or unreadable. */
	static AwsParameterWhitelist sdkDefault() {
		return read(AwsParameterWhitelist.class.getResource(SDK_RESOURCE));
	}

	static AwsParameterWhitelist read(URL whitelist) {
		if (whitelist == null) {
			logger.warn("No AWS parameter whitelist ({}): AWS subsegments get no request or response parameters",
					SDK_RESOURCE);
			return new AwsParameterWhitelist(Map.of());
		}
		try (InputStream in = whitelist.openStream()) {
			JsonNode root = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build().readTree(in);
			Map<String, Map<String, Operation>> services = new HashMap<>();
			root.path("services").properties().forEach((service) -> {
				Map<String, Operation> operations = new HashMap<>();
				service.getValue()
					.path("operations")
					.properties()
					.forEach((operation) -> operations.put(operation.getKey(), Operation.of(operation.getValue())));
				services.put(service.getKey(), Map.copyOf(operations));
			});
			return new AwsParameterWhitelist(Map.copyOf(services));
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Unreadable AWS parameter whitelist {}: AWS subsegments get no request or response parameters",
					whitelist, ex);
			return new AwsParameterWhitelist(Map.of());
		}
	}

	/** The list as read, by service and operation. */
	Map<String, Map<String, Operation>> services() {
		return this.services;
	}

	/** Puts the request's whitelisted parameters into the subsegment's {@code aws}. */
	void recordRequest(String service, String operation, SdkRequest request, Subsegment subsegment) {
		recorded(service, operation, request, true).record(request, subsegment);
	}

	/** Puts the response's whitelisted parameters into the subsegment's {@code aws}. */
	void recordResponse(String service, String operation, SdkResponse response, Subsegment subsegment) {
		recorded(service, operation, response, false).record(response, subsegment);
	}

	private Recorded recorded(String service, String operation, SdkPojo pojo, boolean request) {
		Recorded recorded = this.byClass.get(pojo.getClass());
		if (recorded == null) {
			recorded = resolve(service, operation, pojo, request);
			this.byClass.putIfAbsent(pojo.getClass(), recorded);
		}
		return recorded;
	}

	private Recorded resolve(String service, String operation, SdkPojo pojo, boolean request) {
		Operation whitelisted = this.services.getOrDefault(service, Map.of()).get(operation);
		List<Parameter> parameters = (whitelisted == null) ? List.of()
				: request ? whitelisted.request() : whitelisted.response();
		if (parameters.isEmpty()) {
			return NOTHING;
		}
		Map<String, SdkField<?>> fields = new HashMap<>();
		pojo.sdkFields().forEach((field) -> fields.putIfAbsent(field.memberName(), field));
		return new Recorded(parameters.stream()
			.map((parameter) -> new Read(parameter.recordedName(),
					reader(fields.get(parameter.member()), parameter.member()), parameter.shape()))
			.toArray(Read[]::new));
	}

	/**
	 * The field's getter, as {@code getValueForField} would call it; a member the model
	 * does not list, or one with a default (an idempotency token the getter does not
	 * generate), goes through {@code getValueForField} itself.
	 */
	private static Function<Object, Object> reader(SdkField<?> field, String member) {
		if (field != null && field.getTrait(DefaultValueTrait.class) == null) {
			return field::getValueOrDefault;
		}
		return (pojo) -> ((pojo instanceof SdkRequest request) ? request.getValueForField(member, Object.class)
				: ((SdkResponse) pojo).getValueForField(member, Object.class))
			.orElse(null);
	}

	/** How the SDK records a parameter: the value, a map's keys or a list's size. */
	enum Shape {

		VALUE, KEYS, COUNT

	}

	/** A whitelisted member and the name the SDK records it under. */
	record Parameter(String member, String recordedName, Shape shape) {

		static Parameter of(String member, String renameTo, Shape shape) {
			String name = SNAKE_CASE.nameForField(null, null, (renameTo != null) ? renameTo : member);
			// the SDK keeps v1's name for S3's bucket, which v2 calls Bucket
			return new Parameter(member, "bucket".equals(name) ? "bucket_name" : name, shape);
		}

	}

	/**
	 * One operation's parameters in the SDK's order: plain ones first, then descriptors,
	 * so a descriptor wins a name both produce.
	 */
	record Operation(List<Parameter> request, List<Parameter> response) {

		static Operation of(JsonNode operation) {
			return new Operation(
					parameters(operation.path("request_parameters"), operation.path("request_descriptors")),
					parameters(operation.path("response_parameters"), operation.path("response_descriptors")));
		}

		private static List<Parameter> parameters(JsonNode plain, JsonNode descriptors) {
			List<Parameter> parameters = new ArrayList<>();
			plain.forEach((member) -> parameters.add(Parameter.of(member.asString(), null, Shape.VALUE)));
			descriptors.properties().forEach((entry) -> {
				JsonNode descriptor = entry.getValue();
				String renameTo = descriptor.hasNonNull("rename_to") ? descriptor.get("rename_to").asString() : null;
				if (descriptor.path("map").asBoolean() && descriptor.path("get_keys").asBoolean()) {
					parameters.add(Parameter.of(entry.getKey(), renameTo, Shape.KEYS));
				}
				else if (descriptor.path("list").asBoolean() && descriptor.path("get_count").asBoolean()) {
					parameters.add(Parameter.of(entry.getKey(), renameTo, Shape.COUNT));
				}
			});
			return List.copyOf(parameters);
		}

	}

	/** One parameter of one request or response class, ready to read. */
	private record Read(String name, Function<Object, Object> reader, Shape shape) {

		void into(Subsegment subsegment, Object pojo) {
			Object value = this.reader.apply(pojo);
			if (value == null) {
				return;
			}
			switch (this.shape) {
				case VALUE -> subsegment.putAws(this.name, value);
				case KEYS -> {
					if (value instanceof Map<?, ?> map) {
						subsegment.putAws(this.name, map.keySet());
					}
				}
				case COUNT -> {
					if (value instanceof Collection<?> list) {
						subsegment.putAws(this.name, list.size());
					}
				}
			}
		}

	}

	/** What one request or response class contributes. */
	private record Recorded(Read[] reads) {

		void record(Object pojo, Subsegment subsegment) {
			for (Read read : this.reads) {
				read.into(subsegment, pojo);
			}
		}

	}

}
