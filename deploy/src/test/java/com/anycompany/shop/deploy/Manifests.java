package com.anycompany.shop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The manifests of {@code deploy/}, read strictly into fabric8's typed Kubernetes model:
 * a field the model does not know, a kind it has no class for, or an API version that is
 * not current is an error, where {@code kubectl apply} might only warn or fail later.
 */
final class Manifests {

	/**
	 * The folders of plain manifests: {@code base} (applied with {@code -k}, each file
	 * also with {@code -f}), and the two the workshop applies with
	 * {@code kubectl apply -f}.
	 */
	static final List<String> FOLDERS = List.of("base", "tracing", "eks");

	/**
	 * The folders the workshop applies whole, with {@code kubectl apply -f <folder>/}.
	 */
	static final List<String> PLAIN_FOLDERS = List.of("tracing", "eks");

	/** The API versions of the kinds used here that are served and not deprecated. */
	static final Set<String> CURRENT_API_VERSIONS = Set.of("v1", "apps/v1", "rbac.authorization.k8s.io/v1",
			"admissionregistration.k8s.io/v1", "policy/v1", "networking.k8s.io/v1");

	static final String NAMESPACE = "microservices-aws";

	private static final KubernetesSerialization serialization = new KubernetesSerialization();

	private static Map<Path, List<HasMetadata>> all;

	private Manifests() {
	}

	/**
	 * Every manifest file, by path relative to the repository root.
	 * @return the files and their objects, in file order
	 */
	static synchronized Map<Path, List<HasMetadata>> byFile() {
		if (all == null) {
			Map<Path, List<HasMetadata>> parsed = new LinkedHashMap<>();
			for (Path file : files()) {
				parsed.put(Repository.ROOT.relativize(file), parse(Repository.read(file), file.toString()));
			}
			all = parsed;
		}
		return all;
	}

	static List<HasMetadata> all() {
		return byFile().values().stream().flatMap(List::stream).toList();
	}

	static <T extends HasMetadata> List<T> ofKind(Class<T> kind) {
		return all().stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	static <T extends HasMetadata> T named(Class<T> kind, String namespace, String name) {
		return ofKind(kind).stream()
			.filter((object) -> namespace.equals(object.getMetadata().getNamespace())
					&& name.equals(object.getMetadata().getName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + namespace + "/" + name));
	}

	/** The six services: the Deployments labelled product=storefront. */
	static List<Deployment> storefront() {
		return ofKind(Deployment.class).stream()
			.filter((deployment) -> "storefront".equals(deployment.getMetadata().getLabels().get("product")))
			.toList();
	}

	static ConfigMap configMap(String namespace, String name) {
		return named(ConfigMap.class, namespace, name);
	}

	/**
	 * Every YAML or JSON file in the folders that are applied with
	 * {@code kubectl apply -f}.
	 * @return the files, sorted
	 */
	static List<Path> files() {
		List<Path> files = new ArrayList<>();
		for (String folder : FOLDERS) {
			try (Stream<Path> list = Files.list(Repository.DEPLOY.resolve(folder))) {
				list.filter((path) -> path.toString().matches(".*\\.(ya?ml|json)"))
					.filter((path) -> !path.getFileName().toString().startsWith("kustomization."))
					.sorted()
					.forEach(files::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return files;
	}

	/**
	 * Reads one or more YAML documents strictly.
	 * @param yaml the text
	 * @param source where it comes from, for messages
	 * @return the typed objects
	 * @throws AssertionError naming every problem found
	 */
	static List<HasMetadata> parse(String yaml, String source) {
		Object parsed;
		try {
			parsed = serialization.unmarshal(yaml);
		}
		catch (RuntimeException ex) {
			throw new AssertionError(source + ": not a valid manifest: " + ex.getMessage(), ex);
		}
		List<Object> documents = new ArrayList<>();
		if (parsed instanceof Collection<?> collection) {
			documents.addAll(collection);
		}
		else if (parsed != null) {
			documents.add(parsed);
		}
		List<HasMetadata> objects = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Object document : documents) {
			if (!(document instanceof HasMetadata object)) {
				problems.add("a document that is no Kubernetes object: " + document);
				continue;
			}
			String id = object.getKind() + " "
					+ ((object.getMetadata() != null) ? object.getMetadata().getName() : "?");
			if (object instanceof GenericKubernetesResource) {
				problems.add(id + ": no typed model for " + object.getApiVersion() + " " + object.getKind()
						+ " (unknown, misspelt or removed kind/apiVersion)");
			}
			else if (!CURRENT_API_VERSIONS.contains(object.getApiVersion())) {
				problems.add(id + ": apiVersion " + object.getApiVersion() + " is not current");
			}
			unknownFields(object, id, problems);
			objects.add(object);
		}
		if (objects.isEmpty() && problems.isEmpty()) {
			problems.add("no Kubernetes object at all");
		}
		if (!problems.isEmpty()) {
			throw new AssertionError(source + ":\n  " + String.join("\n  ", problems));
		}
		return objects;
	}

	/**
	 * fabric8 keeps what its model does not know in {@code additionalProperties}, at any
	 * depth; a strict reading finds all of them empty.
	 */
	private static void unknownFields(Object value, String path, List<String> problems) {
		if (value instanceof Collection<?> collection) {
			int i = 0;
			for (Object element : collection) {
				unknownFields(element, path + "[" + i++ + "]", problems);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> unknownFields(element, path + "[" + key + "]", problems));
			return;
		}
		if (!(value instanceof KubernetesResource) || value instanceof GenericKubernetesResource) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class
					|| getter.getDeclaringClass().isInterface()) {
				continue;
			}
			Object property = invoke(getter, value);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (property instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
					problems.add(path + ": unknown field(s) " + unknown.keySet());
				}
			}
			else if (property != null) {
				String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
				unknownFields(property, path + "." + name, problems);
			}
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("cannot read " + getter, ex);
		}
	}

}
