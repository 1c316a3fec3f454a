package com.anycompany.shop.tracing;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Subsegment;

/** Entities as the shop's services fill them, for the writer's tests and benchmark. */
final class ShopEntities {

	private ShopEntities() {
	}

	/**
	 * A {@code remote} subsegment of the current entity for a product lookup, as the REST
	 * clients' interceptor fills it, begun and ended.
	 */
	static void productCall(AWSXRayRecorder recorder, String callee) {
		Subsegment call = recorder.beginSubsegment(callee);
		call.setNamespace("remote");
		Map<String, Object> callRequest = new LinkedHashMap<>();
		callRequest.put("method", "GET");
		callRequest.put("url", "http://localhost:8081/api/v1/product/OLJCESPC7Z");
		callRequest.put("traced", true);
		call.putHttp("request", callRequest);
		Map<String, Object> callResponse = new LinkedHashMap<>();
		callResponse.put("status", 200);
		callResponse.put("content_length", 1834L);
		call.putHttp("response", callResponse);
		recorder.endSubsegment();
	}

}
