package com.anycompany.shop.xraylocal.api;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.xraylocal.web.ApiException;

/**
 * Trace retrievals (StartTraceRetrieval and the operations that read one), kept in
 * memory, the last {@link #MAX_RETRIEVALS}. X-Ray retrieves asynchronously from
 * CloudWatch Logs; here the traces are in memory, so a retrieval is {@code SCHEDULED}
 * when started and {@code COMPLETE} from its first read on; {@code CANCELLED} once
 * cancelled, and {@code TIMEOUT} when read more than {@link #TTL_SECONDS} after it
 * started (X-Ray keeps retrieved traces for a limited time too).
 */
final class Retrievals {

	static final int MAX_RETRIEVALS = 100;

	static final long TTL_SECONDS = 3600;

	enum Status {

		SCHEDULED, RUNNING, COMPLETE, FAILED, CANCELLED, TIMEOUT

	}

	static final class Retrieval {

		final List<String> traceIds;

		final double start;

		final double end;

		final double createdAt = System.currentTimeMillis() / 1000.0;

		Status status = Status.SCHEDULED;

		Retrieval(List<String> traceIds, double start, double end) {
			this.traceIds = List.copyOf(traceIds);
			this.start = start;
			this.end = end;
		}

	}

	private final Map<String, Retrieval> byToken = new LinkedHashMap<>();

	private final SecureRandom random = new SecureRandom();

	synchronized String start(List<String> traceIds, double start, double end) {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		this.byToken.put(token, new Retrieval(traceIds, start, end));
		while (this.byToken.size() > MAX_RETRIEVALS) {
			this.byToken.remove(this.byToken.keySet().iterator().next());
		}
		return token;
	}

	/** The retrieval, read now: scheduled ones complete, old ones time out. */
	synchronized Retrieval read(String token) {
		Retrieval retrieval = find(token);
		double now = System.currentTimeMillis() / 1000.0;
		if (retrieval.status == Status.SCHEDULED || retrieval.status == Status.RUNNING) {
			retrieval.status = (now - retrieval.createdAt > TTL_SECONDS) ? Status.TIMEOUT : Status.COMPLETE;
		}
		else if (retrieval.status == Status.COMPLETE && now - retrieval.createdAt > TTL_SECONDS) {
			retrieval.status = Status.TIMEOUT;
		}
		return retrieval;
	}

	synchronized void cancel(String token) {
		Retrieval retrieval = find(token);
		if (retrieval.status == Status.COMPLETE || retrieval.status == Status.TIMEOUT) {
			throw ApiException.invalid("The retrieval has ended (" + retrieval.status + ") and cannot be cancelled");
		}
		retrieval.status = Status.CANCELLED;
	}

	private Retrieval find(String token) {
		Retrieval retrieval = this.byToken.get(token);
		if (retrieval == null) {
			throw ApiException.notFound("No trace retrieval has the token " + token);
		}
		return retrieval;
	}

}
