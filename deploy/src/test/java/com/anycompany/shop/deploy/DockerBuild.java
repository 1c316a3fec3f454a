package com.anycompany.shop.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code docker/} builds: the image names and tags of {@code docker/build.sh} and
 * the user of {@code docker/Dockerfile}.
 */
final class DockerBuild {

	/**
	 * The registry part of the images as the committed manifests name them;
	 * docker/build.sh rewrites it.
	 */
	static final String IMAGE_PREFIX = "registry.invalid/anycompany-shop/";

	private DockerBuild() {
	}

	static String buildScript() {
		return Repository.read(Repository.DOCKER.resolve("build.sh"));
	}

	static String dockerfile() {
		return Repository.read(Repository.DOCKER.resolve("Dockerfile"));
	}

	/** The modules {@code docker/build.sh} makes an image of. */
	static List<String> modules() {
		return Arrays.asList(group(buildScript(), "(?m)^MODULES=\"([^\"]+)\"").split("\\s+"));
	}

	/**
	 * Every image {@code docker/build.sh} builds: the modules' and the others (dynalite).
	 */
	static List<String> images() {
		List<String> images = new java.util.ArrayList<>(modules());
		images.addAll(Arrays.asList(group(buildScript(), "(?m)^OTHER_IMAGES=\"([^\"]+)\"").split("\\s+")));
		return images;
	}

	/** The tag of the committed manifests, which build.sh replaces by what it built. */
	static String unbuiltTag() {
		return group(buildScript(), "(?m)^UNBUILT_TAG=(\\S+)");
	}

	static String defaultRegistry() {
		return group(buildScript(), "(?m)^DEFAULT_REGISTRY=(\\S+)");
	}

	/** Where the committed manifests say the images are: a name that never resolves. */
	static String placeholderRegistry() {
		return group(buildScript(), "(?m)^PLACEHOLDER_REGISTRY=(\\S+)");
	}

	/** The kind cluster the printed {@code kind load} command names. */
	static String kindCluster() {
		return group(buildScript(), "(?m)^KIND_CLUSTER=(\\S+)");
	}

	/** The numeric user the image runs as ({@code USER uid:gid}). */
	static long user() {
		return Long.parseLong(group(dockerfile(), "(?m)^USER (\\d+):\\d+\\s*$"));
	}

	static long userGroup() {
		return Long.parseLong(group(dockerfile(), "(?m)^USER \\d+:(\\d+)\\s*$"));
	}

	/** An image as the committed manifests name it. */
	static String image(String module) {
		return placeholderRegistry() + "/" + module + ":" + unbuiltTag();
	}

	static String group(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("no match for " + regex);
		}
		return matcher.group(1);
	}

}
