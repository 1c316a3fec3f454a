package com.anycompany.shop.xraylocal;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.anycompany.shop.xraylocal.account.AccountSettings;
import com.anycompany.shop.xraylocal.account.TaggableResources;
import com.anycompany.shop.xraylocal.account.Tags;
import com.anycompany.shop.xraylocal.api.Groups;
import com.anycompany.shop.xraylocal.chaos.ChaosEvents;
import com.anycompany.shop.xraylocal.graph.GraphIndex;
import com.anycompany.shop.xraylocal.ingest.Ingest;
import com.anycompany.shop.xraylocal.ingest.SegmentParser;
import com.anycompany.shop.xraylocal.ingest.UdpReceiver;
import com.anycompany.shop.xraylocal.sampling.SamplingRules;
import com.anycompany.shop.xraylocal.sampling.SamplingStatistics;
import com.anycompany.shop.xraylocal.store.TraceStore;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pieces behind the controllers: store, ingest, UDP receiver, groups, sampling rules.
 */
@Configuration(proxyBeanMethods = false)
class XrayLocalConfiguration {

	@Bean
	GraphIndex graphIndex() {
		return new GraphIndex();
	}

	@Bean
	TraceStore traceStore(XrayLocalProperties properties, GraphIndex graphIndex) {
		return new TraceStore(new TraceStore.Limits(properties.maxTraces(), properties.maxSegments(),
				properties.maxStoredJson().toBytes(), properties.maxSegmentsPerTrace(), properties.maxAge().toMillis()),
				Clock.systemUTC(), graphIndex);
	}

	/** Ages traces out even when nothing arrives. */
	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService housekeeping(TraceStore store) {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "xray-housekeeping");
			thread.setDaemon(true);
			thread.setPriority(Thread.MIN_PRIORITY);
			return thread;
		});
		executor.scheduleWithFixedDelay(safely(store::evictExpired), 5, 5, TimeUnit.SECONDS);
		return executor;
	}

	/** A periodic task that fails once must still run next time. */
	private static Runnable safely(Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				LoggerFactory.getLogger(XrayLocalConfiguration.class).warn("Housekeeping failed; will try again", ex);
			}
		};
	}

	/** Ingest keeps the service graph's minute totals current as it stores. */
	@Bean
	Ingest ingest(TraceStore store, GraphIndex graphIndex) {
		return new Ingest(new SegmentParser(), store, graphIndex::refresh);
	}

	@Bean
	UdpReceiver udpReceiver(XrayLocalProperties properties, Ingest ingest) {
		return new UdpReceiver(properties.address(), properties.effectiveUdpPort(),
				(int) properties.receiveBufferSize().toBytes(), properties.ingestQueue(), ingest);
	}

	@Bean
	ChaosEvents chaosEvents() {
		return new ChaosEvents();
	}

	@Bean
	Groups groups(@Value("${xray.local.insights.default-group:true}") boolean defaultInsights) {
		return new Groups(defaultInsights);
	}

	@Bean
	SamplingStatistics samplingStatistics() {
		return new SamplingStatistics();
	}

	@Bean
	Tags tags() {
		return new Tags();
	}

	@Bean
	AccountSettings accountSettings(JsonMapper mapper) {
		return new AccountSettings(mapper);
	}

	/** Groups and sampling rules are what X-Ray can tag. */
	@Bean
	TaggableResources taggableResources(Groups groups, SamplingRules rules) {
		return (arn) -> groups.byArn(arn) != null
				|| rules.records().stream().anyMatch((r) -> r.rule().ruleArn().equals(arn));
	}

	@Bean
	SamplingRules samplingRules(XrayLocalProperties properties, JsonMapper mapper) {
		return new SamplingRules(properties.samplingRules(), mapper);
	}

}
