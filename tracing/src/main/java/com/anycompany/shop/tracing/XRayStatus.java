package com.anycompany.shop.tracing;

import com.amazonaws.xray.entities.Entity;

/**
 * X-Ray's status rule, decided here and nowhere else: a 4xx answer is an {@code error},
 * 429 also a {@code throttle}, a 5xx answer or no answer at all a {@code fault}. An
 * exception that was answered (a handled 404, a rejected form) is still shown in the
 * entity's {@code cause} but never changes these flags: only the status does.
 */
public final class XRayStatus {

	private XRayStatus() {
	}

	/** Marks the entity as its HTTP status says; 1xx-3xx change nothing. */
	public static void applyStatus(Entity entity, int status) {
		if (status == 429) {
			entity.setThrottle(true);
			entity.setError(true);
		}
		else if (status >= 400 && status < 500) {
			entity.setError(true);
		}
		else if (status >= 500) {
			entity.setFault(true);
		}
	}

	/**
	 * Adds the exception to the entity's {@code cause} (the console's Exceptions tab)
	 * without touching error, throttle or fault. The SDK's own
	 * {@code Entity.addException} also sets fault, which would paint a handled 404 red on
	 * the service map.
	 */
	public static void recordCause(Entity entity, Throwable exception) {
		entity.getCause()
			.addExceptions(entity.getCreator()
				.getThrowableSerializationStrategy()
				.describeInContext(entity, exception, entity.getSubsegmentsCopy()));
	}

	/** The call got no answer (refused, timed out, cut off): a fault, with its cause. */
	public static void recordNoAnswer(Entity entity, Throwable exception) {
		entity.setFault(true);
		recordCause(entity, exception);
	}

}
