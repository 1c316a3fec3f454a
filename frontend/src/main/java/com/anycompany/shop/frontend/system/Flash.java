package com.anycompany.shop.frontend.system;

import java.io.Serializable;
import java.util.List;

/**
 * A message shown once on the next page ("Added Copper Kettle to your cart"): a key of
 * messages.properties and its arguments.
 *
 * @param level a Bootstrap contextual class: success, info, warning, danger
 */
public record Flash(String level, String code, List<String> args) implements Serializable {

	/** The model (flash) attribute the layout shows. */
	public static final String ATTRIBUTE = "flash";

	public Flash {
		args = List.copyOf(args);
	}

	public static Flash success(String code, String... args) {
		return new Flash("success", code, List.of(args));
	}

	public static Flash info(String code, String... args) {
		return new Flash("info", code, List.of(args));
	}

	public static Flash warning(String code, String... args) {
		return new Flash("warning", code, List.of(args));
	}

	public Object[] arguments() {
		return this.args.toArray();
	}

}
