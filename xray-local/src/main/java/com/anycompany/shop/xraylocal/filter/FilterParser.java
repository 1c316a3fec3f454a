package com.anycompany.shop.xraylocal.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.anycompany.shop.xraylocal.filter.Filter.Op;
import com.anycompany.shop.xraylocal.filter.Filter.Selector;
import com.anycompany.shop.xraylocal.filter.FilterTarget.Keyword;
import com.anycompany.shop.xraylocal.filter.FilterLexer.Kind;
import com.anycompany.shop.xraylocal.filter.FilterLexer.Token;
import com.anycompany.shop.xraylocal.filter.FilterTarget.Type;

/**
 * A recursive-descent parser for X-Ray filter expressions:
 *
 * <pre>
 * or        := and ( OR and )*
 * and       := unary ( AND unary )*
 * unary     := ( '!' | NOT ) unary | primary
 * primary   := '(' or ')' | service | edge | group | rootcause | annotation | keyword [ op value ]
 * service   := 'service' '(' [ selector ] ')' [ '{' or '}' ]
 * edge      := 'edge' '(' selector ',' selector ')' [ '{' or '}' ]
 * selector  := STRING | 'id' '(' 'name' ':' STRING [ ',' 'type' ':' STRING ] ')'
 * group     := ( 'group.name' | 'group.arn' ) '=' STRING
 * rootcause := 'rootcause.' ( 'fault' | 'error' ) '.' ( 'service' | 'entity' | 'exception' ) [ '{' or '}' ]
 *            | 'rootcause.responsetime.' ( 'service' | 'entity' ) [ '{' or '}' ]
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
		this.tokens = new FilterLexer(text).tokens();
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
		if (lower.startsWith("rootcause.")) {
			return rootCause(word, lower);
		}
		Keyword keyword = Keyword.find(word.text());
		if (keyword == null) {
			throw error(word, "unknown keyword '" + word.text() + "'; known are ok, error, fault, throttle,"
					+ " partial, root, inferred, responsetime, duration, http.status, http.url, http.method,"
					+ " http.useragent, http.clientip, user, name, id, type, message, first, last, remote, index,"
					+ " coverage, annotation.KEY, service(), edge(), group.name, rootcause.fault.service {}");
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

	/**
	 * {@code rootcause.fault.service { ... }} and its siblings; {@code message} is taken
	 * for {@code exception}, the level whose elements have messages.
	 */
	private Filter rootCause(Token word, String lower) {
		String[] parts = lower.split("\\.", -1);
		String kind = (parts.length == 3) ? parts[1] : "";
		String level = (parts.length == 3) ? parts[2] : "";
		if (level.equals("message")) {
			level = "exception";
		}
		boolean known = switch (kind) {
			case "fault", "error" -> level.equals("service") || level.equals("entity") || level.equals("exception");
			case "responsetime" -> level.equals("service") || level.equals("entity");
			default -> false;
		};
		if (!known) {
			throw error(word,
					"unknown root cause keyword '" + word.text() + "'; known are rootcause.fault.service,"
							+ " rootcause.fault.entity, rootcause.fault.exception, the same for rootcause.error, and"
							+ " rootcause.responsetime.service, rootcause.responsetime.entity");
		}
		return new Filter.RootCause(kind, level, scope(word));
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

}
