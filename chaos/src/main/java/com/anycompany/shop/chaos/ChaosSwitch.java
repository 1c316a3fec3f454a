package com.anycompany.shop.chaos;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Chaos is on only when switched on ({@code shop.chaos.enabled=true}, SHOP_CHAOS_ENABLED)
 * <em>and</em> given a secret ({@code shop.chaos.token}, SHOP_CHAOS_TOKEN) that every
 * call of {@code /actuator/chaos} must carry: switched on without one, any local process
 * (a web page's script included, on the storefront's port) could make the shop fail.
 */
class ChaosSwitch extends SpringBootCondition {

	static final String ENABLED = "shop.chaos.enabled";

	static final String TOKEN = "shop.chaos.token";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (!isOn(context.getEnvironment())) {
			return ConditionOutcome.noMatch(ENABLED + " is not true, or " + TOKEN + " is empty");
		}
		return ConditionOutcome.match(ENABLED + " is true and " + TOKEN + " is set");
	}

	static boolean isEnabled(Environment environment) {
		return environment.getProperty(ENABLED, Boolean.class, false);
	}

	static boolean isOn(Environment environment) {
		return isEnabled(environment) && StringUtils.hasText(environment.getProperty(TOKEN));
	}

}
