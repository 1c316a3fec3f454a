package com.anycompany.shop.tracing.context;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Entity;

import org.springframework.core.task.TaskDecorator;

/**
 * Carries the submitting thread's trace entity into the worker thread, so calls fanned
 * out in parallel become sibling subsegments of the request that made them. Spring Boot
 * applies a TaskDecorator bean to its application task executor.
 */
public class TraceContextTaskDecorator implements TaskDecorator {

	private final AWSXRayRecorder recorder;

	public TraceContextTaskDecorator(AWSXRayRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public Runnable decorate(Runnable task) {
		Entity entity = this.recorder.getTraceEntity();
		if (entity == null) {
			return task;
		}
		return () -> entity.run(task, this.recorder);
	}

}
