package com.anycompany.shop.xraylocal.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StringTableTests {

	private static String get(StringTable table, String text) {
		// the characters as a parser's buffer holds them: inside a bigger array
		char[] buffer = ("xx" + text + "yy").toCharArray();
		return table.get(buffer, 2, text.length());
	}

	@Test
	void equalCharactersGiveTheSameInstance() {
		StringTable table = new StringTable(100);
		String first = get(table, "http://localhost:8080/product/P-0001");
		assertThat(first).isEqualTo("http://localhost:8080/product/P-0001");
		assertThat(get(table, "http://localhost:8080/product/P-0001")).isSameAs(first);
		assertThat(table.get(new String("http://localhost:8080/product/P-0001"))).isSameAs(first);
		assertThat(get(table, "http://localhost:8080/product/P-0002")).isNotSameAs(first)
			.isEqualTo("http://localhost:8080/product/P-0002");
		assertThat(get(table, "")).isEmpty();
	}

	@Test
	void manyStringsGrowTheTableAndKeepEveryOne() {
		StringTable table = new StringTable(10_000);
		String[] kept = new String[5_000];
		for (int i = 0; i < kept.length; i++) {
			kept[i] = get(table, "name-" + i);
		}
		for (int i = 0; i < kept.length; i++) {
			assertThat(get(table, "name-" + i)).isSameAs(kept[i]);
		}
	}

	@Test
	void pastTheBoundNewStringsAreNotKept() {
		StringTable table = new StringTable(3);
		String a = get(table, "a");
		get(table, "b");
		get(table, "c");
		String d = get(table, "d");
		assertThat(d).isEqualTo("d");
		assertThat(get(table, "d")).isEqualTo("d").isNotSameAs(d);
		assertThat(get(table, "a")).isSameAs(a);
	}

	@Test
	void longStringsAreNotKept() {
		StringTable table = new StringTable(100);
		String url = "http://localhost:8080/search?q=" + "x".repeat(StringTable.MAX_LENGTH);
		String first = get(table, url);
		assertThat(get(table, url)).isEqualTo(url).isNotSameAs(first);
	}

}
