package com.anycompany.shop.launcher.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.anycompany.shop.launcher.LaunchException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PrerequisitesTests {

	@TempDir
	Path dir;

	@Test
	void aMissingNodeIsExplained() {
		assertThatExceptionOfType(LaunchException.class)
			.isThrownBy(() -> Prerequisites.requireNode(this.dir.resolve("node").toString()))
			.withMessageContaining("Node.js was not found")
			.withMessageContaining("needs Node.js 20 or newer")
			.withMessageContaining("SHOP_NODE");
	}

	@Test
	void anOldNodeIsExplained() throws Exception {
		Path node = script("node", "echo v18.19.1");

		assertThatExceptionOfType(LaunchException.class).isThrownBy(() -> Prerequisites.requireNode(node.toString()))
			.withMessageContaining("Node.js v18.19.1 is too old")
			.withMessageContaining("Node.js 20 or newer");
	}

	@Test
	void aRecentNodePasses() throws Exception {
		Path node = script("node", "echo v22.3.0");

		assertThat(Prerequisites.requireNode(node.toString())).isEqualTo("v22.3.0");
	}

	private Path script(String name, String body) throws Exception {
		Path script = this.dir.resolve(name);
		Files.writeString(script, "#!/bin/sh\n" + body + "\n");
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		return script;
	}

}
