package com.anycompany.shop.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root folder, where {@code ./shop} lives. */
final class ProjectDir {

	private ProjectDir() {
	}

	static Path get() {
		String configured = System.getProperty("shop.project.dir");
		if (configured != null) {
			return Path.of(configured).toAbsolutePath();
		}
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("shop"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("Cannot find the project root; set -Dshop.project.dir");
		}
		return dir;
	}

}
