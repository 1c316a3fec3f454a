package com.anycompany.shop.xraylocal.chaos;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chaos the launcher caused (services killed, latency, errors and throttling
 * injected, all reset), kept so that the console can put it on the timeline next to the
 * traces it explains. In memory and bounded: past {@link #MAX_EVENTS} the oldest go
 * first. Not part of the X-Ray API.
 */
public final class ChaosEvents {

	/** Events kept at most. */
	public static final int MAX_EVENTS = 1000;

	/** What the launcher's chaos commands do. */
	public static final Set<String> ACTIONS = Set.of("kill", "latency", "errors", "throttle", "reset");

	private final Deque<Event> events = new ArrayDeque<>();

	private long nextId = 1;

	/**
	 * One chaos action.
	 *
	 * @param id increasing from 1, in order of recording
	 * @param time when it happened, epoch seconds
	 * @param action one of {@link #ACTIONS}
	 * @param target the service it was done to; null for all (a reset)
	 * @param parameters what the action was given (delay, rate...), as sent
	 * @param source who did it: {@code launcher}, {@code randomizer}...
	 */
	public record Event(long id, double time, String action, String target, Map<String, Object> parameters,
			String source) {
	}

	/** Stores an event and gives it its id. */
	public synchronized Event record(double time, String action, String target, Map<String, Object> parameters,
			String source) {
		Event event = new Event(this.nextId++, time, action, target, parameters, source);
		this.events.addLast(event);
		while (this.events.size() > MAX_EVENTS) {
			this.events.removeFirst();
		}
		return event;
	}

	/** Events at or after {@code since} (epoch seconds), oldest first. */
	public synchronized List<Event> since(double since) {
		List<Event> found = new ArrayList<>();
		for (Event event : this.events) {
			if (event.time() >= since) {
				found.add(event);
			}
		}
		// a launcher may report an event with the time it happened, after a later one
		found.sort(Comparator.comparingDouble(Event::time).thenComparingLong(Event::id));
		return found;
	}

}
