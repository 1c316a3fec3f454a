package com.anycompany.shop.launcher.process;

import java.time.Duration;
import java.util.Optional;

import com.anycompany.shop.schedule.Durations;

/**
 * Something that happened to a supervised process, or to the supervision as a whole
 * ({@code component} null): the one channel through which the supervisor tells what it
 * does. The console's progress lines are one listener ({@link #describe()}), tests
 * another.
 *
 * @param component the process's name; null for the supervision as a whole
 * @param kind what happened
 * @param pid the process it happened to (0 for the whole)
 * @param restarts restarts so far
 * @param exitCode for the exits ({@link #isExit()})
 * @param took for {@code READY}: since the start; for the exits: how long it ran
 * @param delay for {@code RESTART_SCHEDULED}: the wait before the restart
 * @param note for {@code KILLED}: why; for the exits: its log; for {@code WAITING}: who
 * is awaited; for {@code LAUNCH_FAILED}: the reason; for {@code STOPPING}: how many
 */
public record ProcessEvent(String component, Kind kind, long pid, int restarts, int exitCode, Duration took,
		Duration delay, String note) {

	static ProcessEvent of(String component, Kind kind, long pid, int restarts) {
		return new ProcessEvent(component, kind, pid, restarts, 0, Duration.ZERO, Duration.ZERO, null);
	}

	static ProcessEvent whole(Kind kind, String note) {
		return new ProcessEvent(null, kind, 0, 0, 0, Duration.ZERO, Duration.ZERO, note);
	}

	/**
	 * Whether the process died: {@code FAILED}, {@code EXITED} or
	 * {@code RESTART_SCHEDULED}.
	 */
	public boolean isExit() {
		return this.kind == Kind.FAILED || this.kind == Kind.EXITED || this.kind == Kind.RESTART_SCHEDULED;
	}

	/** The progress line for a person, if this is worth one. */
	public Optional<String> describe() {
		String how = describeExit(this.exitCode) + " after " + Durations.format(this.took);
		return Optional.ofNullable(switch (this.kind) {
			case STARTED, STOPPED -> null;
			case RUNNING -> "started (pid " + this.pid + ")";
			case READY -> (this.restarts == 0) ? "ready (pid " + this.pid + ", " + Durations.format(this.took) + ")"
					: "ready again (pid " + this.pid + ", restart " + this.restarts + ", " + Durations.format(this.took)
							+ ")";
			case KILLED -> this.note + ": killed with SIGKILL (pid " + this.pid + ")";
			case FAILED -> "exited before it was ready (" + how + "); log: " + this.note;
			case EXITED -> how + "; log: " + this.note;
			case RESTART_SCHEDULED -> how + ": restart " + this.restarts + " in " + Durations.format(this.delay)
					+ " (log: " + this.note + ")";
			case LAUNCH_FAILED -> this.note;
			case FORCED -> "did not stop within " + this.took.toSeconds() + " s: killed with SIGKILL";
			case WAITING -> "waiting for " + this.note + " ...";
			case STOPPING -> "stopping " + this.note + " processes ...";
			case ALL_STOPPED -> "stopped: no process left";
		});
	}

	/** {@code exit code 1}, or for 128 + n {@code killed by SIGKILL}. */
	static String describeExit(int code) {
		return switch (code) {
			case 137 -> "killed by SIGKILL";
			case 143 -> "ended by SIGTERM";
			case 130 -> "ended by SIGINT";
			case 134 -> "aborted (SIGABRT)";
			case 139 -> "crashed (SIGSEGV)";
			default -> "exited with code " + code;
		};
	}

	/** What happened. */
	public enum Kind {

		/** A process was launched (first start or restart). */
		STARTED,
		/** Its health check passed. */
		READY,
		/** A process without a health check is running. */
		RUNNING,
		/** It was killed on purpose (chaos). */
		KILLED,
		/** It died before it was ever ready, and the start fails. */
		FAILED,
		/** It ended and is not restarted. */
		EXITED,
		/** It died and is restarted after {@code delay}. */
		RESTART_SCHEDULED,
		/** A restart could not launch it. */
		LAUNCH_FAILED,
		/** It did not end within the grace period after SIGTERM and was killed. */
		FORCED,
		/** It was stopped with the rest. */
		STOPPED,
		/** The whole: still waiting for some processes to be ready. */
		WAITING,
		/** The whole: the stop begins. */
		STOPPING,
		/** The whole: nothing is left. */
		ALL_STOPPED

	}

}
