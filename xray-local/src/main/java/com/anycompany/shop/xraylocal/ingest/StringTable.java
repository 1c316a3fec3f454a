package com.anycompany.shop.xraylocal.ingest;

/**
 * One shared instance per repeated string (names, methods, tables, URLs), looked up by
 * the parser's characters, so a string already known costs neither an allocation nor a
 * second pass to hash it. Bounded: past {@code max} strings new ones are returned
 * unshared. Reads take no lock: slots are only ever filled, with immutable strings, and a
 * reader that misses an entry added meanwhile finds it under the lock.
 */
final class StringTable {

	/**
	 * Longer strings are not shared: the table's memory stays bounded whatever clients
	 * send (at most {@code max} strings of this length).
	 */
	static final int MAX_LENGTH = 2048;

	private final int max;

	private volatile String[] slots = new String[1024];

	private int size;

	StringTable(int max) {
		this.max = max;
	}

	String get(char[] chars, int offset, int length) {
		if (length > MAX_LENGTH) {
			return new String(chars, offset, length);
		}
		int hash = hash(chars, offset, length);
		String found = find(this.slots, hash, chars, offset, length);
		return (found != null) ? found : add(hash, chars, offset, length);
	}

	/** The shared instance equal to {@code value}. */
	String get(String value) {
		if (value.length() > MAX_LENGTH) {
			return value;
		}
		int hash = value.hashCode();
		String[] table = this.slots;
		int mask = table.length - 1;
		for (int i = spread(hash) & mask; table[i] != null; i = (i + 1) & mask) {
			if (table[i].hashCode() == hash && table[i].equals(value)) {
				return table[i];
			}
		}
		char[] chars = value.toCharArray();
		return add(hash, chars, 0, chars.length);
	}

	private static String find(String[] table, int hash, char[] chars, int offset, int length) {
		int mask = table.length - 1;
		for (int i = spread(hash) & mask;; i = (i + 1) & mask) {
			String candidate = table[i];
			if (candidate == null) {
				return null;
			}
			if (candidate.hashCode() == hash && equal(candidate, chars, offset, length)) {
				return candidate;
			}
		}
	}

	private synchronized String add(int hash, char[] chars, int offset, int length) {
		String[] table = this.slots;
		String found = find(table, hash, chars, offset, length);
		if (found != null) {
			return found;
		}
		String value = new String(chars, offset, length);
		if (this.size >= this.max) {
			return value;
		}
		if (2 * (this.size + 1) > table.length) {
			String[] bigger = new String[table.length * 2];
			for (String known : table) {
				if (known != null) {
					insert(bigger, known);
				}
			}
			table = bigger;
		}
		insert(table, value);
		this.size++;
		this.slots = table;
		return value;
	}

	private static void insert(String[] table, String value) {
		int mask = table.length - 1;
		int i = spread(value.hashCode()) & mask;
		while (table[i] != null) {
			i = (i + 1) & mask;
		}
		table[i] = value;
	}

	/** {@link String#hashCode()} of the characters. */
	private static int hash(char[] chars, int offset, int length) {
		int hash = 0;
		for (int i = offset; i < offset + length; i++) {
			hash = 31 * hash + chars[i];
		}
		return hash;
	}

	private static int spread(int hash) {
		return hash ^ (hash >>> 16);
	}

	private static boolean equal(String candidate, char[] chars, int offset, int length) {
		if (candidate.length() != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (candidate.charAt(i) != chars[offset + i]) {
				return false;
			}
		}
		return true;
	}

}
