package com.anycompany.shop.tracing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the X-Ray tracing every service gets from this module
 * ({@code shop.tracing.*}).
 */
@ConfigurationProperties("shop.tracing")
public class ShopTracingProperties {

	/**
	 * Master switch. When false nothing of X-Ray is created: no recorder, no filter, no
	 * interceptors, so a benchmark can measure the shop without any tracing cost.
	 * Environment variable SHOP_TRACING_ENABLED.
	 */
	private boolean enabled = true;

	/**
	 * Segment name of this service. Defaults to spring.application.name; the SDK's
	 * AWS_XRAY_TRACING_NAME environment variable overrides both.
	 */
	private String serviceName;

	/**
	 * Daemon address ("host:port" or "udp:h:p tcp:h:p"). Empty means the SDK's own
	 * lookup: AWS_XRAY_DAEMON_ADDRESS, then 127.0.0.1:2000.
	 */
	private String daemonAddress;

	/**
	 * Local sampling rules (SDK manifest format, version 2). The default samples every
	 * request, which is what a person exploring the shop on a laptop wants.
	 */
	private String samplingRules = "classpath:xray/sampling-rules.json";

	/**
	 * Ask the daemon (TCP, same port) for centrally managed sampling rules, falling back
	 * to the local rules while it does not answer.
	 */
	private boolean centralizedSampling = true;

	/**
	 * AWS environment plugins to switch on: ec2, ecs, eks, elasticbeanstalk. Empty
	 * locally so that nothing probes the instance-metadata endpoint; the Kubernetes
	 * config sets "eks".
	 */
	private List<String> plugins = new ArrayList<>();

	/**
	 * Request paths that get no segment (path patterns as in request mappings, e.g.
	 * /actuator/**, parsed once at start-up): health probes and static assets would only
	 * flood the service map.
	 */
	private List<String> excludedPaths = new ArrayList<>(
			List.of("/actuator/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error"));

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getServiceName() {
		return this.serviceName;
	}

	public void setServiceName(String serviceName) {
		this.serviceName = serviceName;
	}

	public String getDaemonAddress() {
		return this.daemonAddress;
	}

	public void setDaemonAddress(String daemonAddress) {
		this.daemonAddress = daemonAddress;
	}

	public String getSamplingRules() {
		return this.samplingRules;
	}

	public void setSamplingRules(String samplingRules) {
		this.samplingRules = samplingRules;
	}

	public boolean isCentralizedSampling() {
		return this.centralizedSampling;
	}

	public void setCentralizedSampling(boolean centralizedSampling) {
		this.centralizedSampling = centralizedSampling;
	}

	public List<String> getPlugins() {
		return this.plugins;
	}

	public void setPlugins(List<String> plugins) {
		this.plugins = plugins;
	}

	public List<String> getExcludedPaths() {
		return this.excludedPaths;
	}

	public void setExcludedPaths(List<String> excludedPaths) {
		this.excludedPaths = excludedPaths;
	}

}
