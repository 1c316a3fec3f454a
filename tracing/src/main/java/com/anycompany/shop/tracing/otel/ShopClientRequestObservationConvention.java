package com.anycompany.shop.tracing.otel;

import java.io.IOException;
import java.net.URI;

import io.micrometer.common.KeyValues;

import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Spring's client observation with the attributes X-Ray reads from a client span: the
 * callee's name ({@code peer.service}, the remote node's name on the map), and the
 * OpenTelemetry semantic conventions' method, status, address and URL, from which the
 * {@code http} block and the error / throttle / fault flags are made (Spring Framework
 * has an OpenTelemetry convention for server requests only). Spring's own key values are
 * kept, so the client metrics stay what they were.
 */
class ShopClientRequestObservationConvention extends DefaultClientRequestObservationConvention {

	private final PeerServices peers;

	ShopClientRequestObservationConvention(PeerServices peers) {
		this.peers = peers;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
		KeyValues values = super.getLowCardinalityKeyValues(context);
		ClientHttpRequest request = context.getCarrier();
		if (request == null) {
			return values;
		}
		URI uri = request.getURI();
		values = values.and("http.request.method", request.getMethod().name());
		if (uri.getHost() != null) {
			values = values.and("server.address", uri.getHost());
		}
		if (uri.getPort() >= 0) {
			values = values.and("server.port", Integer.toString(uri.getPort()));
		}
		String peer = this.peers.nameOf(uri);
		if (peer != null) {
			values = values.and("peer.service", peer);
		}
		Integer status = status(context.getResponse());
		if (status != null) {
			values = values.and("http.response.status_code", Integer.toString(status));
		}
		return values;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ClientRequestObservationContext context) {
		KeyValues values = super.getHighCardinalityKeyValues(context);
		ClientHttpRequest request = context.getCarrier();
		return (request != null) ? values.and("url.full", request.getURI().toString()) : values;
	}

	private static Integer status(ClientHttpResponse response) {
		if (response == null) {
			return null;
		}
		try {
			return response.getStatusCode().value();
		}
		catch (IOException ex) {
			// no status to report: the exception marks the span instead
			return null;
		}
	}

}
