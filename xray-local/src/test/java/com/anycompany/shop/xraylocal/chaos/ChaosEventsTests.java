package com.anycompany.shop.xraylocal.chaos;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosEventsTests {

	@Test
	void keepsTheNewestEventsOnly() {
		ChaosEvents events = new ChaosEvents();
		for (int i = 0; i < ChaosEvents.MAX_EVENTS + 5; i++) {
			events.record(1000 + i, "kill", "cartservice", Map.of("pid", i), "randomizer");
		}
		assertThat(events.since(0)).hasSize(ChaosEvents.MAX_EVENTS);
		assertThat(events.since(0).get(0).id()).isEqualTo(6);
		assertThat(events.since(0).get(0).time()).isEqualTo(1005);
	}

	@Test
	void listsByTimeFromTheGivenSecond() {
		ChaosEvents events = new ChaosEvents();
		events.record(2000, "latency", "cartservice", Map.of("latencyMs", 800), "launcher");
		events.record(1500, "kill", "recommenderservice", Map.of(), "launcher");
		events.record(2500, "reset", null, Map.of(), "launcher");

		assertThat(events.since(0)).extracting(ChaosEvents.Event::action).containsExactly("kill", "latency", "reset");
		assertThat(events.since(2000)).extracting(ChaosEvents.Event::action).containsExactly("latency", "reset");
		assertThat(events.since(2500.5)).isEmpty();
	}

}
