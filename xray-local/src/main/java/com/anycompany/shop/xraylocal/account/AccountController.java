package com.anycompany.shop.xraylocal.account;

import java.util.List;
import java.util.Map;

import com.anycompany.shop.xraylocal.web.ApiException;
import com.anycompany.shop.xraylocal.web.Bodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account-level operations, in X-Ray's shapes: PutTelemetryRecords,
 * GetEncryptionConfig / PutEncryptionConfig, TagResource / UntagResource /
 * ListTagsForResource (groups and sampling rules), PutResourcePolicy /
 * ListResourcePolicies / DeleteResourcePolicy.
 */
@RestController
class AccountController {

	private final AccountSettings settings;

	private final Tags tags;

	private final TaggableResources resources;

	private final JsonMapper mapper;

	record EncryptionConfig(String keyId, String status, String type) {
	}

	record EncryptionResult(EncryptionConfig encryptionConfig) {
	}

	record TagsResult(List<Tags.Tag> tags, String nextToken) {
	}

	record PolicyResult(AccountSettings.Policy resourcePolicy) {
	}

	record PoliciesResult(List<AccountSettings.Policy> resourcePolicies, String nextToken) {
	}

	AccountController(AccountSettings settings, Tags tags, TaggableResources resources, JsonMapper mapper) {
		this.settings = settings;
		this.tags = tags;
		this.resources = resources;
		this.mapper = mapper;
	}

	@PostMapping("/TelemetryRecords")
	Map<String, Object> putTelemetryRecords(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		if (!request.has("TelemetryRecords")) {
			throw ApiException.invalid("TelemetryRecords is required");
		}
		List<JsonNode> records = Bodies.objects(request, "TelemetryRecords");
		for (JsonNode record : records) {
			if (Bodies.time(record, "Timestamp") == null) {
				throw ApiException.invalid("Every telemetry record needs a Timestamp");
			}
		}
		String host = Bodies.string(request, "Hostname", 0, 255);
		String instance = Bodies.string(request, "EC2InstanceId", 0, 20);
		Bodies.string(request, "ResourceARN", 0, 500);
		this.settings.telemetry(records, (host != null) ? host : instance);
		return Map.of();
	}

	@PostMapping("/EncryptionConfig")
	EncryptionResult getEncryptionConfig(@RequestBody(required = false) byte[] body) {
		Bodies.object(this.mapper, body);
		return encryption(this.settings.encryption());
	}

	@PostMapping("/PutEncryptionConfig")
	EncryptionResult putEncryptionConfig(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		return encryption(this.settings.putEncryption(Bodies.required(request, "Type", 1, 16),
				Bodies.string(request, "KeyId", 1, 3000)));
	}

	private EncryptionResult encryption(AccountSettings.Encryption encryption) {
		return new EncryptionResult(
				new EncryptionConfig(encryption.keyId(), this.settings.encryptionStatus(), encryption.type()));
	}

	@PostMapping("/TagResource")
	Map<String, Object> tagResource(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		String arn = resource(request);
		if (!request.has("Tags")) {
			throw ApiException.invalid("Tags is required");
		}
		this.tags.put(arn, tags(request));
		return Map.of();
	}

	@PostMapping("/UntagResource")
	Map<String, Object> untagResource(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		String arn = resource(request);
		if (!request.has("TagKeys")) {
			throw ApiException.invalid("TagKeys is required");
		}
		this.tags.remove(arn, Bodies.strings(request, "TagKeys"));
		return Map.of();
	}

	@PostMapping("/ListTagsForResource")
	TagsResult listTagsForResource(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		String arn = resource(request);
		if (Bodies.string(request, "NextToken", 0, 2000) != null) {
			// at most 50 tags: one page, no token given out
			throw ApiException.invalid("NextToken is not one this service gave out");
		}
		return new TagsResult(this.tags.list(arn), null);
	}

	@PostMapping("/PutResourcePolicy")
	PolicyResult putResourcePolicy(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		String name = Bodies.required(request, "PolicyName", 1, 128);
		if (!name.matches("[\\w+=,.@-]+")) {
			throw ApiException.invalid("PolicyName may hold letters, digits and +=,.@-_ only");
		}
		Bodies.bool(request, "BypassPolicyLockoutCheck");
		return new PolicyResult(this.settings.putPolicy(name, Bodies.required(request, "PolicyDocument", 1, 1 << 20),
				Bodies.string(request, "PolicyRevisionId", 0, 128)));
	}

	@PostMapping("/ListResourcePolicies")
	PoliciesResult listResourcePolicies(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		if (Bodies.string(request, "NextToken", 1, 100) != null) {
			throw ApiException.invalid("NextToken is not one this service gave out");
		}
		return new PoliciesResult(this.settings.policies(), null);
	}

	@PostMapping("/DeleteResourcePolicy")
	Map<String, Object> deleteResourcePolicy(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		this.settings.deletePolicy(Bodies.required(request, "PolicyName", 1, 128),
				Bodies.string(request, "PolicyRevisionId", 0, 128));
		return Map.of();
	}

	private String resource(JsonNode request) {
		String arn = Bodies.required(request, "ResourceARN", 1, 1011);
		if (!this.resources.exists(arn)) {
			throw ApiException.notFound("No group or sampling rule has the ARN " + arn);
		}
		return arn;
	}

	private static List<Tags.Tag> tags(JsonNode request) {
		return Bodies.objects(request, "Tags")
			.stream()
			.map((tag) -> new Tags.Tag(Bodies.required(tag, "Key", 1, 128), Bodies.required(tag, "Value", 0, 256)))
			.toList();
	}

}
