package com.anycompany.shop.xraylocal.insights;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How insights and group alarms are evaluated, under {@code xray.local.insights}
 * (environment {@code XRAY_LOCAL_INSIGHTS_*}).
 *
 * @param defaultGroup whether the Default group starts with insights enabled (X-Ray
 * starts with them off; locally they cost nothing and show what a chaos event did)
 * @param period the length of one evaluated period; a service's fault rate is taken per
 * period, and group metrics and alarms use it too (X-Ray: one minute)
 * @param history how many periods before make a service's expected band
 * @param minFaults faults in a period below which nothing is anomalous (a single failed
 * request is no insight)
 * @param minRateIncrease how far above its usual fault rate a service must be, at least,
 * however steady it was before (0.05: five points)
 */
@ConfigurationProperties("xray.local.insights")
public record InsightsProperties(@DefaultValue("true") boolean defaultGroup, @DefaultValue("60s") Duration period,
		@DefaultValue("10") int history, @DefaultValue("3") int minFaults,
		@DefaultValue("0.05") double minRateIncrease) {

	public int periodSeconds() {
		return (int) Math.max(1, this.period.toSeconds());
	}

}
