package com.anycompany.shop.launcher.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.anycompany.shop.launcher.Fakes;
import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.process.Supervisor;

import com.anycompany.shop.schedule.Pauses;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ChaosMonkeyTests {

	@Test
	void boundsThatMakeNoSenseAreTheUsersMistake() {
		assertThatExceptionOfType(LaunchException.class)
			.isThrownBy(() -> ChaosMonkey.pauses(null, Duration.ofMinutes(3), Duration.ofMinutes(1)))
			.withMessageContaining("is shorter than the shortest");
	}

	@Test
	void onlyReadyStorefrontServicesAreVictims() {
		Path log = Path.of("x.log");
		List<Supervisor.Status> status = List.of(new Supervisor.Status("dynamodb", Supervisor.State.READY, 1, 0, log),
				new Supervisor.Status("catalogservice", Supervisor.State.WAITING_TO_RESTART, 2, 1, log),
				new Supervisor.Status("cartservice", Supervisor.State.READY, 3, 0, log),
				new Supervisor.Status("frontend", Supervisor.State.STARTING, 4, 0, log));
		List<String> victims = new ArrayList<>();
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 50; i++) {
			victims.add(ChaosMonkey.pickVictim(status, LocalShop.SERVICES, random).orElseThrow());
		}

		assertThat(victims).containsOnly("cartservice");
		assertThat(ChaosMonkey.pickVictim(status.subList(0, 2), LocalShop.SERVICES, random)).isEmpty();
	}

	@Test
	void everyServiceCanBeChosen() {
		List<Supervisor.Status> status = LocalShop.SERVICES.stream()
			.map((name) -> new Supervisor.Status(name, Supervisor.State.READY, 1, 0, Path.of("x.log")))
			.toList();
		SplittableRandom random = new SplittableRandom(3);
		List<String> victims = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			victims.add(ChaosMonkey.pickVictim(status, LocalShop.SERVICES, random).orElseThrow());
		}

		assertThat(victims).containsAll(LocalShop.SERVICES);
	}

	@Test
	void roundsKillUntilClosed() {
		Fakes.Output output = new Fakes.Output();
		AtomicInteger kills = new AtomicInteger();
		ChaosMonkey monkey = new ChaosMonkey(new Pauses(Duration.ofMillis(20), Duration.ofMillis(40)),
				() -> (kills.incrementAndGet() % 3 == 0) ? Optional.empty() : Optional.of("cartservice (pid 42)"),
				output.console(), new SplittableRandom(1));

		monkey.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> kills.get() >= 4);
		monkey.close();
		int seen = kills.get();

		await().pollDelay(Duration.ofMillis(200)).until(() -> true);
		assertThat(kills.get()).isLessThanOrEqualTo(seen + 1);
		assertThat(output.text()).contains("a random storefront service is killed every 20ms to 40ms",
				"chaos              killed cartservice (pid 42)", "no service is ready now: nobody killed this round");
	}

}
