package com.anycompany.shop.xraylocal.console;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import com.anycompany.shop.xraylocal.account.AccountSettings;
import com.anycompany.shop.xraylocal.ingest.Ingest;
import com.anycompany.shop.xraylocal.ingest.UdpReceiver;
import com.anycompany.shop.xraylocal.sampling.SamplingController;
import com.anycompany.shop.xraylocal.store.TraceStore;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /status}: what came in, what was kept, what was dropped and why. The console
 * shows it; the launcher can poll it to know xray-local is up.
 */
@RestController
class StatusController {

	private final Ingest ingest;

	private final UdpReceiver udp;

	private final TraceStore store;

	private final SamplingController sampling;

	private final AccountSettings account;

	StatusController(Ingest ingest, UdpReceiver udp, TraceStore store, SamplingController sampling,
			AccountSettings account) {
		this.account = account;
		this.ingest = ingest;
		this.udp = udp;
		this.store = store;
		this.sampling = sampling;
	}

	@GetMapping("/status")
	ResponseEntity<Map<String, Object>> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("status", "UP");
		status.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);

		Map<String, Object> ingest = new LinkedHashMap<>();
		ingest.put("udpAddress", this.udp.address() + ":" + this.udp.port());
		ingest.put("udpReceiveBufferBytes", this.udp.receiveBufferSize());
		ingest.put("datagramsReceived", this.ingest.datagrams());
		ingest.put("apiDocumentsReceived", this.ingest.apiDocuments());
		ingest.put("queued", this.udp.queued());
		ingest.put("accepted", this.ingest.accepted());
		ingest.put("rejected", this.ingest.rejectedTotal());
		ingest.put("rejectedByReason", this.ingest.rejected());
		status.put("ingest", ingest);

		TraceStore.Stats stats = this.store.stats();
		TraceStore.Limits limits = this.store.limits();
		Map<String, Object> store = new LinkedHashMap<>();
		store.put("traces", stats.traces());
		store.put("segments", stats.documents());
		store.put("jsonBytes", stats.rawChars());
		store.put("tracesEvicted", stats.evictedTraces());
		store.put("segmentsEvicted", stats.evictedDocuments());
		store.put("maxTraces", limits.maxTraces());
		store.put("maxSegments", limits.maxDocuments());
		store.put("maxJsonBytes", limits.maxChars());
		store.put("maxAgeSeconds", limits.maxAgeMillis() / 1000);
		status.put("store", store);

		status.put("sampling", this.sampling.status());
		status.put("telemetry", this.account.telemetryStatus());

		Runtime runtime = Runtime.getRuntime();
		status.put("heap",
				Map.of("usedBytes", runtime.totalMemory() - runtime.freeMemory(), "maxBytes", runtime.maxMemory()));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status);
	}

}
