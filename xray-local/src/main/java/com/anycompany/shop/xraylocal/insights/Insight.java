package com.anycompany.shop.xraylocal.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.anycompany.shop.xraylocal.store.NodeKey;

/**
 * One insight: a service whose fault rate left its expected band, in one group, from the
 * period it was first seen until the first period it was back within the band. Its
 * figures grow while it is active; the detector is its only writer, readers get copies.
 */
public final class Insight {

	public enum State {

		ACTIVE, CLOSED

	}

	/** Requests counted as X-Ray's RequestImpactStatistics: faults, OK, all. */
	public record Impact(long faults, long ok, long total) {

		static final Impact NONE = new Impact(0, 0, 0);

		Impact plus(Impact other) {
			return new Impact(this.faults + other.faults, this.ok + other.ok, this.total + other.total);
		}

	}

	/** Something that happened to the insight, in X-Ray's InsightEvent terms. */
	public record Event(double time, String summary, Impact clientImpact, Impact rootCauseImpact,
			List<NodeKey> anomalous) {
	}

	/**
	 * One period of the root-cause service: calls into it, of which faults, and the top
	 * of its expected fault rate.
	 */
	public record Point(double time, long total, long faults, double expectedHigh) {
	}

	/** A copy for readers. */
	public record View(String id, String groupName, String groupArn, NodeKey rootCause, State state, double startTime,
			Double endTime, double lastUpdate, String summary, Impact clientImpact, Impact rootCauseImpact,
			List<NodeKey> anomalous, List<Event> events, List<Point> timeline, double expectedRate) {
	}

	private final String id = UUID.randomUUID().toString();

	private final String groupName;

	private final String groupArn;

	private final NodeKey rootCause;

	private final double startTime;

	/** The fault rate's top before it started: back below it, the insight closes. */
	private final double expectedHigh;

	private final double expectedRate;

	private Double endTime;

	private double lastUpdate;

	private String summary;

	private Impact clientImpact = Impact.NONE;

	private Impact rootCauseImpact = Impact.NONE;

	private List<NodeKey> anomalous = List.of();

	private final List<Event> events = new ArrayList<>();

	private final List<Point> timeline = new ArrayList<>();

	Insight(String groupName, String groupArn, NodeKey rootCause, double startTime, double expectedRate,
			double expectedHigh) {
		this.groupName = groupName;
		this.groupArn = groupArn;
		this.rootCause = rootCause;
		this.startTime = startTime;
		this.expectedRate = expectedRate;
		this.expectedHigh = expectedHigh;
		this.lastUpdate = startTime;
	}

	synchronized String id() {
		return this.id;
	}

	NodeKey rootCause() {
		return this.rootCause;
	}

	String groupName() {
		return this.groupName;
	}

	double expectedHigh() {
		return this.expectedHigh;
	}

	synchronized boolean active() {
		return this.endTime == null;
	}

	synchronized void period(double time, Impact client, Impact root, List<NodeKey> anomalous, Point point,
			String eventSummary) {
		this.clientImpact = this.clientImpact.plus(client);
		this.rootCauseImpact = this.rootCauseImpact.plus(root);
		this.timeline.add(point);
		this.lastUpdate = time;
		if (eventSummary != null) {
			this.summary = eventSummary;
			this.anomalous = List.copyOf(anomalous);
			this.events.add(new Event(time, eventSummary, this.clientImpact, this.rootCauseImpact, this.anomalous));
		}
	}

	synchronized void close(double time, Point point, String eventSummary) {
		this.endTime = time;
		this.lastUpdate = time;
		this.timeline.add(point);
		this.events.add(new Event(time, eventSummary, this.clientImpact, this.rootCauseImpact, List.of()));
	}

	public synchronized View view() {
		return new View(this.id, this.groupName, this.groupArn, this.rootCause,
				(this.endTime == null) ? State.ACTIVE : State.CLOSED, this.startTime, this.endTime, this.lastUpdate,
				this.summary, this.clientImpact, this.rootCauseImpact, this.anomalous, List.copyOf(this.events),
				List.copyOf(this.timeline), this.expectedRate);
	}

}
