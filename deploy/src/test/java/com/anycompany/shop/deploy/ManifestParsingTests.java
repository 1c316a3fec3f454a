package com.anycompany.shop.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ManifestParsingTests {

	private static final String DEPLOYMENT = """
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
			      containers:
			        - name: demo
			          image: example/demo:1
			""";

	@Test
	void everyManifestIsReadStrictlyIntoTheTypedModel() {
		assertThat(Manifests.byFile()).isNotEmpty().allSatisfy((file, objects) -> assertThat(objects).isNotEmpty());
		assertThat(Manifests.all()).extracting(HasMetadata::getApiVersion)
			.allMatch(Manifests.CURRENT_API_VERSIONS::contains);
	}

	@Test
	void theFoldersAppliedWithKubectlApplyHoldOnlyManifests() throws IOException {
		// `kubectl apply -f deploy/tracing/` applies every file of the folder: a
		// kustomization.yaml or a README there would make the workshop's command fail
		for (String folder : Manifests.PLAIN_FOLDERS) {
			try (Stream<Path> files = Files.list(Repository.DEPLOY.resolve(folder))) {
				assertThat(files.map((path) -> path.getFileName().toString())).as("files in deploy/%s", folder)
					.isNotEmpty()
					.allMatch((name) -> name.endsWith(".yaml"))
					.noneMatch((name) -> name.startsWith("kustomization"));
			}
		}
	}

	@Test
	void aWellFormedManifestPasses() {
		assertThat(Manifests.parse(DEPLOYMENT, "demo")).singleElement()
			.extracting(HasMetadata::getKind)
			.isEqualTo("Deployment");
	}

	@Test
	void aMisspeltFieldFails() {
		String misspelt = DEPLOYMENT + """
				          readinesProbe:
				            httpGet:
				              path: /actuator/health/readiness
				              port: 8080
				""";

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> Manifests.parse(misspelt, "demo"))
			.withMessageContaining(
					"Deployment demo.spec.template.spec.containers[0]: unknown field(s) [readinesProbe]");
	}

	@Test
	void aFieldAtTheWrongLevelFails() {
		String misplaced = DEPLOYMENT.replace("      containers:", "      image: example/demo:1\n      containers:");

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> Manifests.parse(misplaced, "demo"))
			.withMessageContaining("spec.template.spec: unknown field(s) [image]");
	}

	@Test
	void anUnknownKindFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Manifests.parse(DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet"), "demo"))
			.withMessageContaining("no typed model for apps/v1 Deploymnet");
	}

	@Test
	void aDeprecatedApiVersionFails() {
		List<String> removed = List.of("extensions/v1beta1", "apps/v1beta2");
		for (String apiVersion : removed) {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> Manifests.parse(DEPLOYMENT.replace("apps/v1", apiVersion), "demo"))
				.withMessageContaining(apiVersion);
		}
	}

}
