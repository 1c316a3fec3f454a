package com.anycompany.shop.loadgen;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Spaces requests evenly so that all shoppers together stay at or below a rate.
 */
final class RateLimiter {

	private final long intervalNanos;

	private final CountDownLatch stopped;

	private long next = System.nanoTime();

	/**
	 * @param perSecond requests per second at most; zero or less for no limit
	 * @param stopped counted down when the run ends: waiting ends with it
	 */
	RateLimiter(double perSecond, CountDownLatch stopped) {
		this.stopped = stopped;
		this.intervalNanos = (perSecond > 0) ? (long) (1_000_000_000L / perSecond) : 0;
	}

	/**
	 * Waits for the next free slot.
	 * @throws InterruptedException when the run ended meanwhile: no request is due
	 */
	void acquire() throws InterruptedException {
		if (this.stopped.getCount() == 0) {
			throw new InterruptedException("the run has ended");
		}
		if (this.intervalNanos == 0) {
			return;
		}
		long slot;
		synchronized (this) {
			long now = System.nanoTime();
			slot = Math.max(this.next, now);
			this.next = slot + this.intervalNanos;
		}
		long wait = slot - System.nanoTime();
		if (wait > 0 && this.stopped.await(wait, TimeUnit.NANOSECONDS)) {
			throw new InterruptedException("the run has ended");
		}
	}

}
