package com.anycompany.shop.xraylocal.store;

import java.util.Map;

/**
 * What xray-local keeps of a segment or subsegment besides its raw JSON: the fields the
 * service graph, the filters and the summaries read. Built once by the parser, never
 * changed.
 */
public final class Entity {

	public static final int ERROR = 1;

	public static final int FAULT = 2;

	public static final int THROTTLE = 4;

	public static final Entity[] NO_CHILDREN = {};

	public long id;

	public String name;

	/** {@code aws}, {@code remote} or null. */
	public String namespace;

	public double startTime;

	/** NaN while in progress. */
	public double endTime = Double.NaN;

	public boolean inProgress;

	/** {@link #ERROR}, {@link #FAULT}, {@link #THROTTLE}. */
	public int flags;

	public int httpStatus;

	public String httpMethod;

	public String httpUrl;

	public String userAgent;

	public String clientIp;

	public String user;

	public String origin;

	public String awsTable;

	public String awsOperation;

	/** {@code aws.region}: where an AWS SDK call went. */
	public String awsRegion;

	/** {@code aws.account_id}: the account a segment (or a call) belongs to. */
	public String awsAccountId;

	/** A segment's {@code resource_arn}: the resource that ran it. */
	public String resourceArn;

	/** String, Double or Boolean values; null when there are none. */
	public Map<String, Object> annotations;

	public Entity[] children = NO_CHILDREN;

	public static final Thrown[] NO_EXCEPTIONS = {};

	/** From {@code cause.exceptions}: what the SDK recorded as thrown here. */
	public Thrown[] exceptions = NO_EXCEPTIONS;

	/**
	 * An exception recorded on a segment or subsegment.
	 *
	 * @param name the exception's type, e.g. {@code ConnectException}
	 * @param message its message, possibly null
	 */
	public record Thrown(String name, String message) {
	}

	public double duration() {
		return this.inProgress ? 0 : Math.max(0, this.endTime - this.startTime);
	}

	/** Flags as recorded, or derived from the HTTP status when the SDK set none. */
	public int effectiveFlags() {
		if (this.flags != 0 || this.httpStatus < 400) {
			return this.flags;
		}
		if (this.httpStatus == 429) {
			return ERROR | THROTTLE;
		}
		return (this.httpStatus < 500) ? ERROR : FAULT;
	}

	/** Calls {@code visitor} for this entity and every descendant. */
	public void forEach(java.util.function.Consumer<Entity> visitor) {
		visitor.accept(this);
		for (Entity child : this.children) {
			child.forEach(visitor);
		}
	}

}
