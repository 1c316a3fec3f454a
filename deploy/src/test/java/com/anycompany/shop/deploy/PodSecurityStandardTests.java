package com.anycompany.shop.deploy;

import java.util.List;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker itself: a pod that meets the standard passes, and each control, broken
 * alone, is found (so that a clean result over the variants means something).
 */
class PodSecurityStandardTests {

	private static final String RESTRICTED = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: demo
			spec:
			  selector:
			    matchLabels:
			      app: demo
			  template:
			    metadata:
			      labels:
			        app: demo
			    spec:
			      securityContext:
			        runAsNonRoot: true
			        runAsUser: 10001
			        seccompProfile:
			          type: RuntimeDefault
			      containers:
			        - name: demo
			          image: example/demo:1
			          ports:
			            - containerPort: 8080
			          securityContext:
			            allowPrivilegeEscalation: false
			            capabilities:
			              drop:
			                - ALL
			      volumes:
			        - name: tmp
			          emptyDir: {}
			""";

	@Test
	void aRestrictedPodPasses() {
		assertThat(violations(RESTRICTED)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					Host namespaces      | '      containers:'                       | '      hostNetwork: true\\n      containers:'
					Host namespaces      | '      containers:'                       | '      hostPID: true\\n      containers:'
					Host namespaces      | '      containers:'                       | '      hostIPC: true\\n      containers:'
					Privileged           | '            allowPrivilegeEscalation: false' | '            allowPrivilegeEscalation: false\\n            privileged: true'
					Privilege escalation | '            allowPrivilegeEscalation: false' | '            allowPrivilegeEscalation: true'
					Capabilities         | '                - ALL'                   | '                - NET_RAW'
					Capabilities         | '              drop:'                     | '              add:\\n                - CHOWN\\n              drop:'
					Host ports           | '            - containerPort: 8080'       | '            - containerPort: 8080\\n              hostPort: 8080'
					Volume types         | '          emptyDir: {}'                  | '          hostPath:\\n            path: /var'
					non-root             | '        runAsNonRoot: true'              | '        runAsNonRoot: false'
					non-root user        | '        runAsUser: 10001'                | '        runAsUser: 0'
					Seccomp              | '          type: RuntimeDefault'          | '          type: Unconfined'
					Seccomp              | '        seccompProfile:\\n          type: RuntimeDefault\\n' | ''
					Sysctls              | '        runAsUser: 10001'                | '        runAsUser: 10001\\n        sysctls:\\n          - name: kernel.msgmax\\n            value: \"1\"'
					SELinux              | '        runAsUser: 10001'                | '        runAsUser: 10001\\n        seLinuxOptions:\\n          type: spc_t'
					/proc mount          | '            allowPrivilegeEscalation: false' | '            allowPrivilegeEscalation: false\\n            procMount: Unmasked'
					AppArmor             | '        runAsUser: 10001'                | '        runAsUser: 10001\\n        appArmorProfile:\\n          type: Unconfined'
					HostProcess          | '        runAsUser: 10001'                | '        runAsUser: 10001\\n        windowsOptions:\\n          hostProcess: true'
					""")
	void eachControlIsFound(String control, String from, String to) {
		String broken = RESTRICTED.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
		assertThat(broken).as("the mutation applies").isNotEqualTo(RESTRICTED);

		assertThat(violations(broken)).anySatisfy((violation) -> assertThat(violation).containsIgnoringCase(control));
	}

	private static List<String> violations(String yaml) {
		Deployment deployment = (Deployment) Manifests.parse(yaml, "test").get(0);
		return PodSecurityStandard.violations(deployment.getSpec().getTemplate().getMetadata(),
				deployment.getSpec().getTemplate().getSpec());
	}

}
