package com.anycompany.shop.deploy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM's memory against the container's limit, from what was measured under load
 * (deploy/README.md, "Memory": NMT at the end of four minutes of ten shoppers). A JVM
 * that outgrows its limit is killed by the kernel without a word from Java.
 */
class JvmMemoryTests {

	/**
	 * Largest non-heap (NMT committed total minus the heap) of a storefront service, 158
	 * MB (frontend), plus the compiler arenas' peak seen, 46 MB (orderservice).
	 */
	static final long SERVICE_NON_HEAP_MB = 158 + 46;

	/** The same for xray-local: 80.5 MB, plus its arena peak of 30 MB. */
	static final long XRAY_LOCAL_NON_HEAP_MB = 81 + 30;

	/**
	 * What NMT does not see: malloc in native libraries, glibc's arenas, fragmentation.
	 */
	static final long UNTRACKED_MB = 32;

	/** Largest metaspace (class space included) and code cache of a service, in MB. */
	static final long METASPACE_MB = 73;

	static final long CODE_CACHE_MB = 39;

	/** The same for xray-local. */
	static final long XRAY_LOCAL_METASPACE_MB = 35;

	static final long XRAY_LOCAL_CODE_CACHE_MB = 14;

	/**
	 * With the OpenTelemetry Java agent (deploy/README.md, "Memory", 2026-12-08): the
	 * largest metaspace and class space, 87 MB (frontend; 73 MB without the agent).
	 */
	static final long AGENT_METASPACE_MB = 87;

	/**
	 * Besides the heap with the agent: 188 MB measured (frontend, C1 only), plus the code
	 * cache full tiered compilation grew to without it (39 against 30 MB here) and the
	 * compiler arenas' peak seen without it (46 MB).
	 */
	static final long AGENT_NON_HEAP_MB = 188 + (39 - 30) + 46;

	/** The processors the JVMs had when measured (-XX:ActiveProcessorCount=1). */
	static final long MEASURED_PROCESSORS = 1;

	/** Largest old generation after four minutes of load (xray-local aside). */
	static final long LIVE_HEAP_MB = 38;

	private static final Pattern OPTION = Pattern
		.compile("-XX:(MaxRAMPercentage|MaxMetaspaceSize|ReservedCodeCacheSize)=(\\d+)(m?)");

	@Test
	void theServicesHeapAndWhatTheyUseBesidesFitInTheirLimit() {
		for (Deployment deployment : Manifests.storefront()) {
			Container container = Workloads.of(deployment).main();
			fits(container, SERVICE_NON_HEAP_MB, METASPACE_MB, CODE_CACHE_MB);
		}
	}

	/**
	 * The services on the OpenTelemetry Java agent (deploy/overlays/opentelemetry): the
	 * agent's classes need more metaspace than the image's cap leaves room for; their
	 * options are the image's but for that cap, and heap plus what was measured with the
	 * agent besides it fit their limit.
	 */
	@Test
	void theServicesOnTheAgentHaveRoomForItsClassesAndStillFit() {
		Map<String, Long> image = options(imageDefaults());
		List<Deployment> storefront = Variants.named("opentelemetry").storefront();
		assertThat(storefront).hasSize(6);
		for (Deployment deployment : storefront) {
			Container container = Workloads.of(deployment).main();
			String text = javaOptions(container);
			assertThat(text).as("%s: the image's options but for the metaspace cap", container.getName())
				.isEqualTo(imageDefaults().replaceAll("-XX:MaxMetaspaceSize=\\d+m",
						"-XX:MaxMetaspaceSize=" + options(text).get("MaxMetaspaceSize") + "m"));
			assertThat(options(text).get("MaxMetaspaceSize")).isGreaterThan(image.get("MaxMetaspaceSize"));
			fits(container, AGENT_NON_HEAP_MB, AGENT_METASPACE_MB, CODE_CACHE_MB);
		}
	}

	@Test
	void xrayLocalFitsInItsLimitWithItsLargerHeap() {
		Deployment xrayLocal = Variants.named("local").named(Deployment.class, Manifests.NAMESPACE, "xray-local");
		Map<String, Long> options = fits(Workloads.of(xrayLocal).main(), XRAY_LOCAL_NON_HEAP_MB,
				XRAY_LOCAL_METASPACE_MB, XRAY_LOCAL_CODE_CACHE_MB);

		// it keeps the traces: at least 64 MB of JSON and its indexes
		assertThat(heapMb(Workloads.of(xrayLocal).main(), options)).isGreaterThanOrEqualTo(192);
	}

	/**
	 * The processors the memory was measured with (deploy/README.md, "Memory": one), as
	 * the CPU limit of every pod of a Java image gives them. Pinned in the JVM's options,
	 * so that a pod whose CPU limit is removed does not size its threads and GC for the
	 * whole node: without a limit the JVM counts the node's CPUs.
	 */
	@Test
	void theJvmsProcessorCountIsPinnedToTheCpuLimitTheMemoryWasMeasuredWith() {
		assertThat(DeployReadme.text()).as("the measurement's processors")
			.containsPattern("NativeMemoryTracking=summary[^.]*one processor");
		List<Workloads> java = new java.util.ArrayList<>();
		for (Variants variant : Variants.all()) {
			variant.workloads()
				.stream()
				.filter((workload) -> workload.isOwnImage() && !workload.name().equals("dynalite"))
				.forEach(java::add);
		}
		assertThat(java).isNotEmpty();
		for (Workloads workload : java) {
			Container container = workload.main();
			String options = javaOptions(container);
			Matcher pinned = Pattern.compile("-XX:ActiveProcessorCount=(\\d+)").matcher(options);
			assertThat(pinned.find()).as("%s: ActiveProcessorCount in %s", workload, options).isTrue();
			Quantity cpu = container.getResources().getLimits().get("cpu");
			assertThat(cpu).as("%s CPU limit", workload).isNotNull();
			long processors = (long) Math.ceil(Quantity.getAmountInBytes(cpu).doubleValue());
			assertThat(Long.parseLong(pinned.group(1))).as("%s: processors for a CPU limit of %s", workload, cpu)
				.isEqualTo(processors)
				.isEqualTo(MEASURED_PROCESSORS);
		}
	}

	@Test
	void theImagesDefaultsAreWhatTheDockerfileSays() {
		Map<String, Long> options = options(imageDefaults());

		assertThat(options).containsKeys("MaxRAMPercentage", "MaxMetaspaceSize", "ReservedCodeCacheSize");
		// the caps leave room above what was measured, so that they are limits, not
		// targets
		assertThat(options.get("MaxMetaspaceSize")).isGreaterThanOrEqualTo(METASPACE_MB * 3 / 2);
		assertThat(options.get("ReservedCodeCacheSize")).isGreaterThanOrEqualTo(CODE_CACHE_MB * 2);
		assertThat(DockerBuild.dockerfile()).as("JAVA_TOOL_OPTIONS would be read before the command line and lose")
			.doesNotContain("MaxRAMPercentage\", ");
	}

	/**
	 * The heap the JVM takes from the limit, plus what was measured besides it with
	 * metaspace and code cache grown to their caps, plus what NMT does not see, fits.
	 */
	private static Map<String, Long> fits(Container container, long nonHeapMb, long metaspaceMb, long codeCacheMb) {
		Map<String, Long> options = options(javaOptions(container));
		long limitMb = Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")).longValue()
				/ 1000000;
		long heapMb = heapMb(container, options);
		long nonHeapAtCapsMb = nonHeapMb - metaspaceMb - codeCacheMb + options.get("MaxMetaspaceSize")
				+ options.get("ReservedCodeCacheSize");

		assertThat(options.get("MaxMetaspaceSize")).as("%s metaspace cap", container.getName())
			.isGreaterThanOrEqualTo(metaspaceMb * 3 / 2);
		assertThat(options.get("ReservedCodeCacheSize")).as("%s code cache cap", container.getName())
			.isGreaterThanOrEqualTo(codeCacheMb * 2);
		assertThat(heapMb + nonHeapAtCapsMb + UNTRACKED_MB)
			.as("%s: heap %d MB + non-heap %d MB (metaspace and code cache at their caps) + untracked %d MB, limit %d MB",
					container.getName(), heapMb, nonHeapAtCapsMb, UNTRACKED_MB, limitMb)
			.isLessThanOrEqualTo(limitMb);
		assertThat(heapMb).as("%s heap, three times the live data", container.getName())
			.isGreaterThanOrEqualTo(3 * LIVE_HEAP_MB);
		return options;
	}

	private static long heapMb(Container container, Map<String, Long> options) {
		long limitBytes = Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")).longValue();
		return limitBytes * options.get("MaxRAMPercentage") / 100 / 1000000;
	}

	/** The container's JDK_JAVA_OPTIONS, or the image's. */
	private static String javaOptions(Container container) {
		return container.getEnv()
			.stream()
			.filter((variable) -> variable.getName().equals("JDK_JAVA_OPTIONS"))
			.map(EnvVar::getValue)
			.findFirst()
			.orElseGet(JvmMemoryTests::imageDefaults);
	}

	static String imageDefaults() {
		return DockerBuild.group(DockerBuild.dockerfile(), "(?m)^ENV JDK_JAVA_OPTIONS=\"([^\"]+)\"");
	}

	private static Map<String, Long> options(String text) {
		Map<String, Long> options = new java.util.TreeMap<>();
		Matcher matcher = OPTION.matcher(text);
		while (matcher.find()) {
			options.put(matcher.group(1), Long.parseLong(matcher.group(2)));
		}
		assertThat(options).as("options in %s", text).containsKey("MaxRAMPercentage");
		List.of("-Xmx", "-XX:MaxRAM=")
			.forEach((fixed) -> assertThat(text).as("heap as a share of the limit").doesNotContain(fixed));
		return options;
	}

}
