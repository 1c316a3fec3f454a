package com.anycompany.shop.xraylocal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of xray-local, all under {@code xray.local} (environment:
 * {@code XRAY_LOCAL_*}).
 *
 * @param address where to listen, UDP and HTTP; loopback unless told otherwise
 * @param port the HTTP port (sampling proxy, X-Ray API, console); 2000 like the daemon
 * @param udpPort the UDP port for segment datagrams; the HTTP port when unset, 0 for any
 * free port
 * @param receiveBufferSize the UDP socket's receive buffer (SO_RCVBUF); the kernel may
 * cap it (Linux: {@code net.core.rmem_max})
 * @param ingestQueue datagrams waiting to be parsed at most; beyond it they are dropped
 * and counted as {@code queue_full}
 * @param maxTraces traces kept at most; the oldest go first
 * @param maxSegments segment documents kept at most, over all traces
 * @param maxStoredJson JSON kept at most, over all traces
 * @param maxSegmentsPerTrace documents one trace may hold; more are counted as
 * {@code trace_full}
 * @param maxAge how long a trace is kept after its first document arrived
 * @param samplingRules sampling rules file (X-Ray API shape or the SDK's local rules
 * shape); empty for the built-in rule that samples everything
 */
@ConfigurationProperties("xray.local")
public record XrayLocalProperties(@DefaultValue("127.0.0.1") String address, @DefaultValue("2000") int port,
		Integer udpPort, @DefaultValue("8MB") DataSize receiveBufferSize, @DefaultValue("100000") int ingestQueue,
		@DefaultValue("20000") int maxTraces, @DefaultValue("200000") long maxSegments,
		@DefaultValue("256MB") DataSize maxStoredJson, @DefaultValue("2000") int maxSegmentsPerTrace,
		@DefaultValue("1h") Duration maxAge, String samplingRules) {

	public int effectiveUdpPort() {
		return (this.udpPort != null) ? this.udpPort : this.port;
	}

}
