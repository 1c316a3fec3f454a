package com.anycompany.shop.launcher.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process with its descendants (a service's shell, node's workers), ended together so
 * that nothing is left behind holding a port.
 */
public final class ProcessTree {

	private final ProcessHandle root;

	ProcessTree(ProcessHandle root) {
		this.root = root;
	}

	/**
	 * Binds a short-lived helper the launcher starts (a build, a recording) to the
	 * launcher: it is killed with its descendants when the launcher's JVM ends first (a
	 * Ctrl-C), or at {@link Bound#close()} if it still runs then.
	 */
	public static Bound bindToLauncher(Process process) {
		return new Bound(new ProcessTree(process.toHandle()));
	}

	/** SIGKILL to the process and every descendant, now (a crash). */
	void kill() {
		List<ProcessHandle> descendants = this.root.descendants().toList();
		this.root.destroyForcibly();
		descendants.forEach(ProcessHandle::destroyForcibly);
	}

	/**
	 * SIGTERM to all, SIGKILL to whoever is still there after the grace period; returns
	 * when every one has ended.
	 * @return whether any needed SIGKILL
	 */
	boolean stop(Duration grace) {
		List<ProcessHandle> family = new ArrayList<>(this.root.descendants().toList());
		family.add(0, this.root);
		family.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + grace.toNanos();
		boolean forced = false;
		for (ProcessHandle handle : family) {
			try {
				handle.onExit().get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				forced = true;
				handle.destroyForcibly();
			}
			catch (ExecutionException ex) {
				// cannot happen: onExit completes normally
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				handle.destroyForcibly();
			}
		}
		family.forEach((handle) -> handle.onExit().join());
		return forced;
	}

	/** A helper process bound to the launcher's life, until closed. */
	public static final class Bound implements AutoCloseable {

		private final ProcessTree tree;

		private final Thread killer;

		private Bound(ProcessTree tree) {
			this.tree = tree;
			this.killer = new Thread(tree::kill);
			Runtime.getRuntime().addShutdownHook(this.killer);
		}

		/** SIGKILL to the helper and its descendants, now. */
		public void kill() {
			this.tree.kill();
		}

		@Override
		public void close() {
			if (this.tree.root.isAlive()) {
				kill();
			}
			try {
				Runtime.getRuntime().removeShutdownHook(this.killer);
			}
			catch (IllegalStateException shuttingDown) {
				// the hook runs or ran
			}
		}

	}

}
