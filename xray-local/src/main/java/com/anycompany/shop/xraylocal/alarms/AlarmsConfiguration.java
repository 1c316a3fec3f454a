package com.anycompany.shop.xraylocal.alarms;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.anycompany.shop.xraylocal.api.Groups;
import com.anycompany.shop.xraylocal.insights.InsightsProperties;
import com.anycompany.shop.xraylocal.store.TraceStore;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Group alarms and the thread that evaluates them once a second (a period's work is done
 * once). They share the insights' period ({@code xray.local.insights.period}).
 */
@Configuration(proxyBeanMethods = false)
class AlarmsConfiguration {

	@Bean
	Alarms alarms(TraceStore store, Groups groups, InsightsProperties properties) {
		return new Alarms(store, groups, properties);
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService alarmsExecutor(Alarms alarms) {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "xray-alarms");
			thread.setDaemon(true);
			thread.setPriority(Thread.MIN_PRIORITY);
			return thread;
		});
		executor.scheduleWithFixedDelay(() -> {
			try {
				alarms.evaluate(System.currentTimeMillis() / 1000.0);
			}
			catch (RuntimeException ex) {
				LoggerFactory.getLogger(Alarms.class).warn("Alarm evaluation failed; will try again", ex);
			}
		}, 1, 1, TimeUnit.SECONDS);
		return executor;
	}

}
