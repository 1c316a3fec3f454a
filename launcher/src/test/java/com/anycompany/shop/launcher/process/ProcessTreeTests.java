package com.anycompany.shop.launcher.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProcessTreeTests {

	@Test
	void aHelperStillRunningWhenItsBindingClosesEndsWithItsChildren() throws Exception {
		Process helper = new ProcessBuilder("sh", "-c", "sleep 60 & wait").start();
		List<ProcessHandle> family;
		try (ProcessTree.Bound bound = ProcessTree.bindToLauncher(helper)) {
			family = awaitChild(helper);
		}
		assertThat(helper.waitFor(10, TimeUnit.SECONDS)).isTrue();
		for (ProcessHandle child : family) {
			child.onExit().get(10, TimeUnit.SECONDS);
			assertThat(child.isAlive()).isFalse();
		}
	}

	@Test
	void aHelperThatEndedIsLeftAloneAndItsBindingClosesQuietly() throws Exception {
		Process helper = new ProcessBuilder("sh", "-c", "exit 3").start();
		try (ProcessTree.Bound bound = ProcessTree.bindToLauncher(helper)) {
			assertThat(helper.waitFor(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(helper.exitValue()).isEqualTo(3);
	}

	private static List<ProcessHandle> awaitChild(Process helper) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> helper.descendants().toList(), (children) -> !children.isEmpty());
	}

}
