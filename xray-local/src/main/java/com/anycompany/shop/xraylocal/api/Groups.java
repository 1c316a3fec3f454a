package com.anycompany.shop.xraylocal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

import com.anycompany.shop.xraylocal.web.ApiException;
import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.filter.FilterParser;

/**
 * X-Ray groups: named filter expressions, selectable on the service map and in the trace
 * list, and usable in filters as {@code group.name = "x"}. The {@code Default} group
 * (everything) always exists, as in X-Ray.
 */
public final class Groups implements FilterParser.Groups {

	public static final String DEFAULT = "Default";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]{1,32}");

	private static final String ARN_PREFIX = "arn:aws:xray:us-east-1:000000000000:group/";

	private final Map<String, Group> groups = new ConcurrentSkipListMap<>(String.CASE_INSENSITIVE_ORDER);

	/**
	 * A group as stored.
	 *
	 * @param name 1-32 letters, digits and dashes
	 * @param arn a local ARN in X-Ray's shape
	 * @param filterExpression as given; null for the Default group
	 * @param insightsEnabled whether xray-local looks for insights in the group's traces
	 * @param notificationsEnabled kept and answered; xray-local has no EventBridge to
	 * notify
	 */
	public record Group(String name, String arn, String filterExpression, boolean insightsEnabled,
			boolean notificationsEnabled) {

		Group(String name, String arn, String filterExpression) {
			this(name, arn, filterExpression, false, false);
		}

		public Group withInsights(Boolean insights, Boolean notifications) {
			return new Group(this.name, this.arn, this.filterExpression,
					(insights != null) ? insights : this.insightsEnabled,
					(notifications != null) ? notifications : this.notificationsEnabled);
		}

	}

	public Groups() {
		this(false);
	}

	/**
	 * @param defaultInsights whether the Default group starts with insights enabled
	 * (X-Ray starts with them off; locally they cost nothing)
	 */
	public Groups(boolean defaultInsights) {
		this.groups.put(DEFAULT, new Group(DEFAULT, ARN_PREFIX + DEFAULT, null, defaultInsights, false));
	}

	public synchronized Group create(String name, String filterExpression) {
		return create(name, filterExpression, null, null);
	}

	public synchronized Group create(String name, String filterExpression, Boolean insights, Boolean notifications) {
		checkName(name);
		if (this.groups.containsKey(name)) {
			throw ApiException.invalid("Group " + name + " already exists");
		}
		FilterParser.parse(filterExpression, this);
		Group group = new Group(name, ARN_PREFIX + name + "/" + Long.toHexString(System.nanoTime() & 0xffffffffL),
				filterExpression)
			.withInsights(insights, notifications);
		this.groups.put(name, group);
		return group;
	}

	public synchronized Group update(String name, String arn, String filterExpression) {
		return update(name, arn, filterExpression, null, null);
	}

	/**
	 * Changes a group's filter and insights settings; the Default group's filter stays
	 * (it holds every trace), its insights settings can change, as in X-Ray.
	 */
	public synchronized Group update(String name, String arn, String filterExpression, Boolean insights,
			Boolean notifications) {
		Group group = find(name, arn);
		if (group.name().equals(DEFAULT) && filterExpression != null) {
			throw ApiException.invalid("The Default group's filter expression cannot be changed");
		}
		if (filterExpression != null) {
			FilterParser.parse(filterExpression, this);
		}
		Group updated = new Group(group.name(), group.arn(),
				(filterExpression != null) ? filterExpression : group.filterExpression(), group.insightsEnabled(),
				group.notificationsEnabled())
			.withInsights(insights, notifications);
		this.groups.put(group.name(), updated);
		return updated;
	}

	public synchronized void delete(String name, String arn) {
		Group group = find(name, arn);
		if (group.name().equals(DEFAULT)) {
			throw ApiException.invalid("The Default group cannot be deleted");
		}
		this.groups.remove(group.name());
	}

	/** By name or ARN; an {@link ApiException} when neither names a group. */
	public Group find(String name, String arn) {
		if (name == null && arn == null) {
			throw ApiException.invalid("GroupName or GroupARN is required");
		}
		Group group = (name != null) ? this.groups.get(name) : byArn(arn);
		if (group == null) {
			throw ApiException.invalid("Group not found: " + ((name != null) ? name : arn));
		}
		return group;
	}

	/** The group's filter, or everything when no group is named. */
	public Filter filter(String name, String arn) {
		if (name == null && arn == null) {
			return Filter.ALL;
		}
		return FilterParser.parse(find(name, arn).filterExpression(), this);
	}

	public List<Group> all() {
		return new ArrayList<>(this.groups.values());
	}

	@Override
	public String filterByName(String name) {
		Group group = this.groups.get(name);
		return (group == null) ? null : nonNull(group.filterExpression());
	}

	@Override
	public String filterByArn(String arn) {
		Group group = byArn(arn);
		return (group == null) ? null : nonNull(group.filterExpression());
	}

	private static String nonNull(String expression) {
		// the Default group holds every trace: an always-true condition
		return (expression == null || expression.isBlank()) ? "duration >= 0" : expression;
	}

	/** By ARN, or null. */
	public Group byArn(String arn) {
		return this.groups.values().stream().filter((g) -> g.arn().equals(arn)).findFirst().orElse(null);
	}

	private static void checkName(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw ApiException.invalid("GroupName must be 1 to 32 letters, digits or dashes");
		}
	}

}
