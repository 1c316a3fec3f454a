package com.anycompany.shop.tracing;

import java.util.ArrayList;
import java.util.List;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.listeners.SegmentListener;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadSegmentContextTests {

	private final List<String> heard = new ArrayList<>();

	private final AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard()
		.withSegmentListener(new TraceIdMdcListener())
		.withSegmentListener(new SegmentListener() {

			@Override
			public void onSetEntity(Entity previous, Entity current) {
				ThreadSegmentContextTests.this.heard
					.add("set " + name(previous) + " -> " + name(current) + " mdc " + mdc());
			}

			@Override
			public void onClearEntity(Entity previous) {
				ThreadSegmentContextTests.this.heard.add("clear " + name(previous) + " mdc " + mdc());
			}

		})
		.withSegmentContextResolverChain(ThreadSegmentContext.resolverChain())
		.build();

	@Test
	void listenersHearEveryContextChangeInOrderAndTheLogsCarryTheCurrentEntity() {
		Segment segment = this.recorder.beginSegment("shop");
		Subsegment call = this.recorder.beginSubsegment("catalogservice");
		String duringCall = mdc();
		this.recorder.endSubsegment();
		assertThat(this.recorder.getTraceEntity()).isSameAs(segment);
		String afterCall = mdc();
		this.recorder.endSegment();

		assertThat(this.recorder.getTraceEntity()).isNull();
		assertThat(mdc()).isNull();
		assertThat(duringCall).isEqualTo(segment.getTraceId() + "@" + call.getId());
		assertThat(afterCall).isEqualTo(segment.getTraceId() + "@" + segment.getId());
		// the MDC listener runs first (registered first), so each line sees its update
		assertThat(this.heard).containsExactly("set none -> shop mdc " + segment.getTraceId() + "@" + segment.getId(),
				"set shop -> catalogservice mdc " + duringCall, "set catalogservice -> shop mdc " + afterCall,
				"clear shop mdc null");
	}

	@Test
	void eachThreadHasItsOwnContext() throws InterruptedException {
		Segment segment = this.recorder.beginSegment("shop");
		Entity[] seenElsewhere = new Entity[1];
		Thread other = new Thread(() -> seenElsewhere[0] = this.recorder.getTraceEntity());
		other.start();
		other.join();
		assertThat(seenElsewhere[0]).isNull();
		assertThat(this.recorder.getTraceEntity()).isSameAs(segment);
		this.recorder.endSegment();
	}

	private static String name(Entity entity) {
		return (entity != null) ? entity.getName() : "none";
	}

	private static String mdc() {
		return MDC.get(TraceIdMdcListener.MDC_KEY);
	}

}
