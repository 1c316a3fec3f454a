package com.anycompany.shop.xraylocal.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.anycompany.shop.xraylocal.web.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account-wide settings X-Ray keeps, in memory: the encryption configuration, the
 * resource policies, and the telemetry the daemons report. Nothing is encrypted locally
 * and no policy is enforced: they are kept and answered so code that manages them runs.
 */
public final class AccountSettings {

	/** X-Ray's quotas: five policies per account, 5 KB per policy document. */
	public static final int MAX_POLICIES = 5;

	public static final int MAX_POLICY_BYTES = 5 * 1024;

	public record Encryption(String keyId, String type, double changedAt) {
	}

	public record Policy(String policyName, String policyDocument, String policyRevisionId, double lastUpdatedTime) {
	}

	private volatile Encryption encryption = new Encryption(null, "NONE", 0);

	private final Map<String, Policy> policies = new LinkedHashMap<>();

	private long revisions;

	private final LongAdder telemetryRequests = new LongAdder();

	private final LongAdder telemetryRecords = new LongAdder();

	private final Map<String, LongAdder> telemetryCounts = new LinkedHashMap<>();

	private volatile String lastReporter;

	private final JsonMapper mapper;

	public AccountSettings(JsonMapper mapper) {
		this.mapper = mapper;
		for (String name : List.of("SegmentsReceivedCount", "SegmentsSentCount", "SegmentsSpilloverCount",
				"SegmentsRejectedCount", "BackendConnectionErrors")) {
			this.telemetryCounts.put(name, new LongAdder());
		}
	}

	public Encryption encryption() {
		return this.encryption;
	}

	public Encryption putEncryption(String type, String keyId) {
		if (!"NONE".equals(type) && !"KMS".equals(type)) {
			throw ApiException.invalid("Type must be NONE or KMS");
		}
		if ("KMS".equals(type) && (keyId == null || keyId.isBlank())) {
			throw ApiException.invalid("KeyId is required when Type is KMS");
		}
		this.encryption = new Encryption("KMS".equals(type) ? keyId : null, type, now());
		return this.encryption;
	}

	/**
	 * As X-Ray: {@code UPDATING} for a short while after a change (real X-Ray takes
	 * minutes; here a second), then {@code ACTIVE}.
	 */
	public String encryptionStatus() {
		return (now() - this.encryption.changedAt() < 1) ? "UPDATING" : "ACTIVE";
	}

	public synchronized Policy putPolicy(String name, String document, String revisionId) {
		if (document.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_POLICY_BYTES) {
			throw ApiException.of("PolicySizeLimitExceededException", "A policy document is at most 5 KB");
		}
		checkDocument(document);
		Policy existing = this.policies.get(name);
		if (revisionId != null) {
			if (existing == null && !revisionId.equals("0")) {
				throw ApiException.of("InvalidPolicyRevisionIdException",
						"There is no policy " + name + " at revision " + revisionId);
			}
			if (existing != null && !revisionId.equals(existing.policyRevisionId())) {
				throw ApiException.of("InvalidPolicyRevisionIdException",
						"Policy " + name + " is at revision " + existing.policyRevisionId() + ", not " + revisionId);
			}
		}
		if (existing == null && this.policies.size() >= MAX_POLICIES) {
			throw ApiException.of("PolicyCountLimitExceededException",
					"At most " + MAX_POLICIES + " resource policies");
		}
		Policy policy = new Policy(name, document, Long.toString(++this.revisions), now());
		this.policies.put(name, policy);
		return policy;
	}

	public synchronized List<Policy> policies() {
		return new ArrayList<>(this.policies.values());
	}

	/** Deleting a policy that does not exist does nothing, as deletes are idempotent. */
	public synchronized void deletePolicy(String name, String revisionId) {
		Policy existing = this.policies.get(name);
		if (existing != null && revisionId != null && !revisionId.equals(existing.policyRevisionId())) {
			throw ApiException.of("InvalidPolicyRevisionIdException",
					"Policy " + name + " is at revision " + existing.policyRevisionId() + ", not " + revisionId);
		}
		this.policies.remove(name);
	}

	private void checkDocument(String document) {
		JsonNode policy;
		try {
			policy = this.mapper.readTree(document);
		}
		catch (JacksonException ex) {
			throw ApiException.of("MalformedPolicyDocumentException", "The policy document is not valid JSON");
		}
		JsonNode statement = (policy != null) ? policy.get("Statement") : null;
		if (statement == null || !(statement.isArray() || statement.isObject())
				|| (statement.isArray() && statement.isEmpty())) {
			throw ApiException.of("MalformedPolicyDocumentException", "A policy document needs a Statement");
		}
		for (JsonNode s : statement.isArray() ? statement : List.of(statement)) {
			String effect = s.path("Effect").asString("");
			if (!effect.equals("Allow") && !effect.equals("Deny")) {
				throw ApiException.of("MalformedPolicyDocumentException", "Each statement needs Effect Allow or Deny");
			}
			if (!s.has("Action")) {
				throw ApiException.of("MalformedPolicyDocumentException", "Each statement needs an Action");
			}
		}
	}

	/** Counts one PutTelemetryRecords call's records. */
	public void telemetry(List<JsonNode> records, String reporter) {
		this.telemetryRequests.increment();
		this.telemetryRecords.add(records.size());
		for (JsonNode record : records) {
			this.telemetryCounts.forEach((name, sum) -> {
				JsonNode value = record.get(name);
				if (value != null && value.isObject()) {
					value.properties().forEach((e) -> sum.add(e.getValue().asLong(0)));
				}
				else if (value != null) {
					sum.add(value.asLong(0));
				}
			});
		}
		if (reporter != null) {
			this.lastReporter = reporter;
		}
	}

	/** For the status page. */
	public Map<String, Object> telemetryStatus() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("requests", this.telemetryRequests.sum());
		status.put("records", this.telemetryRecords.sum());
		this.telemetryCounts.forEach((name, sum) -> status.put(name, sum.sum()));
		status.put("lastReporter", this.lastReporter);
		return status;
	}

	private static double now() {
		return System.currentTimeMillis() / 1000.0;
	}

}
