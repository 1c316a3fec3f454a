package com.anycompany.shop.tracing;

import com.amazonaws.xray.AWSXRayRecorderBuilder;

/**
 * Lets a service add to the recorder this module builds (another segment listener, a
 * different sampling strategy) without replacing it.
 */
@FunctionalInterface
public interface XRayRecorderCustomizer {

	void customize(AWSXRayRecorderBuilder builder);

}
