package com.anycompany.shop.loadgen;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTests {

	@Test
	void percentilesAreWithinTwoPercentOfTheExactOnes() {
		LatencyHistogram histogram = new LatencyHistogram();
		long[] values = new Random(1).longs(20_000, 200, 5_000_000).sorted().toArray();
		for (long value : values) {
			histogram.record(value);
		}
		for (double percent : new double[] { 50, 90, 95, 99, 99.9 }) {
			long exact = values[(int) Math.ceil(percent / 100 * values.length) - 1];
			assertThat((double) histogram.percentileMicros(percent)).as("p%s", percent)
				.isCloseTo(exact, within(exact * 0.02));
		}
		assertThat(histogram.count()).isEqualTo(20_000);
		assertThat(histogram.maxMicros()).isEqualTo(values[values.length - 1]);
	}

	@Test
	void smallValuesAreExact() {
		LatencyHistogram histogram = new LatencyHistogram();
		for (int i = 1; i <= 100; i++) {
			histogram.record(i);
		}
		assertThat(histogram.percentileMicros(50)).isEqualTo(50);
		assertThat(histogram.percentileMicros(99)).isEqualTo(99);
		assertThat(histogram.percentileMicros(100)).isEqualTo(100);
		assertThat(histogram.meanMicros()).isEqualTo(50.5);
	}

	@Test
	void bucketsCoverEveryValueInOrder() {
		int previous = -1;
		for (long value = 0; value < 1L << 20; value += 1 + value / 50) {
			int index = LatencyHistogram.index(value);
			assertThat(index).isGreaterThanOrEqualTo(previous);
			// the bucket's middle is close to every value in it
			assertThat((double) LatencyHistogram.middleOf(index)).isCloseTo(value, within(1 + value * 0.016));
			previous = index;
		}
		assertThat(LatencyHistogram.index(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.index(1L << 50));
	}

	@Test
	void anEmptyHistogramAnswersZero() {
		assertThat(new LatencyHistogram().percentileMicros(99)).isZero();
	}

}
