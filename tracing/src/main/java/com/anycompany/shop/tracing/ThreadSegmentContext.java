package com.anycompany.shop.tracing;

import java.util.List;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.contexts.SegmentContextResolverChain;
import com.amazonaws.xray.contexts.ThreadLocalSegmentContext;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.listeners.SegmentListener;

/**
 * The SDK's thread-local trace context, made cheaper where every request pays: the SDK
 * resolves a new context object for each of the ten or so context changes of a request
 * (begin, each subsegment's begin and end, end) and tells the listeners through a stream
 * each time. This is one shared instance and a plain loop. The entity is kept in the
 * SDK's own thread-local, so code that reads it directly agrees.
 */
@SuppressWarnings("deprecation") // ThreadLocalStorage: the SDK's own contexts use it too
final class ThreadSegmentContext extends ThreadLocalSegmentContext {

	private static final ThreadSegmentContext INSTANCE = new ThreadSegmentContext();

	private ThreadSegmentContext() {
	}

	/** A resolver chain that always answers the one shared context. */
	static SegmentContextResolverChain resolverChain() {
		SegmentContextResolverChain chain = new SegmentContextResolverChain();
		chain.addResolver(() -> INSTANCE);
		return chain;
	}

	@Override
	public void setTraceEntity(Entity entity) {
		if (entity != null) {
			AWSXRayRecorder creator = entity.getCreator();
			if (creator != null) {
				Entity previous = ThreadLocalStorage.get();
				List<SegmentListener> listeners = creator.getSegmentListeners();
				for (int i = 0; i < listeners.size(); i++) {
					SegmentListener listener = listeners.get(i);
					if (listener != null) {
						listener.onSetEntity(previous, entity);
					}
				}
			}
		}
		ThreadLocalStorage.set(entity);
	}

	@Override
	public void clearTraceEntity() {
		Entity previous = ThreadLocalStorage.get();
		if (previous != null && previous.getCreator() != null) {
			List<SegmentListener> listeners = previous.getCreator().getSegmentListeners();
			for (int i = 0; i < listeners.size(); i++) {
				SegmentListener listener = listeners.get(i);
				if (listener != null) {
					listener.onClearEntity(previous);
				}
			}
		}
		// set, not remove: request threads are pooled and set a context again soon
		ThreadLocalStorage.set(null);
	}

}
