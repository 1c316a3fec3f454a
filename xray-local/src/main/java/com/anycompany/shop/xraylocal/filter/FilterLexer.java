package com.anycompany.shop.xraylocal.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a filter expression into tokens for {@link FilterParser}; reports the 1-based
 * position of anything it cannot read.
 */
final class FilterLexer {

	private final String text;

	private int at;

	FilterLexer(String text) {
		this.text = text;
	}

	List<Token> tokens() {
		List<Token> tokens = new ArrayList<>();
		while (true) {
			while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
				this.at++;
			}
			if (this.at >= this.text.length()) {
				tokens.add(new Token(Kind.END, "", this.text.length()));
				return tokens;
			}
			tokens.add(token());
		}
	}

	private Token token() {
		int start = this.at;
		char c = this.text.charAt(this.at);
		char n = (this.at + 1 < this.text.length()) ? this.text.charAt(this.at + 1) : '\0';
		switch (c) {
			case '(' -> {
				return single(Kind.LPAREN, start);
			}
			case ')' -> {
				return single(Kind.RPAREN, start);
			}
			case '{' -> {
				return single(Kind.LBRACE, start);
			}
			case '}' -> {
				return single(Kind.RBRACE, start);
			}
			case ',' -> {
				return single(Kind.COMMA, start);
			}
			case ':' -> {
				return single(Kind.COLON, start);
			}
			case '"' -> {
				return quoted(start);
			}
			case '!' -> {
				if (n == '=') {
					return symbol("!=", start);
				}
				return single(Kind.BANG, start);
			}
			case '=' -> {
				return symbol((n == '=') ? "==" : "=", start);
			}
			case '<', '>' -> {
				return symbol((n == '=') ? c + "=" : String.valueOf(c), start);
			}
			case '&', '|' -> {
				if (n == c) {
					return symbol("" + c + c, start);
				}
			}
			default -> {
			}
		}
		if (isDigit(c) || ((c == '-' || c == '.') && isDigit(n))) {
			return number(start);
		}
		if (Character.isLetter(c) || c == '_') {
			while (this.at < this.text.length() && isWordChar(this.text.charAt(this.at))) {
				this.at++;
			}
			return new Token(Kind.WORD, this.text.substring(start, this.at), start);
		}
		throw new FilterException("unexpected character '" + c + "'", start + 1);
	}

	private Token single(Kind kind, int start) {
		this.at++;
		return new Token(kind, this.text.substring(start, this.at), start);
	}

	private Token symbol(String symbol, int start) {
		if (symbol.equals("==")) {
			throw new FilterException("use = to compare, not ==", start + 1);
		}
		this.at += symbol.length();
		return new Token(Kind.OP, symbol, start);
	}

	private Token quoted(int start) {
		StringBuilder value = new StringBuilder();
		this.at++;
		while (this.at < this.text.length()) {
			char c = this.text.charAt(this.at++);
			if (c == '"') {
				return new Token(Kind.STRING, value.toString(), start);
			}
			if (c == '\\' && this.at < this.text.length()) {
				c = this.text.charAt(this.at++);
			}
			value.append(c);
		}
		throw new FilterException("the string starting here has no closing double quote", start + 1);
	}

	private Token number(int start) {
		if (this.text.charAt(this.at) == '-') {
			this.at++;
		}
		digits();
		if (this.at < this.text.length() && this.text.charAt(this.at) == '.') {
			this.at++;
			digits();
		}
		if (this.at < this.text.length() && (this.text.charAt(this.at) == 'e' || this.text.charAt(this.at) == 'E')) {
			int mark = this.at++;
			if (this.at < this.text.length()
					&& (this.text.charAt(this.at) == '+' || this.text.charAt(this.at) == '-')) {
				this.at++;
			}
			if (this.at >= this.text.length() || !isDigit(this.text.charAt(this.at))) {
				throw new FilterException("a number's exponent needs digits", mark + 1);
			}
			digits();
		}
		if (this.at < this.text.length() && isWordChar(this.text.charAt(this.at))) {
			throw new FilterException("unexpected '" + this.text.charAt(this.at) + "' in a number", this.at + 1);
		}
		return new Token(Kind.NUMBER, this.text.substring(start, this.at), start);
	}

	private void digits() {
		while (this.at < this.text.length() && isDigit(this.text.charAt(this.at))) {
			this.at++;
		}
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '.';
	}

	enum Kind {

		WORD, STRING, NUMBER, OP, LPAREN, RPAREN, LBRACE, RBRACE, COMMA, COLON, BANG, END

	}

	/** A token and where it starts (0-based offset). */
	record Token(Kind kind, String text, int offset) {

		int position() {
			return this.offset + 1;
		}

		String describe() {
			return switch (this.kind) {
				case END -> "the end of the expression";
				case STRING -> "\"" + this.text + "\"";
				default -> "'" + this.text + "'";
			};
		}

	}

}
