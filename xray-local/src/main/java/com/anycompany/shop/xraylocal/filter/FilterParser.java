package com.anycompany.shop.xraylocal.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.anycompany.shop.xraylocal.filter.Filter.Op;
import com.anycompany.shop.xraylocal.filter.Filter.Selector;
import com.anycompany.shop.xraylocal.filter.FilterTarget.Keyword;
import com.anycompany.shop.xraylocal.filter.FilterTarget.Type;

/**
 * A recursive-descent parser for X-Ray filter expressions:
 *
 * <pre>
 * or        := and ( OR and )*
 * and       := unary ( AND unary )*
 * unary     := ( '!' | NOT ) unary | primary
 * primary   := '(' or ')' | service | edge | group | annotation | keyword [ op value ]
 * service   := 'service' '(' [ selector ] ')' [ '{' or '}' ]
 * edge      := 'edge' '(' selector ',' selector ')' [ '{' or '}' ]
 * selector  := STRING | 'id' '(' 'name' ':' STRING [ ',' 'type' ':' STRING ] ')'
 * group     := ( 'group.name' | 'group.arn' ) '=' STRING
 * op        := '=' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=' | CONTAINS | BEGINSWITH | ENDSWITH
 * </pre>
 *
 * Words are case insensitive, except annotation keys. Errors name the 1-based position.
 */
public final class FilterParser {

	/** Longer expressions are refused. */
	public static final int MAX_LENGTH = 4000;

	private static final int MAX_NESTING = 50;

	/** Finds group filter expressions for {@code group.name} and {@code group.arn}. */
	public interface Groups {

		Groups NONE = new Groups() {
		};

		/** The group's filter expression, or null when there is no such group. */
		default String filterByName(String name) {
			return null;
		}

		default String filterByArn(String arn) {
			return null;
		}

	}

	private final List<Token> tokens;

	private final Groups groups;

	private final int groupDepth;

	private int next;

	private int nesting;

	private FilterParser(String text, Groups groups, int groupDepth) {
		this.tokens = new Lexer(text).tokens();
		this.groups = groups;
		this.groupDepth = groupDepth;
	}

	public static Filter parse(String expression) {
		return parse(expression, Groups.NONE);
	}

	/** Parses an expression; null or blank means everything. */
	public static Filter parse(String expression, Groups groups) {
		return parse(expression, groups, 0);
	}

	private static Filter parse(String expression, Groups groups, int groupDepth) {
		if (expression == null || expression.isBlank()) {
			return Filter.ALL;
		}
		if (expression.length() > MAX_LENGTH) {
			throw new FilterException("the expression is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
		}
		FilterParser parser = new FilterParser(expression, groups, groupDepth);
		Filter filter = parser.or();
		Token extra = parser.peek();
		if (extra.kind() != Kind.END) {
			throw parser.error(extra,
					"unexpected " + extra.describe() + " after a complete condition" + " (missing AND or OR?)");
		}
		return filter;
	}

	private Filter or() {
		List<Filter> parts = new ArrayList<>(List.of(and()));
		while (peekWord("OR") || peekSymbol("||")) {
			this.next++;
			parts.add(and());
		}
		return (parts.size() == 1) ? parts.get(0) : new Filter.Or(List.copyOf(parts));
	}

	private Filter and() {
		List<Filter> parts = new ArrayList<>(List.of(unary()));
		while (peekWord("AND") || peekSymbol("&&")) {
			this.next++;
			parts.add(unary());
		}
		return (parts.size() == 1) ? parts.get(0) : new Filter.And(List.copyOf(parts));
	}

	private Filter unary() {
		if (peek().kind() == Kind.BANG || peekWord("NOT")) {
			Token not = take();
			enter(not);
			Filter inner = unary();
			this.nesting--;
			return new Filter.Not(inner);
		}
		return primary();
	}

	private Filter primary() {
		Token token = take();
		switch (token.kind()) {
			case LPAREN -> {
				enter(token);
				Filter inner = or();
				expect(Kind.RPAREN, "')' to close the '(' at position " + token.position());
				this.nesting--;
				return inner;
			}
			case WORD -> {
				return condition(token);
			}
			default -> throw error(token, "expected a condition such as fault, responsetime > 1,"
					+ " http.url CONTAINS \"/cart\" or service(\"name\"), found " + token.describe());
		}
	}

	private Filter condition(Token word) {
		String lower = word.text().toLowerCase(Locale.ROOT);
		if (lower.equals("service")) {
			return service(word);
		}
		if (lower.equals("edge")) {
			return edge(word);
		}
		if (lower.equals("group.name") || lower.equals("group.arn")) {
			return group(word, lower.equals("group.arn"));
		}
		if (lower.startsWith("annotation.")) {
			return annotation(word);
		}
		Keyword keyword = Keyword.find(word.text());
		if (keyword == null) {
			throw error(word, "unknown keyword '" + word.text() + "'; known are ok, error, fault, throttle,"
					+ " partial, root, inferred, responsetime, duration, http.status, http.url, http.method,"
					+ " http.useragent, http.clientip, user, name, id, annotation.KEY, service(), edge(), group.name");
		}
		if (keyword.type() == Type.BOOLEAN) {
			if (!isOperator(peek())) {
				return new Filter.Flag(keyword);
			}
			Token opToken = peek();
			Op op = operator(word);
			if (op != Op.EQ && op != Op.NE) {
				throw error(opToken, "'" + word.text() + "' is true or false: compare it with = or !=");
			}
			Token value = take();
			if (value.kind() != Kind.WORD || !(isWord(value, "true") || isWord(value, "false"))) {
				throw error(value, "expected true or false after '" + word.text() + " " + op.text() + "', found "
						+ value.describe());
			}
			boolean wanted = isWord(value, "true") == (op == Op.EQ);
			return wanted ? new Filter.Flag(keyword) : new Filter.Not(new Filter.Flag(keyword));
		}
		Token opToken = peek();
		Op op = operator(word);
		if (keyword.type() == Type.NUMBER) {
			if (op.isText()) {
				throw error(opToken, "'" + word.text() + "' is a number: compare it with = != < <= > >=");
			}
			return new Filter.NumberCompare(keyword, op, number(word, op));
		}
		if (op.isOrdering()) {
			throw error(opToken,
					"'" + word.text() + "' is a string: compare it with = != CONTAINS BEGINSWITH" + " ENDSWITH");
		}
		return new Filter.StringCompare(keyword, op, string(word, op));
	}

	private Filter annotation(Token word) {
		String key = word.text().substring("annotation.".length());
		if (key.isEmpty()) {
			throw error(word, "expected an annotation key after 'annotation.'");
		}
		if (!isOperator(peek())) {
			return new Filter.AnnotationPresent(key);
		}
		Token opToken = peek();
		Op op = operator(word);
		Token value = peek();
		Object wanted;
		switch (value.kind()) {
			case STRING -> {
				if (op.isOrdering()) {
					throw error(opToken, "a string annotation is compared with = != CONTAINS BEGINSWITH ENDSWITH");
				}
				wanted = take().text();
			}
			case NUMBER -> {
				if (op.isText()) {
					throw error(opToken, "a number annotation is compared with = != < <= > >=");
				}
				wanted = Double.parseDouble(take().text());
			}
			case WORD -> {
				if (!isWord(value, "true") && !isWord(value, "false")) {
					throw error(value, "expected a quoted string, a number, true or false, found " + value.describe()
							+ " (strings need double quotes)");
				}
				if (op != Op.EQ && op != Op.NE) {
					throw error(opToken, "a true/false annotation is compared with = or !=");
				}
				wanted = isWord(take(), "true");
			}
			default -> throw error(value,
					"expected a value after '" + word.text() + " " + op.text() + "', found " + value.describe());
		}
		return new Filter.AnnotationCompare(key, op, wanted);
	}

	private Filter service(Token word) {
		Token open = expect(Kind.LPAREN, "'(' after 'service'");
		Selector selector = null;
		if (peek().kind() != Kind.RPAREN) {
			selector = selector();
		}
		expect(Kind.RPAREN, "')' to close the '(' at position " + open.position());
		return new Filter.Service(selector, scope(word));
	}

	private Filter edge(Token word) {
		Token open = expect(Kind.LPAREN, "'(' after 'edge'");
		Selector from = selector();
		expect(Kind.COMMA, "',' between the two services of edge(\"from\", \"to\")");
		Selector to = selector();
		expect(Kind.RPAREN, "')' to close the '(' at position " + open.position());
		return new Filter.Edge(from, to, scope(word));
	}

	private Filter scope(Token word) {
		if (peek().kind() != Kind.LBRACE) {
			return Filter.ALL;
		}
		Token open = take();
		enter(open);
		if (peek().kind() == Kind.RBRACE) {
			throw error(peek(), "expected a condition inside { } after '" + word.text() + "(...)'");
		}
		Filter inner = or();
		expect(Kind.RBRACE, "'}' to close the '{' at position " + open.position());
		this.nesting--;
		return inner;
	}

	private Selector selector() {
		Token token = take();
		if (token.kind() == Kind.STRING) {
			return new Selector(token.text(), null);
		}
		if (token.kind() == Kind.WORD && isWord(token, "id")) {
			Token open = expect(Kind.LPAREN, "'(' after 'id'");
			String name = null;
			String type = null;
			do {
				Token field = take();
				if (field.kind() != Kind.WORD || !(isWord(field, "name") || isWord(field, "type"))) {
					throw error(field, "expected name: or type: inside id(...), found " + field.describe());
				}
				expect(Kind.COLON, "':' after '" + field.text() + "'");
				Token value = expect(Kind.STRING, "a quoted string after '" + field.text() + ":'");
				if (isWord(field, "name")) {
					name = value.text();
				}
				else {
					type = value.text();
				}
			}
			while (peek().kind() == Kind.COMMA && take() != null);
			expect(Kind.RPAREN, "')' to close the '(' at position " + open.position());
			if (name == null) {
				throw error(open, "id(...) needs a name: \"...\"");
			}
			return new Selector(name, type);
		}
		throw error(token, "expected a service name in double quotes, found " + token.describe());
	}

	private Filter group(Token word, boolean byArn) {
		Token opToken = peek();
		Op op = operator(word);
		if (op != Op.EQ) {
			throw error(opToken, "'" + word.text() + "' is compared with =");
		}
		Token value = expect(Kind.STRING, "a group " + (byArn ? "ARN" : "name") + " in double quotes");
		String expression = byArn ? this.groups.filterByArn(value.text()) : this.groups.filterByName(value.text());
		if (expression == null) {
			throw error(value, "no group " + value.describe());
		}
		if (this.groupDepth >= 3) {
			throw error(value, "groups refer to each other too deeply");
		}
		try {
			return parse(expression, this.groups, this.groupDepth + 1);
		}
		catch (FilterException ex) {
			throw error(value, "the filter of group " + value.describe() + " is invalid");
		}
	}

	private double number(Token word, Op op) {
		Token value = take();
		if (value.kind() != Kind.NUMBER) {
			throw error(value,
					"expected a number after '" + word.text() + " " + op.text() + "', found " + value.describe());
		}
		return Double.parseDouble(value.text());
	}

	private String string(Token word, Op op) {
		Token value = take();
		if (value.kind() != Kind.STRING) {
			throw error(value, "expected a quoted string after '" + word.text() + " " + op.text() + "', found "
					+ value.describe() + ((value.kind() == Kind.WORD) ? " (strings need double quotes)" : ""));
		}
		return value.text();
	}

	private Op operator(Token word) {
		Token token = take();
		Op op = toOperator(token);
		if (op == null) {
			throw error(token, "expected an operator (= != < <= > >= CONTAINS BEGINSWITH ENDSWITH) after '"
					+ word.text() + "', found " + token.describe());
		}
		return op;
	}

	private static boolean isOperator(Token token) {
		return toOperator(token) != null;
	}

	private static Op toOperator(Token token) {
		if (token.kind() == Kind.OP) {
			for (Op op : Op.values()) {
				if (op.text().equals(token.text())) {
					return op;
				}
			}
		}
		if (token.kind() == Kind.WORD) {
			for (Op op : new Op[] { Op.CONTAINS, Op.BEGINSWITH, Op.ENDSWITH }) {
				if (op.text().equalsIgnoreCase(token.text())) {
					return op;
				}
			}
		}
		return null;
	}

	private void enter(Token token) {
		if (++this.nesting > MAX_NESTING) {
			throw error(token, "the expression is nested more than " + MAX_NESTING + " levels deep");
		}
	}

	private Token expect(Kind kind, String what) {
		Token token = take();
		if (token.kind() != kind) {
			throw error(token, "expected " + what + ", found " + token.describe());
		}
		return token;
	}

	private boolean peekWord(String word) {
		return isWord(peek(), word);
	}

	private boolean peekSymbol(String symbol) {
		Token token = peek();
		return token.kind() == Kind.OP && token.text().equals(symbol);
	}

	private static boolean isWord(Token token, String word) {
		return token.kind() == Kind.WORD && token.text().equalsIgnoreCase(word);
	}

	private Token peek() {
		return this.tokens.get(this.next);
	}

	private Token take() {
		Token token = this.tokens.get(this.next);
		if (token.kind() != Kind.END) {
			this.next++;
		}
		return token;
	}

	private FilterException error(Token token, String problem) {
		return new FilterException(problem, token.position());
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

	/**
	 * Splits an expression into tokens; reports the position of anything it cannot read.
	 */
	static final class Lexer {

		private final String text;

		private int at;

		Lexer(String text) {
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
			if (this.at < this.text.length()
					&& (this.text.charAt(this.at) == 'e' || this.text.charAt(this.at) == 'E')) {
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

	}

}
