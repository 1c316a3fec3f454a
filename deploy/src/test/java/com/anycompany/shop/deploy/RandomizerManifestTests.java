package com.anycompany.shop.deploy;

import java.nio.file.Path;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code deploy/eks/randomizer.yaml}: chaos with least privilege. (The randomizer module
 * checks that its code needs no more than this Role grants.)
 */
class RandomizerManifestTests {

	@Test
	void mayOnlyListAndDeletePodsOfTheShopsNamespace() {
		Role role = Manifests.named(Role.class, Manifests.NAMESPACE, "randomizer");

		assertThat(role.getRules()).singleElement().satisfies((rule) -> {
			assertThat(rule.getApiGroups()).containsExactly("");
			assertThat(rule.getResources()).containsExactly("pods");
			assertThat(rule.getVerbs()).containsExactlyInAnyOrder("list", "delete");
			assertThat(rule.getResourceNames()).isEmpty();
		});
		assertThat(Manifests.ofKind(ClusterRole.class)).isEmpty();
		assertThat(Manifests.ofKind(ClusterRoleBinding.class)).isEmpty();
	}

	@Test
	void theRoleIsBoundToTheRandomizersOwnAccount() {
		RoleBinding binding = Manifests.named(RoleBinding.class, Manifests.NAMESPACE, "randomizer");
		PodSpec pod = Manifests.named(Deployment.class, Manifests.NAMESPACE, "randomizer")
			.getSpec()
			.getTemplate()
			.getSpec();

		assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
		assertThat(binding.getRoleRef().getName()).isEqualTo("randomizer");
		assertThat(binding.getSubjects()).extracting(Subject::getKind, Subject::getName, Subject::getNamespace)
			.containsExactly(tuple("ServiceAccount", "randomizer", Manifests.NAMESPACE));
		assertThat(pod.getServiceAccountName()).isEqualTo("randomizer");
		assertThat(pod.getAutomountServiceAccountToken()).as("it needs its token").isNotEqualTo(Boolean.FALSE);
	}

	@Test
	void neverPicksItselfNorTheLoadGenerator() {
		for (String name : new String[] { "randomizer", "loadgen" }) {
			Deployment deployment = Manifests.named(Deployment.class, Manifests.NAMESPACE, name);
			assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as(name)
				.doesNotContainEntry("product", "storefront");
		}
	}

	@Test
	void theFileHoldsEverythingItNeedsInTheShopsNamespace() {
		List<HasMetadata> objects = Manifests.byFile().get(Path.of("deploy/eks/randomizer.yaml"));

		// the admission policy first: it guards the randomizer's first deletion
		assertThat(objects).extracting(HasMetadata::getKind)
			.containsExactly("ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "ServiceAccount", "Role",
					"RoleBinding", "Deployment");
		assertThat(objects.subList(2, objects.size()))
			.allSatisfy((object) -> assertThat(object.getMetadata().getNamespace()).isEqualTo(Manifests.NAMESPACE));
	}

	@Test
	void theClusterRefusesItsDeletionOfAnythingButTheStorefront() {
		ValidatingAdmissionPolicy policy = Manifests.ofKind(ValidatingAdmissionPolicy.class).get(0);
		ValidatingAdmissionPolicyBinding binding = Manifests.ofKind(ValidatingAdmissionPolicyBinding.class).get(0);

		assertThat(policy.getSpec().getFailurePolicy()).isEqualTo("Fail");
		assertThat(policy.getSpec().getMatchConstraints().getResourceRules()).singleElement().satisfies((rule) -> {
			assertThat(rule.getApiGroups()).containsExactly("");
			assertThat(rule.getResources()).containsExactly("pods");
			assertThat(rule.getOperations()).containsExactly("DELETE");
		});
		assertThat(policy.getSpec().getMatchConditions()).singleElement()
			.satisfies((condition) -> assertThat(condition.getExpression()).isEqualTo(
					"request.userInfo.username == 'system:serviceaccount:" + Manifests.NAMESPACE + ":randomizer'"));
		assertThat(policy.getSpec().getValidations()).singleElement().satisfies((validation) -> {
			assertThat(validation.getExpression()).contains("oldObject.metadata.labels['product'] == 'storefront'");
			assertThat(validation.getReason()).isEqualTo("Forbidden");
		});
		assertThat(binding.getSpec().getPolicyName()).isEqualTo(policy.getMetadata().getName());
		assertThat(binding.getSpec().getValidationActions()).containsExactly("Deny");
		assertThat(binding.getSpec().getMatchResources().getNamespaceSelector().getMatchLabels())
			.containsExactly(java.util.Map.entry("kubernetes.io/metadata.name", Manifests.NAMESPACE));
	}

}
