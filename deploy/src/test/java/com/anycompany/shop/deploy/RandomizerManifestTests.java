package com.anycompany.shop.deploy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntimeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

	/**
	 * The policy's expressions, evaluated with CEL as the API server evaluates them, on
	 * the requests it will see: the randomizer deleting pods with and without the label,
	 * and others deleting the same pods.
	 */
	@ParameterizedTest(name = "{0} deletes a pod labelled {1}: allowed {2}")
	@CsvSource(delimiter = '|', textBlock = """
			system:serviceaccount:microservices-aws:randomizer | product=storefront | true
			system:serviceaccount:microservices-aws:randomizer | app=loadgen        | false
			system:serviceaccount:microservices-aws:randomizer | product=chaos      | false
			system:serviceaccount:microservices-aws:randomizer |                    | false
			system:serviceaccount:microservices-aws:loadgen    | app=loadgen        | true
			kubernetes-admin                                   | app=xray-local     | true
			""")
	void theAdmissionPolicyDecidesAsIntended(String user, String label, boolean allowed) throws Exception {
		ValidatingAdmissionPolicy policy = Manifests.ofKind(ValidatingAdmissionPolicy.class).get(0);
		Map<String, Object> labels = new HashMap<>();
		if (label != null) {
			labels.put(label.substring(0, label.indexOf('=')), label.substring(label.indexOf('=') + 1));
		}
		Map<String, Object> metadata = new HashMap<>(Map.of("name", "some-pod", "namespace", Manifests.NAMESPACE));
		if (!labels.isEmpty()) {
			metadata.put("labels", labels);
		}
		Map<String, Object> variables = Map.of("request", Map.of("userInfo", Map.of("username", user)), "oldObject",
				Map.of("metadata", metadata));

		boolean matched = policy.getSpec()
			.getMatchConditions()
			.stream()
			.allMatch((condition) -> evaluate(condition.getExpression(), variables));
		boolean valid = policy.getSpec()
			.getValidations()
			.stream()
			.allMatch((validation) -> evaluate(validation.getExpression(), variables));

		assertThat(!matched || valid).isEqualTo(allowed);
	}

	private static boolean evaluate(String expression, Map<String, Object> variables) {
		try {
			// the API server's environment has the standard macros (has, all, exists,
			// ...)
			CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
				.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
				.addVar("request", SimpleType.DYN)
				.addVar("oldObject", SimpleType.DYN)
				.build();
			CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
			Object result = CelRuntimeFactory.standardCelRuntimeBuilder().build().createProgram(ast).eval(variables);
			assertThat(result).as("%s is a condition", expression).isInstanceOf(Boolean.class);
			return (Boolean) result;
		}
		catch (CelValidationException | CelEvaluationException ex) {
			throw new AssertionError(expression + ": " + ex.getMessage(), ex);
		}
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
			.containsExactly(Map.entry("kubernetes.io/metadata.name", Manifests.NAMESPACE));
	}

}
