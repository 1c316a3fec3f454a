package com.anycompany.shop.tracing.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.amazonaws.xray.AWSXRayRecorder;
import com.anycompany.shop.tracing.XRayStatus;
import com.amazonaws.xray.entities.Subsegment;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Keeps a call's subsegment open until the response (or its body, for a body streamed on
 * to someone else) has been closed, so the time spent receiving the body counts, and a
 * body that fails half-way (a read timeout, a dropped connection) marks the call as a
 * fault instead of the 200 its headers announced.
 */
class TracedResponse implements ClientHttpResponse {

	private final ClientHttpResponse delegate;

	private final AWSXRayRecorder recorder;

	private final Subsegment subsegment;

	private boolean ended;

	TracedResponse(ClientHttpResponse delegate, AWSXRayRecorder recorder, Subsegment subsegment) {
		this.delegate = delegate;
		this.recorder = recorder;
		this.subsegment = subsegment;
	}

	@Override
	public HttpStatusCode getStatusCode() throws IOException {
		return this.delegate.getStatusCode();
	}

	@Override
	public String getStatusText() throws IOException {
		return this.delegate.getStatusText();
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.delegate.getHeaders();
	}

	@Override
	public InputStream getBody() throws IOException {
		return new FilterInputStream(this.delegate.getBody()) {

			@Override
			public int read() throws IOException {
				try {
					return super.read();
				}
				catch (IOException ex) {
					throw failed(ex);
				}
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				try {
					return super.read(buffer, offset, length);
				}
				catch (IOException ex) {
					throw failed(ex);
				}
			}

			@Override
			public void close() throws IOException {
				try {
					super.close();
				}
				finally {
					end();
				}
			}

		};
	}

	private IOException failed(IOException ex) {
		if (!this.ended) {
			XRayStatus.recordNoAnswer(this.subsegment, ex);
		}
		return ex;
	}

	@Override
	public void close() {
		try {
			this.delegate.close();
		}
		finally {
			end();
		}
	}

	void end() {
		if (!this.ended) {
			this.ended = true;
			this.recorder.endSubsegment(this.subsegment);
		}
	}

}
