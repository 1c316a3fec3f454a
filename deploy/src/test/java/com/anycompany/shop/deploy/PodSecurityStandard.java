package com.anycompany.shop.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.fabric8.kubernetes.api.model.AppArmorProfile;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SELinuxOptions;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.WindowsSecurityContextOptions;

/**
 * The "restricted" Pod Security Standard (policy version "latest", as the namespace
 * enforces it), control by control as the Kubernetes documentation lists them, the
 * baseline controls included: what the API server's admission would refuse, found before
 * there is a cluster. Each violation names the control and the field.
 */
final class PodSecurityStandard {

	private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
			"FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

	private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
			"net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
			"net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
			"net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");

	private static final Set<String> SELINUX_TYPES = Set.of("container_t", "container_init_t", "container_kvm_t",
			"container_engine_t");

	private PodSecurityStandard() {
	}

	/** One container of any kind, with where it is in the pod. */
	private record Container(String path, SecurityContext security, List<ContainerPort> ports) {

	}

	static List<String> violations(ObjectMeta podMetadata, PodSpec pod) {
		List<String> found = new ArrayList<>();
		PodSecurityContext podSecurity = (pod.getSecurityContext() != null) ? pod.getSecurityContext()
				: new PodSecurityContext();
		List<Container> containers = containers(pod);

		// baseline: HostProcess
		if (hostProcess(podSecurity.getWindowsOptions())) {
			found.add("HostProcess: spec.securityContext.windowsOptions.hostProcess");
		}
		// baseline: host namespaces
		if (Boolean.TRUE.equals(pod.getHostNetwork())) {
			found.add("Host namespaces: spec.hostNetwork");
		}
		if (Boolean.TRUE.equals(pod.getHostPID())) {
			found.add("Host namespaces: spec.hostPID");
		}
		if (Boolean.TRUE.equals(pod.getHostIPC())) {
			found.add("Host namespaces: spec.hostIPC");
		}
		// baseline: AppArmor, annotations (older form) and field
		Map<String, String> annotations = (podMetadata != null && podMetadata.getAnnotations() != null)
				? podMetadata.getAnnotations() : Map.of();
		annotations.forEach((key, value) -> {
			if (key.startsWith("container.apparmor.security.beta.kubernetes.io/") && !value.equals("runtime/default")
					&& !value.startsWith("localhost/")) {
				found.add("AppArmor: metadata.annotations[" + key + "]=" + value);
			}
		});
		appArmor(podSecurity.getAppArmorProfile(), "spec.securityContext.appArmorProfile", found);
		// baseline: SELinux
		seLinux(podSecurity.getSeLinuxOptions(), "spec.securityContext.seLinuxOptions", found);
		// baseline: sysctls
		for (Sysctl sysctl : podSecurity.getSysctls()) {
			if (!SAFE_SYSCTLS.contains(sysctl.getName())) {
				found.add("Sysctls: spec.securityContext.sysctls " + sysctl.getName());
			}
		}
		// baseline: HostPath volumes; restricted: volume types
		for (Volume volume : pod.getVolumes()) {
			String type = volumeType(volume);
			if (!Set
				.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected",
						"secret")
				.contains(type)) {
				found.add("Volume types: spec.volumes[" + volume.getName() + "] is " + type);
			}
		}
		// restricted: running as non-root (pod-level, or every container)
		boolean podNonRoot = Boolean.TRUE.equals(podSecurity.getRunAsNonRoot());
		if (Objects.equals(podSecurity.getRunAsUser(), 0L)) {
			found.add("Running as non-root user: spec.securityContext.runAsUser=0");
		}
		// restricted: seccomp (pod-level, or every container)
		String podSeccomp = seccompType(podSecurity.getSeccompProfile());
		if ("Unconfined".equals(podSeccomp)) {
			found.add("Seccomp: spec.securityContext.seccompProfile.type=Unconfined");
		}

		for (Container container : containers) {
			SecurityContext security = (container.security() != null) ? container.security() : new SecurityContext();
			String at = container.path() + ".securityContext";
			if (hostProcess(security.getWindowsOptions())) {
				found.add("HostProcess: " + at + ".windowsOptions.hostProcess");
			}
			if (Boolean.TRUE.equals(security.getPrivileged())) {
				found.add("Privileged containers: " + at + ".privileged");
			}
			for (ContainerPort port : container.ports()) {
				if (port.getHostPort() != null && port.getHostPort() != 0) {
					found.add("Host ports: " + container.path() + ".ports hostPort=" + port.getHostPort());
				}
			}
			appArmor(security.getAppArmorProfile(), at + ".appArmorProfile", found);
			seLinux(security.getSeLinuxOptions(), at + ".seLinuxOptions", found);
			if (security.getProcMount() != null && !security.getProcMount().equals("Default")) {
				found.add("/proc mount type: " + at + ".procMount=" + security.getProcMount());
			}
			if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
				found.add("Privilege escalation: " + at + ".allowPrivilegeEscalation is not false");
			}
			if (Boolean.FALSE.equals(security.getRunAsNonRoot())
					|| (!podNonRoot && !Boolean.TRUE.equals(security.getRunAsNonRoot()))) {
				found.add("Running as non-root: " + at + ".runAsNonRoot (and the pod's) is not true");
			}
			if (Objects.equals(security.getRunAsUser(), 0L)) {
				found.add("Running as non-root user: " + at + ".runAsUser=0");
			}
			String seccomp = seccompType(security.getSeccompProfile());
			if ("Unconfined".equals(seccomp)) {
				found.add("Seccomp: " + at + ".seccompProfile.type=Unconfined");
			}
			else if (seccomp == null && podSeccomp == null) {
				found.add("Seccomp: neither " + at + ".seccompProfile nor the pod's is set");
			}
			Capabilities capabilities = (security.getCapabilities() != null) ? security.getCapabilities()
					: new Capabilities();
			if (!capabilities.getDrop().contains("ALL")) {
				found.add("Capabilities: " + at + ".capabilities.drop does not hold ALL");
			}
			for (String added : capabilities.getAdd()) {
				if (!added.equals("NET_BIND_SERVICE")) {
					found.add("Capabilities: " + at + ".capabilities.add " + added
							+ (BASELINE_CAPABILITIES.contains(added) ? " (baseline only)" : ""));
				}
			}
		}
		return found;
	}

	private static List<Container> containers(PodSpec pod) {
		List<Container> containers = new ArrayList<>();
		for (int i = 0; i < pod.getContainers().size(); i++) {
			var container = pod.getContainers().get(i);
			containers.add(new Container("spec.containers[" + container.getName() + "]", container.getSecurityContext(),
					container.getPorts()));
		}
		for (var container : pod.getInitContainers()) {
			containers.add(new Container("spec.initContainers[" + container.getName() + "]",
					container.getSecurityContext(), container.getPorts()));
		}
		for (var container : pod.getEphemeralContainers()) {
			containers.add(new Container("spec.ephemeralContainers[" + container.getName() + "]",
					container.getSecurityContext(), container.getPorts()));
		}
		return containers;
	}

	private static boolean hostProcess(WindowsSecurityContextOptions windows) {
		return windows != null && Boolean.TRUE.equals(windows.getHostProcess());
	}

	private static void appArmor(AppArmorProfile profile, String at, List<String> found) {
		if (profile != null && !Set.of("RuntimeDefault", "Localhost").contains(profile.getType())) {
			found.add("AppArmor: " + at + ".type=" + profile.getType());
		}
	}

	private static void seLinux(SELinuxOptions options, String at, List<String> found) {
		if (options == null) {
			return;
		}
		if (options.getType() != null && !options.getType().isEmpty() && !SELINUX_TYPES.contains(options.getType())) {
			found.add("SELinux: " + at + ".type=" + options.getType());
		}
		if (options.getUser() != null && !options.getUser().isEmpty()) {
			found.add("SELinux: " + at + ".user is set");
		}
		if (options.getRole() != null && !options.getRole().isEmpty()) {
			found.add("SELinux: " + at + ".role is set");
		}
	}

	private static String seccompType(SeccompProfile profile) {
		return (profile != null) ? profile.getType() : null;
	}

	private static String volumeType(Volume volume) {
		for (String type : List.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim",
				"projected", "secret")) {
			Object source = switch (type) {
				case "configMap" -> volume.getConfigMap();
				case "csi" -> volume.getCsi();
				case "downwardAPI" -> volume.getDownwardAPI();
				case "emptyDir" -> volume.getEmptyDir();
				case "ephemeral" -> volume.getEphemeral();
				case "persistentVolumeClaim" -> volume.getPersistentVolumeClaim();
				case "projected" -> volume.getProjected();
				default -> volume.getSecret();
			};
			if (source != null) {
				return type;
			}
		}
		return (volume.getHostPath() != null) ? "hostPath" : "another type";
	}

}
