package com.anycompany.shop.launcher;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress lines with the time since the start, e.g.
 * {@code [  3.2s] catalogservice     ready (pid 1234)}.
 */
public final class Console {

	private final PrintWriter out;

	private final long startNanos = System.nanoTime();

	public Console(PrintStream out) {
		this(new PrintWriter(out, true));
	}

	public Console(PrintWriter out) {
		this.out = out;
	}

	/** A line about one component. */
	public void line(String component, String message) {
		print(String.format(Locale.ROOT, "[%6.1fs] %-18s %s", elapsedSeconds(), component, message));
	}

	/** A line about the whole. */
	public void line(String message) {
		print(String.format(Locale.ROOT, "[%6.1fs] %s", elapsedSeconds(), message));
	}

	/** Text as it is, e.g. the URLs at the end of the start. */
	public void plain(String text) {
		print(text);
	}

	public Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startNanos);
	}

	private double elapsedSeconds() {
		return (System.nanoTime() - this.startNanos) / 1e9;
	}

	private void print(String line) {
		synchronized (this.out) {
			this.out.println(line);
			this.out.flush();
		}
	}

}
