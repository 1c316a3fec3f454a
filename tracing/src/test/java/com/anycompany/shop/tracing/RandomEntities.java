package com.anycompany.shop.tracing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;

/**
 * Segments of random shape built through the SDK's recorder, with values of every kind
 * the document writer handles itself: for comparing its output with the SDK's.
 */
final class RandomEntities {

	/** Characters that need care: escapes, multi-byte, surrogates (paired and lone). */
	private static final String[] PIECES = { "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f",
			"\u0000", "\u0001", "\u001f", "\u007f", "é", "€", "\u2028", "\ud83d\ude00", "\ud800", "\udfff", "\uffff",
			"価", "ß" };

	enum Color {

		RED, GREEN

	}

	private final Random random;

	private final AWSXRayRecorder recorder;

	RandomEntities(Random random, AWSXRayRecorder recorder) {
		this.random = random;
		this.recorder = recorder;
	}

	Segment segment() {
		Segment segment = this.recorder.beginSegment(name());
		fill(segment);
		if (chance(3)) {
			segment.setOrigin(chance(4) ? "" : "AWS::EC2::Instance");
		}
		if (chance(3)) {
			segment.setUser(string());
		}
		if (chance(4)) {
			segment.setResourceArn("arn:aws:ecs:us-east-1:123456789012:task/" + string());
		}
		if (chance(3)) {
			segment.setParentId("1234567890abcdef");
		}
		if (chance(3)) {
			segment.putService(string(), value(2));
		}
		if (chance(3)) {
			segment.setRuleName(string());
		}
		children(segment, 0);
		if (chance(5)) {
			// still in progress, as the SDK streams it when it grows too big
			return segment;
		}
		segment.setEndTime(time());
		segment.setInProgress(false);
		return segment;
	}

	private void children(Entity parent, int depth) {
		int count = (depth >= 3) ? 0 : this.random.nextInt(4);
		for (int i = 0; i < count; i++) {
			this.recorder.setTraceEntity(parent);
			Subsegment child = this.recorder.beginSubsegment(name());
			fill(child);
			if (chance(3)) {
				child.setNamespace(pick("remote", "aws", ""));
			}
			if (chance(4)) {
				child.addPrecursorId(Long.toHexString(this.random.nextLong()));
			}
			if (chance(6)) {
				child.setParentId("fedcba9876543210");
			}
			children(child, depth + 1);
			if (!chance(5)) {
				child.setEndTime(time());
				child.setInProgress(false);
			}
		}
	}

	private void fill(Entity entity) {
		entity.setStartTime(time());
		if (chance(4)) {
			entity.setFault(true);
		}
		if (chance(4)) {
			entity.setError(true);
		}
		if (chance(6)) {
			entity.setThrottle(true);
		}
		for (int i = this.random.nextInt(3); i > 0; i--) {
			entity.putHttp(pick("request", "response", string()), value(3));
		}
		for (int i = this.random.nextInt(3); i > 0; i--) {
			entity.putAws(pick("operation", "region", "retries", string()), value(2));
		}
		if (chance(5)) {
			entity.putSql(string(), value(1));
		}
		for (int i = this.random.nextInt(4); i > 0; i--) {
			switch (this.random.nextInt(3)) {
				case 0 -> entity.putAnnotation(string(), string());
				case 1 -> entity.putAnnotation(string(), (Number) number());
				default -> entity.putAnnotation(string(), this.random.nextBoolean());
			}
		}
		for (int i = this.random.nextInt(4); i > 0; i--) {
			entity.putMetadata(pick("default", "shop", string()), string(), chance(8) ? null : value(4));
		}
		if (chance(4)) {
			entity.addException(exception());
		}
	}

	private Throwable exception() {
		Throwable cause = chance(2) ? null : new IllegalStateException(chance(3) ? null : string());
		RuntimeException failure = new RuntimeException(string(), cause);
		if (chance(3)) {
			failure.setStackTrace(new StackTraceElement[0]);
		}
		return failure;
	}

	private Object value(int depth) {
		int kinds = (depth <= 0) ? 6 : 12;
		switch (this.random.nextInt(kinds)) {
			case 0, 1:
				return string();
			case 2, 3:
				return number();
			case 4:
				return this.random.nextBoolean();
			case 5:
				return pick(Color.values());
			case 6, 7:
				return map(depth - 1);
			case 8:
				return list(depth - 1);
			case 9:
				return new LinkedHashSet<>(list(depth - 1));
			case 10:
				return list(depth - 1).toArray();
			default:
				return primitiveArray();
		}
	}

	private Map<String, Object> map(int depth) {
		int size = this.random.nextInt(4);
		Map<String, Object> map = switch (this.random.nextInt(4)) {
			case 0 -> new HashMap<>();
			case 1 -> new LinkedHashMap<>();
			case 2 -> new TreeMap<>();
			default -> new ConcurrentHashMap<>();
		};
		for (int i = 0; i < size; i++) {
			Object value = chance(6) ? null : value(depth);
			if (value != null || !(map instanceof ConcurrentHashMap)) {
				map.put(string(), value);
			}
		}
		return map;
	}

	private List<Object> list(int depth) {
		List<Object> list = new ArrayList<>();
		for (int i = this.random.nextInt(4); i > 0; i--) {
			list.add(chance(6) ? null : value(depth));
		}
		return list;
	}

	private Object primitiveArray() {
		int length = this.random.nextInt(3);
		return switch (this.random.nextInt(4)) {
			case 0 -> this.random.ints(length).toArray();
			case 1 -> this.random.longs(length).toArray();
			case 2 -> Arrays.stream(new double[length]).map((d) -> (Double) number(5)).toArray();
			default -> {
				boolean[] flags = new boolean[length];
				for (int i = 0; i < length; i++) {
					flags[i] = this.random.nextBoolean();
				}
				yield flags;
			}
		};
	}

	private Object number() {
		return number(this.random.nextInt(10));
	}

	private Object number(int kind) {
		return switch (kind) {
			case 0 -> this.random.nextInt();
			case 1 -> this.random.nextLong();
			case 2 -> (short) this.random.nextInt();
			case 3 -> (byte) this.random.nextInt();
			case 4 -> this.random.nextFloat() * pick(1f, 1e-9f, 1e20f, Float.NaN);
			case 5 -> this.random.nextDouble() * pick(1.0, 1e-12, 1e300, -1.0, 0.0, Double.POSITIVE_INFINITY);
			case 6 -> BigInteger.valueOf(this.random.nextLong()).multiply(BigInteger.valueOf(this.random.nextLong()));
			case 7 -> BigDecimal.valueOf(this.random.nextInt(100_000) - 50_000, this.random.nextInt(12) - 4);
			case 8 -> new BigDecimal(BigInteger.valueOf(this.random.nextInt(5) * 100), this.random.nextInt(6));
			default -> this.random.nextInt(1000);
		};
	}

	private double time() {
		return 1.7e9 + this.random.nextInt(1_000_000) / 1000.0;
	}

	private String name() {
		// the SDK refuses a blank name, and its idea of blank includes control characters
		return "n" + string();
	}

	private String string() {
		StringBuilder text = new StringBuilder();
		for (int i = this.random.nextInt(8); i > 0; i--) {
			text.append(PIECES[this.random.nextInt(PIECES.length)]);
		}
		return text.toString();
	}

	private boolean chance(int oneIn) {
		return this.random.nextInt(oneIn) == 0;
	}

	@SafeVarargs
	private <T> T pick(T... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

}
