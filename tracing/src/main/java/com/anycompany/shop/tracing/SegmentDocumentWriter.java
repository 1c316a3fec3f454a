package com.anycompany.shop.tracing;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.amazonaws.xray.entities.Cause;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.SegmentImpl;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.SubsegmentImpl;
import com.amazonaws.xray.entities.ThrowableDescription;
import com.amazonaws.xray.entities.TraceID;

/**
 * Turns a finished X-Ray entity into the UTF-8 bytes of its segment document, the same
 * bytes the SDK's {@code serialize()} (a segment) or {@code streamSerialize()} (a
 * subsegment sent on its own) followed by {@code getBytes(UTF_8)} would give, without the
 * SDK's reflective Jackson bean serializer, the intermediate tree and String, and with
 * one buffer reused for every document. The profile put the SDK's way at a quarter of all
 * CPU time tracing costs.
 * <p>
 * What the SDK's mapper (aws-xray-recorder-sdk 2.21, Jackson 2) writes, and this class
 * therefore writes:
 * <ul>
 * <li>the properties of {@code EntityImpl}, {@code SegmentImpl} and
 * {@code SubsegmentImpl} in their declaration order, snake case; a null or empty string,
 * map or collection left out ({@code NON_EMPTY}); {@code end_time} only when not 0,
 * {@code fault}/{@code error}/{@code throttle}/{@code in_progress} only when true;
 * {@code start_time} always;</li>
 * <li>inside maps, an entry whose value is null or "empty" left out, where a map is empty
 * when all its values are (recursively), so a map of empty maps disappears altogether; in
 * collections and arrays every element, null included;</li>
 * <li>numbers as Jackson prints them ({@code Double.toString}, NaN and infinities as
 * strings); strings escaped as Jackson does (control characters, quote, backslash; no
 * other), then encoded as {@code String.getBytes(UTF_8)} would, a lone surrogate becoming
 * {@code ?};</li>
 * <li>the cause as {@code CauseSerializer} writes it (just the id of an exception
 * recorded elsewhere, or the object), stack frames as
 * {@code StackTraceElementSerializer};</li>
 * <li>for a subsegment on its own, {@code type}, {@code parent_id} and {@code trace_id}
 * as {@code SubsegmentImpl.streamSerialize()} adds them to its tree, and big decimals as
 * that tree holds them (trailing zeros stripped).</li>
 * </ul>
 * Anything it cannot write with certainty — an entity, cause or exception class other
 * than the SDK's own, a value that is not null, a string, boolean, the JDK's usual
 * numbers, a JDK map or collection, an object, int, long, double or boolean array, a
 * plain enum or Jackson's null node, a map key that is not a string, nesting deeper than
 * {@value #MAX_DEPTH} — makes it write that whole document with the SDK's own serializer
 * instead ({@link #fallbacks()} counts them): for such values Jackson's output depends on
 * annotations, registered modules and settings that only the SDK's mapper knows.
 * <p>
 * Not thread-safe: one instance per sending thread.
 */
public final class SegmentDocumentWriter {

	/** Deeper than this in maps and lists, the SDK writes it (and fails as it fails). */
	static final int MAX_DEPTH = 64;

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	/**
	 * For each ASCII character: 0 written as is, 'u' as a backslash, u and four hex
	 * digits, else the character that follows a backslash (Jackson's standard escapes).
	 */
	private static final byte[] ESCAPES = new byte[128];

	static {
		for (int c = 0; c < 0x20; c++) {
			ESCAPES[c] = 'u';
		}
		ESCAPES['"'] = '"';
		ESCAPES['\\'] = '\\';
		ESCAPES['\b'] = 'b';
		ESCAPES['\t'] = 't';
		ESCAPES['\f'] = 'f';
		ESCAPES['\n'] = 'n';
		ESCAPES['\r'] = 'r';
	}

	private static final byte[] NULL = bytes("null");

	/**
	 * What {@code putMetadata(key, null)} stores: Jackson's NullNode, looked up here
	 * because jackson-databind is only a runtime dependency of the SDK.
	 */
	private static final Object NULL_NODE = nullNode();

	private static final byte[] TRUE = bytes("true");

	private static final byte[] FALSE = bytes("false");

	/**
	 * An enum Jackson writes as its {@code name()}: no annotations, no interfaces (such
	 * as JsonSerializable), and (checked where used) no constant with a body of its own.
	 */
	private static final ClassValue<Boolean> PLAIN_ENUM = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			if (type.getInterfaces().length > 0 || annotated(type)) {
				return false;
			}
			for (Field field : type.getDeclaredFields()) {
				if (annotated(field)) {
					return false;
				}
			}
			for (Method method : type.getDeclaredMethods()) {
				if (annotated(method)) {
					return false;
				}
			}
			return true;
		}

		private boolean annotated(AnnotatedElement element) {
			return element.getDeclaredAnnotations().length > 0;
		}
	};

	private final byte[] prefix;

	private byte[] buffer;

	private int length;

	/** Map and collection classes seen to be the JDK's, compared by identity. */
	private final Class<?>[] jdkTypes = new Class<?>[8];

	/** Inside a subsegment written on its own: big decimals as its tree holds them. */
	private boolean tree;

	private long fallbacks;

	/** A writer whose documents start at offset 0 of {@link #buffer()}. */
	public SegmentDocumentWriter() {
		this(new byte[0]);
	}

	/**
	 * A writer that puts {@code prefix} before every document, e.g. the daemon protocol's
	 * header, so that {@link #buffer()} holds a whole datagram.
	 */
	public SegmentDocumentWriter(byte[] prefix) {
		this.prefix = prefix.clone();
		this.buffer = new byte[Math.max(8192, prefix.length * 2)];
	}

	/**
	 * Writes the document the SDK's emitter would send for {@code entity} — a segment's
	 * {@code serialize()}, a subsegment's {@code streamSerialize()} — after the prefix,
	 * replacing what the buffer held.
	 * @return the number of bytes written, prefix included: {@link #length()}
	 * @throws RuntimeException what the SDK's own serializer throws, when it came to that
	 * and it failed (an entity without a parent, say)
	 */
	public int write(Entity entity) {
		boolean alone = entity instanceof Subsegment;
		try {
			this.length = 0;
			raw(this.prefix);
			if (!writeFast(entity, alone)) {
				return fallback(entity, alone);
			}
			return this.length;
		}
		catch (RuntimeException ex) {
			// Unsupported, or something the SDK may fail on as well (a map changed while
			// written, no parent): whatever happens, it happens as it would in the SDK
			return fallback(entity, alone);
		}
		finally {
			this.tree = false;
		}
	}

	/** The document (without the prefix) as a new array, for tests and the odd caller. */
	public byte[] document(Entity entity) {
		write(entity);
		return Arrays.copyOfRange(this.buffer, this.prefix.length, this.length);
	}

	/**
	 * The buffer that holds the last document, prefix first; valid up to
	 * {@link #length()} and until the next {@link #write}.
	 */
	public byte[] buffer() {
		return this.buffer;
	}

	/** The length of the last document, prefix included. */
	public int length() {
		return this.length;
	}

	/** Documents written by the SDK's own serializer because of something unsupported. */
	public long fallbacks() {
		return this.fallbacks;
	}

	private int fallback(Entity entity, boolean alone) {
		this.fallbacks++;
		this.length = 0;
		this.tree = false;
		raw(this.prefix);
		String json = alone ? ((Subsegment) entity).streamSerialize() : entity.serialize();
		raw(json.getBytes(StandardCharsets.UTF_8));
		return this.length;
	}

	private boolean writeFast(Entity entity, boolean alone) {
		Class<?> type = entity.getClass();
		if (type == SubsegmentImpl.class) {
			this.tree = alone;
			subsegment((SubsegmentImpl) entity, alone);
			return true;
		}
		if (type == SegmentImpl.class && !alone) {
			segment((SegmentImpl) entity);
			return true;
		}
		return false;
	}

	private void segment(SegmentImpl segment) {
		put(Json.OPEN);
		entityProperties(segment, segment.getParentId(), true);
		optionalString(Json.RESOURCE_ARN, segment.getResourceArn());
		optionalString(Json.USER, segment.getUser());
		optionalString(Json.ORIGIN, segment.getOrigin());
		optionalMap(Json.SERVICE, segment.getService(), 0);
		put(Json.CLOSE);
	}

	private void subsegment(SubsegmentImpl subsegment, boolean alone) {
		// alone: streamSerialize() puts the parent's id in place of the subsegment's own
		// parent_id when there is one (ObjectNode.put keeps the position), else at the
		// end
		String ownParentId = subsegment.getParentId();
		boolean parentIdInPlace = alone && ownParentId != null && !ownParentId.isEmpty();
		String parentId = parentIdInPlace ? subsegment.getParent().getId() : ownParentId;
		put(Json.OPEN);
		entityProperties(subsegment, parentId, false);
		Set<String> precursorIds = subsegment.getPrecursorIds();
		if (precursorIds != null && !precursorIds.isEmpty()) {
			name(Json.PRECURSOR_IDS);
			collection(precursorIds, 0);
		}
		if (alone) {
			name(Json.TYPE);
			raw(Json.SUBSEGMENT);
			if (!parentIdInPlace) {
				name(Json.PARENT_ID);
				string(subsegment.getParent().getId());
			}
			name(Json.TRACE_ID);
			string(subsegment.getParentSegment().getTraceId().toString());
		}
		put(Json.CLOSE);
	}

	/** EntityImpl's properties, in its field order; the opening brace is written. */
	private void entityProperties(Entity entity, String parentId, boolean withTraceId) {
		// name is never empty (the SDK refuses a blank one), so it opens the object
		raw(Json.NAME);
		string(entity.getName());
		optionalString(Json.ID, entity.getId());
		optionalString(Json.PARENT_ID, parentId);
		name(Json.START_TIME);
		number(entity.getStartTime());
		if (withTraceId) {
			// a subsegment's getTraceId() is @JsonIgnore'd
			TraceID traceId = entity.getTraceId();
			if (traceId != null) {
				name(Json.TRACE_ID);
				string(traceId.toString());
			}
		}
		double endTime = entity.getEndTime();
		if (Double.doubleToLongBits(endTime) != 0L) {
			// NON_DEFAULT: Double.valueOf(0.0).equals(endTime) is what leaves it out
			name(Json.END_TIME);
			number(endTime);
		}
		flag(Json.FAULT, entity.isFault());
		flag(Json.ERROR, entity.isError());
		flag(Json.THROTTLE, entity.isThrottle());
		flag(Json.IN_PROGRESS, entity.isInProgress());
		optionalString(Json.NAMESPACE, entity.getNamespace());
		List<Subsegment> subsegments = entity.getSubsegments();
		if (subsegments != null && !subsegments.isEmpty()) {
			name(Json.SUBSEGMENTS);
			put(Json.OPEN_ARRAY);
			for (int i = 0; i < subsegments.size(); i++) {
				Subsegment child = subsegments.get(i);
				if (child == null || child.getClass() != SubsegmentImpl.class) {
					throw Unsupported.INSTANCE;
				}
				if (i > 0) {
					put(Json.COMMA);
				}
				subsegment((SubsegmentImpl) child, false);
			}
			put(Json.CLOSE_ARRAY);
		}
		cause(entity.getCause());
		optionalMap(Json.HTTP, entity.getHttp(), 0);
		optionalMap(Json.AWS, entity.getAws(), 0);
		optionalMap(Json.SQL, entity.getSql(), 0);
		optionalMap(Json.METADATA, entity.getMetadata(), 0);
		optionalMap(Json.ANNOTATIONS, entity.getAnnotations(), 0);
	}

	private void cause(Cause cause) {
		if (cause == null) {
			return;
		}
		if (cause.getClass() != Cause.class) {
			throw Unsupported.INSTANCE;
		}
		List<ThrowableDescription> exceptions = cause.getExceptions();
		// CauseSerializer.isEmpty
		if (exceptions.isEmpty() && cause.getId() == null && cause.getMessage() == null) {
			return;
		}
		name(Json.CAUSE);
		if (!exceptions.isEmpty()) {
			ThrowableDescription first = exceptions.get(0);
			if (first == null || first.getClass() != ThrowableDescription.class) {
				throw Unsupported.INSTANCE;
			}
			if (first.getId() == null && first.getCause() != null) {
				// an exception recorded in another (sub)segment: only its id
				string(first.getCause());
				return;
			}
		}
		put(Json.OPEN);
		boolean first = true;
		first = causeString(Json.WORKING_DIRECTORY, cause.getWorkingDirectory(), first);
		first = causeString(Json.ID, cause.getId(), first);
		first = causeString(Json.MESSAGE, cause.getMessage(), first);
		Collection<String> paths = cause.getPaths();
		if (paths != null && !paths.isEmpty()) {
			if (!first) {
				put(Json.COMMA);
			}
			first = false;
			rawName(Json.PATHS);
			collection(paths, 0);
		}
		if (!exceptions.isEmpty()) {
			if (!first) {
				put(Json.COMMA);
			}
			rawName(Json.EXCEPTIONS);
			put(Json.OPEN_ARRAY);
			for (int i = 0; i < exceptions.size(); i++) {
				if (i > 0) {
					put(Json.COMMA);
				}
				throwable(exceptions.get(i));
			}
			put(Json.CLOSE_ARRAY);
		}
		put(Json.CLOSE);
	}

	private boolean causeString(byte[] name, String value, boolean first) {
		if (value == null || value.isEmpty()) {
			return first;
		}
		if (!first) {
			put(Json.COMMA);
		}
		rawName(name);
		string(value);
		return false;
	}

	private void throwable(ThrowableDescription description) {
		if (description == null) {
			raw(NULL);
			return;
		}
		if (description.getClass() != ThrowableDescription.class) {
			throw Unsupported.INSTANCE;
		}
		put(Json.OPEN);
		boolean first = true;
		first = causeString(Json.ID, description.getId(), first);
		first = causeString(Json.MESSAGE, description.getMessage(), first);
		first = causeString(Json.TYPE, description.getType(), first);
		if (!first) {
			put(Json.COMMA);
		}
		rawName(Json.REMOTE);
		raw(description.isRemote() ? TRUE : FALSE);
		StackTraceElement[] stack = description.getStack();
		if (stack != null && stack.length > 0) {
			name(Json.STACK);
			put(Json.OPEN_ARRAY);
			for (int i = 0; i < stack.length; i++) {
				if (i > 0) {
					put(Json.COMMA);
				}
				frame(stack[i]);
			}
			put(Json.CLOSE_ARRAY);
		}
		name(Json.TRUNCATED);
		number(description.getTruncated());
		name(Json.SKIPPED);
		number(description.getSkipped());
		optionalString(Json.CAUSE, description.getCause());
		put(Json.CLOSE);
	}

	private void frame(StackTraceElement frame) {
		if (frame == null) {
			raw(NULL);
			return;
		}
		put(Json.OPEN);
		rawName(Json.PATH);
		String file = frame.getFileName();
		if (file == null) {
			raw(NULL);
		}
		else {
			string(file);
		}
		name(Json.LINE);
		number(frame.getLineNumber());
		name(Json.LABEL);
		string(frame.getClassName() + "." + frame.getMethodName());
		put(Json.CLOSE);
	}

	private void optionalString(byte[] name, String value) {
		if (value != null && !value.isEmpty()) {
			name(name);
			string(value);
		}
	}

	private void flag(byte[] name, boolean value) {
		if (value) {
			name(name);
			raw(TRUE);
		}
	}

	/**
	 * A map property, left out when NON_EMPTY finds it empty: Jackson's {@code isEmpty}
	 * for a map under the mapper's NON_EMPTY content inclusion holds when every value is
	 * null or empty, recursively, which is exactly when {@link #map} writes no entry. So
	 * the map is written once and taken back if it came out empty, rather than walked
	 * twice.
	 */
	private void optionalMap(byte[] name, Map<String, ?> map, int depth) {
		if (map == null || map.isEmpty()) {
			return;
		}
		int mark = this.length;
		name(name);
		if (map(map, depth) == 0) {
			this.length = mark;
		}
	}

	/**
	 * Whether a map or collection class is the JDK's, whose instances Jackson writes as
	 * plain objects and arrays (a class of a library's might carry Jackson annotations).
	 * The few such classes a document meets are remembered: asking every time costs.
	 */
	private boolean jdkType(Class<?> type) {
		Class<?>[] known = this.jdkTypes;
		for (int i = 0; i < known.length; i++) {
			Class<?> seen = known[i];
			if (seen == type) {
				return true;
			}
			if (seen == null) {
				break;
			}
		}
		if (!type.getName().startsWith("java.")) {
			return false;
		}
		System.arraycopy(known, 0, known, 1, known.length - 1);
		known[0] = type;
		return true;
	}

	/**
	 * The map as an object of its entries whose value is neither null nor empty
	 * (NON_EMPTY content inclusion); returns how many it wrote.
	 */
	private int map(Map<?, ?> map, int depth) {
		if (depth > MAX_DEPTH || !jdkType(map.getClass())) {
			throw Unsupported.INSTANCE;
		}
		put(Json.OPEN);
		int written = 0;
		if (!map.isEmpty()) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				Object value = entry.getValue();
				if (value == null) {
					continue;
				}
				if (!(entry.getKey() instanceof String key)) {
					// Jackson's key serializers decide for other keys
					throw Unsupported.INSTANCE;
				}
				int mark = this.length;
				if (written > 0) {
					put(Json.COMMA);
				}
				string(key);
				put(Json.COLON);
				if (entryValue(value, depth + 1)) {
					written++;
				}
				else {
					this.length = mark;
				}
			}
		}
		put(Json.CLOSE);
		return written;
	}

	/** A map entry's value, unless it is empty: then nothing, and false. */
	private boolean entryValue(Object value, int depth) {
		if (value instanceof String string) {
			if (string.isEmpty()) {
				return false;
			}
			string(string);
			return true;
		}
		if (value instanceof Map<?, ?> map) {
			return map(map, depth) > 0;
		}
		if ((value instanceof Collection<?> collection && collection.isEmpty())
				|| (value instanceof Object[] array && array.length == 0)
				|| (value instanceof int[] ints && ints.length == 0)
				|| (value instanceof long[] longs && longs.length == 0)
				|| (value instanceof double[] doubles && doubles.length == 0)
				|| (value instanceof boolean[] booleans && booleans.length == 0)) {
			return false;
		}
		// numbers, booleans, enums and the null node are never empty; what value() does
		// not know goes to the SDK anyway
		value(value, depth);
		return true;
	}

	private void collection(Collection<?> collection, int depth) {
		if (depth > MAX_DEPTH || !jdkType(collection.getClass())) {
			throw Unsupported.INSTANCE;
		}
		put(Json.OPEN_ARRAY);
		boolean first = true;
		for (Object element : collection) {
			if (!first) {
				put(Json.COMMA);
			}
			first = false;
			value(element, depth + 1);
		}
		put(Json.CLOSE_ARRAY);
	}

	private void value(Object value, int depth) {
		if (value == null || value == NULL_NODE) {
			raw(NULL);
		}
		else if (value instanceof String string) {
			string(string);
		}
		else if (value instanceof Map<?, ?> map) {
			map(map, depth);
		}
		else if (value instanceof Integer number) {
			number(number.intValue());
		}
		else if (value instanceof Long number) {
			number(number.longValue());
		}
		else if (value instanceof Double number) {
			number(number.doubleValue());
		}
		else if (value instanceof Boolean bool) {
			raw(bool ? TRUE : FALSE);
		}
		else if (value instanceof Collection<?> collection) {
			collection(collection, depth);
		}
		else if (value instanceof Float number) {
			number(number.floatValue());
		}
		else if (value instanceof Short || value instanceof Byte) {
			number(((Number) value).intValue());
		}
		else if (value instanceof BigDecimal decimal) {
			bigDecimal(decimal);
		}
		else if (value instanceof BigInteger integer) {
			ascii(integer.toString());
		}
		else if (value instanceof Object[] array) {
			array(array, depth);
		}
		else if (value instanceof int[] || value instanceof long[] || value instanceof double[]
				|| value instanceof boolean[]) {
			// rare in a segment: each element boxed and written as its wrapper would be
			put(Json.OPEN_ARRAY);
			for (int i = 0; i < Array.getLength(value); i++) {
				if (i > 0) {
					put(Json.COMMA);
				}
				value(Array.get(value, i), depth + 1);
			}
			put(Json.CLOSE_ARRAY);
		}
		else if (value instanceof Enum<?> constant && constant.getClass() == constant.getDeclaringClass()
				&& PLAIN_ENUM.get(constant.getClass())) {
			string(constant.name());
		}
		else {
			// a date, an Optional, a bean, a JsonNode, an AtomicLong...: only the SDK's
			// mapper (its modules and the value's annotations) knows how it comes out
			throw Unsupported.INSTANCE;
		}
	}

	private void array(Object[] array, int depth) {
		if (depth > MAX_DEPTH) {
			throw Unsupported.INSTANCE;
		}
		put(Json.OPEN_ARRAY);
		for (int i = 0; i < array.length; i++) {
			if (i > 0) {
				put(Json.COMMA);
			}
			value(array[i], depth + 1);
		}
		put(Json.CLOSE_ARRAY);
	}

	private void bigDecimal(BigDecimal decimal) {
		if (this.tree) {
			// streamSerialize() goes through a tree, whose node factory strips trailing
			// zeros (Jackson's STRIP_TRAILING_BIGDECIMAL_ZEROES) and makes any zero "0"
			ascii((decimal.signum() == 0) ? "0" : decimal.stripTrailingZeros().toString());
		}
		else {
			ascii(decimal.toString());
		}
	}

	private void number(double value) {
		if (value >= 1e9 && value < 1e10) {
			long millis = Math.round(value * 1000);
			if (millis / 1000d == value) {
				seconds(millis);
				return;
			}
		}
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			// Jackson 2 quotes them (QUOTE_NON_NUMERIC_NUMBERS)
			put(Json.QUOTE);
			ascii(Double.toString(value));
			put(Json.QUOTE);
		}
		else {
			ascii(Double.toString(value));
		}
	}

	/**
	 * A time as the SDK keeps it, {@code currentTimeMillis() / 1000d}, between 2001 and
	 * 2286, the way {@code Double.toString} prints it, without its cost (a fifth of a
	 * document under C1). The double nearest to millis / 1000 is printed as the shortest
	 * decimal that reads back as it, which is millis / 1000 itself: any decimal with
	 * fewer digits is at least a millisecond away, far more than the double's half ulp
	 * (about 1e-7). Trailing zeros go, one digit stays after the point: 1.7e9 is "1.7E9".
	 */
	private void seconds(long millis) {
		// 13 digits: d.dddddddddddd E9
		ensure(17);
		byte[] b = this.buffer;
		int p = this.length;
		int last = p + 13;
		for (int i = last; i > p; i--) {
			b[i] = (byte) ('0' + (millis % 10));
			millis /= 10;
		}
		b[p] = b[p + 1];
		b[p + 1] = '.';
		int end = last;
		while (end > p + 2 && b[end] == '0') {
			end--;
		}
		b[end + 1] = 'E';
		b[end + 2] = '9';
		this.length = end + 3;
	}

	private void number(float value) {
		if (Float.isNaN(value) || Float.isInfinite(value)) {
			put(Json.QUOTE);
			ascii(Float.toString(value));
			put(Json.QUOTE);
		}
		else {
			ascii(Float.toString(value));
		}
	}

	private void number(int value) {
		if (value == Integer.MIN_VALUE) {
			ascii(Integer.toString(value));
			return;
		}
		number((long) value);
	}

	private void number(long value) {
		if (value == Long.MIN_VALUE) {
			ascii(Long.toString(value));
			return;
		}
		ensure(20);
		byte[] b = this.buffer;
		int p = this.length;
		if (value < 0) {
			b[p++] = '-';
			value = -value;
		}
		int digits = 1;
		for (long rest = value / 10; rest != 0; rest /= 10) {
			digits++;
		}
		int end = p + digits;
		for (int i = end - 1; i >= p; i--) {
			b[i] = (byte) ('0' + (value % 10));
			value /= 10;
		}
		this.length = end;
	}

	/** A property name after a value: comma, quoted name, colon (all pre-encoded). */
	private void name(byte[] commaNameColon) {
		raw(commaNameColon);
	}

	/** A property name first in its object: the same bytes without the comma. */
	private void rawName(byte[] commaNameColon) {
		int n = commaNameColon.length - 1;
		ensure(n);
		System.arraycopy(commaNameColon, 1, this.buffer, this.length, n);
		this.length += n;
	}

	/**
	 * A JSON string as Jackson's writer escapes it, encoded as String.getBytes(UTF_8)
	 * encodes that writer's output. The plain ASCII start (usually all of it) is found
	 * first and copied in one go; the rest is read with charAt, which under C1 costs less
	 * than copying the characters out (getChars) or encoding with getBytes and scanning,
	 * and allocates nothing.
	 */
	@SuppressWarnings("deprecation")
	private void string(String value) {
		int n = value.length();
		int plain = 0;
		while (plain < n) {
			char ch = value.charAt(plain);
			if (ch >= 0x80 || ESCAPES[ch] != 0) {
				break;
			}
			plain++;
		}
		// at most 6 bytes a char (backslash, u, four hex digits); UTF-8 needs at most 3
		// (4 for a pair of 2)
		ensure(plain + 6 * (n - plain) + 2);
		byte[] b = this.buffer;
		int p = this.length;
		b[p++] = '"';
		// every one of these characters is below 0x80, so their low bytes are exact
		value.getBytes(0, plain, b, p);
		p += plain;
		for (int i = plain; i < n; i++) {
			char ch = value.charAt(i);
			if (ch < 0x80) {
				byte escape = ESCAPES[ch];
				if (escape == 0) {
					b[p++] = (byte) ch;
				}
				else if (escape == 'u') {
					b[p++] = '\\';
					b[p++] = 'u';
					b[p++] = '0';
					b[p++] = '0';
					b[p++] = HEX[ch >> 4];
					b[p++] = HEX[ch & 0xF];
				}
				else {
					b[p++] = '\\';
					b[p++] = escape;
				}
			}
			else if (ch < 0x800) {
				b[p++] = (byte) (0xC0 | (ch >> 6));
				b[p++] = (byte) (0x80 | (ch & 0x3F));
			}
			else if (!Character.isSurrogate(ch)) {
				b[p++] = (byte) (0xE0 | (ch >> 12));
				b[p++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
				b[p++] = (byte) (0x80 | (ch & 0x3F));
			}
			else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
				int code = Character.toCodePoint(ch, value.charAt(++i));
				b[p++] = (byte) (0xF0 | (code >> 18));
				b[p++] = (byte) (0x80 | ((code >> 12) & 0x3F));
				b[p++] = (byte) (0x80 | ((code >> 6) & 0x3F));
				b[p++] = (byte) (0x80 | (code & 0x3F));
			}
			else {
				// a lone surrogate: what getBytes(UTF_8) makes of it
				b[p++] = '?';
			}
		}
		b[p++] = '"';
		this.length = p;
	}

	/** Text known to be ASCII and in no need of escapes (numbers). */
	private void ascii(String text) {
		int n = text.length();
		ensure(n);
		byte[] b = this.buffer;
		int p = this.length;
		for (int i = 0; i < n; i++) {
			b[p++] = (byte) text.charAt(i);
		}
		this.length = p;
	}

	private void raw(byte[] bytes) {
		ensure(bytes.length);
		System.arraycopy(bytes, 0, this.buffer, this.length, bytes.length);
		this.length += bytes.length;
	}

	private void put(byte value) {
		ensure(1);
		this.buffer[this.length++] = value;
	}

	private void ensure(int more) {
		if (this.length + more > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.length + more));
		}
	}

	private static Object nullNode() {
		try {
			return Class.forName("com.fasterxml.jackson.databind.node.NullNode").getMethod("getInstance").invoke(null);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			// no Jackson, no SDK serializer either: nothing will equal this
			return new Object();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/** The document's fixed pieces, encoded once. */
	private static final class Json {

		static final byte OPEN = '{';

		static final byte CLOSE = '}';

		static final byte OPEN_ARRAY = '[';

		static final byte CLOSE_ARRAY = ']';

		static final byte COMMA = ',';

		static final byte COLON = ':';

		static final byte QUOTE = '"';

		/** The first property of every entity, so without a comma. */
		static final byte[] NAME = bytes("\"name\":");

		static final byte[] ID = name("id");

		static final byte[] PARENT_ID = name("parent_id");

		static final byte[] START_TIME = name("start_time");

		static final byte[] TRACE_ID = name("trace_id");

		static final byte[] END_TIME = name("end_time");

		static final byte[] FAULT = name("fault");

		static final byte[] ERROR = name("error");

		static final byte[] THROTTLE = name("throttle");

		static final byte[] IN_PROGRESS = name("in_progress");

		static final byte[] NAMESPACE = name("namespace");

		static final byte[] SUBSEGMENTS = name("subsegments");

		static final byte[] CAUSE = name("cause");

		static final byte[] HTTP = name("http");

		static final byte[] AWS = name("aws");

		static final byte[] SQL = name("sql");

		static final byte[] METADATA = name("metadata");

		static final byte[] ANNOTATIONS = name("annotations");

		static final byte[] RESOURCE_ARN = name("resource_arn");

		static final byte[] USER = name("user");

		static final byte[] ORIGIN = name("origin");

		static final byte[] SERVICE = name("service");

		static final byte[] PRECURSOR_IDS = name("precursor_ids");

		static final byte[] TYPE = name("type");

		static final byte[] SUBSEGMENT = bytes("\"subsegment\"");

		static final byte[] WORKING_DIRECTORY = name("working_directory");

		static final byte[] MESSAGE = name("message");

		static final byte[] PATHS = name("paths");

		static final byte[] EXCEPTIONS = name("exceptions");

		static final byte[] REMOTE = name("remote");

		static final byte[] STACK = name("stack");

		static final byte[] TRUNCATED = name("truncated");

		static final byte[] SKIPPED = name("skipped");

		static final byte[] PATH = name("path");

		static final byte[] LINE = name("line");

		static final byte[] LABEL = name("label");

		private static byte[] name(String name) {
			return bytes(",\"" + name + "\":");
		}

	}

	/** Something only the SDK's serializer can write; thrown without a stack trace. */
	private static final class Unsupported extends RuntimeException {

		static final Unsupported INSTANCE = new Unsupported();

		private Unsupported() {
			super("written by the SDK", null, false, false);
		}

	}

}
