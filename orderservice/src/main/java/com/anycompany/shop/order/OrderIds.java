package com.anycompany.shop.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Order ids follow from idempotency keys, so the same submission always lands on the same
 * DynamoDB item, and the conditional write makes it one order.
 */
final class OrderIds {

	private OrderIds() {
	}

	/** {@code "O-"} and the first 16 hex digits of the key's SHA-256. */
	static String fromIdempotencyKey(String idempotencyKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
			return "O-" + HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
