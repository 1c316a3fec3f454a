package com.anycompany.shop.frontend.product;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last good answers of a downstream service, bounded in number and age, for pages
 * that may be shown from a recent copy while the service restarts. Least recently used
 * answers leave first.
 */
final class RecentCopy<V> {

	private final int maxEntries;

	private final Duration maxAge;

	private final Clock clock;

	private final Map<String, Stored<V>> entries;

	RecentCopy(int maxEntries, Duration maxAge, Clock clock) {
		this.maxEntries = maxEntries;
		this.maxAge = maxAge;
		this.clock = clock;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Stored<V>> eldest) {
				return size() > RecentCopy.this.maxEntries;
			}

		};
	}

	synchronized void put(String key, V value) {
		this.entries.put(key, new Stored<>(value, this.clock.instant()));
	}

	/** The copy, unless it is older than the maximum age. */
	synchronized Optional<V> get(String key) {
		Stored<V> stored = this.entries.get(key);
		if (stored == null || stored.at().plus(this.maxAge).isBefore(this.clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(stored.value());
	}

	private record Stored<V>(V value, Instant at) {

	}

}
