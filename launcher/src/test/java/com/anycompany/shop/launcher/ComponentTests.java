package com.anycompany.shop.launcher;

import com.anycompany.shop.launcher.stack.LocalShop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComponentTests {

	@Test
	void listsAreDerivedInStartOrder() {
		assertThat(LocalShop.SERVICES).containsExactly("catalogservice", "cartservice", "orderservice",
				"recommenderservice", "imageservice", "frontend");
		assertThat(LocalShop.JAVA_MODULES).containsExactly("catalogservice", "cartservice", "orderservice",
				"recommenderservice", "imageservice", "frontend", "xray-local");
		assertThat(Component.processNames()).startsWith("dynamodb", "xray-local").doesNotContainNull().hasSize(8);
		assertThat(Ports.NAMES).containsExactly("dynamodb", "xray", "catalogservice", "cartservice", "orderservice",
				"recommenderservice", "imageservice", "frontend", "otlp");
	}

	@Test
	void peopleNameComponentsByPortProcessOrAlias() {
		assertThat(Component.find("xray")).contains(Component.XRAY);
		assertThat(Component.find("xray-local")).contains(Component.XRAY);
		assertThat(Component.find(" Console ")).contains(Component.XRAY);
		assertThat(Component.find("cart")).contains(Component.CART);
		assertThat(Component.find("otel")).contains(Component.OTLP);
		assertThat(Component.find("basket")).isEmpty();
	}

}
