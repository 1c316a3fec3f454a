package com.anycompany.shop.tracing;

import java.util.function.Supplier;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Entity;

/**
 * Runs work that belongs to no request (a scheduled refresh, a health probe) untraced on
 * purpose: inside a no-op segment, so its AWS and HTTP calls send nothing and are not
 * mistaken for lost context. Work started from inside a traced request keeps its trace.
 */
public class BackgroundWork {

	private final AWSXRayRecorder recorder;

	/**
	 * @param recorder the recorder, or null when tracing is switched off
	 */
	public BackgroundWork(AWSXRayRecorder recorder) {
		this.recorder = recorder;
	}

	/** For tracing switched off and for tests. */
	public static BackgroundWork untraced() {
		return new BackgroundWork(null);
	}

	public void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	public <T> T call(Supplier<T> work) {
		if (this.recorder == null || this.recorder.getTraceEntity() != null) {
			return work.get();
		}
		Entity noOp = this.recorder.beginNoOpSegment();
		try {
			return work.get();
		}
		finally {
			if (this.recorder.getTraceEntity() == noOp) {
				this.recorder.clearTraceEntity();
			}
		}
	}

}
