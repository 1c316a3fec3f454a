package com.anycompany.shop.xraylocal.insights;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.anycompany.shop.xraylocal.api.Groups;
import com.anycompany.shop.xraylocal.store.TraceStore;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The insight detector and the thread that runs it: every second it looks whether a
 * period has completed (a period's work is done once).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InsightsProperties.class)
class InsightsConfiguration {

	@Bean
	InsightDetector insightDetector(TraceStore store, Groups groups, InsightsProperties properties) {
		return new InsightDetector(store, groups, properties);
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService insightsExecutor(InsightDetector detector) {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "xray-insights");
			thread.setDaemon(true);
			thread.setPriority(Thread.MIN_PRIORITY);
			return thread;
		});
		executor.scheduleWithFixedDelay(() -> {
			try {
				detector.evaluate(System.currentTimeMillis() / 1000.0);
			}
			catch (RuntimeException ex) {
				LoggerFactory.getLogger(InsightDetector.class).warn("Insight evaluation failed; will try again", ex);
			}
		}, 1, 1, TimeUnit.SECONDS);
		return executor;
	}

}
