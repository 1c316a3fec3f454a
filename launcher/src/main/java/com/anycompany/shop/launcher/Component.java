package com.anycompany.shop.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The catalogue of the local shop: every component with a port, in start order. Ports,
 * the plan of what runs, the lists of services and modules and the wiring of endpoints
 * are all read from here, so adding a service is one entry (and its module).
 */
public enum Component {

	/** dynalite, the local DynamoDB; the services create their tables in it at start. */
	DYNAMODB("dynamodb", "dynamodb", 8000, Kind.DYNALITE, null, null, "DYNAMODB_ENDPOINT", "dynalite", "dynamo"),

	/** xray-local: the daemon (UDP), the X-Ray API and the console (TCP), same port. */
	XRAY("xray", "xray-local", 2000, Kind.XRAY_LOCAL, "256m", "/status", null, "x-ray", "console"),

	CATALOG("catalogservice", 8081, "CATALOG_ENDPOINT", "catalog"),

	CART("cartservice", 8082, "CART_ENDPOINT", "cart"),

	ORDER("orderservice", 8083, "ORDER_ENDPOINT", "order"),

	RECOMMENDER("recommenderservice", 8084, "RECOMMENDER_ENDPOINT", "recommender"),

	IMAGE("imageservice", 8085, "IMAGE_ENDPOINT", "image"),

	/** The storefront; nobody calls it but people. */
	FRONTEND("frontend", 8080, null),

	/**
	 * xray-local's OTLP/HTTP receiver, where services traced by the OpenTelemetry agent
	 * send: a second port of xray-local, no process of its own.
	 */
	OTLP("otlp", null, 4318, Kind.OTLP, null, null, null, "opentelemetry", "otel");

	/** Where every Spring Boot service says it is ready. */
	private static final String READINESS = "/actuator/health/readiness";

	/** The services' heap: what they use under load, measured, with room to spare. */
	private static final String SERVICE_HEAP = "160m";

	private final String name;

	private final String process;

	private final int defaultPort;

	private final Kind kind;

	private final String heap;

	private final String healthPath;

	private final String endpointVariable;

	private final List<String> aliases;

	Component(String service, int defaultPort, String endpointVariable, String... aliases) {
		this(service, service, defaultPort, Kind.SERVICE, SERVICE_HEAP, READINESS, endpointVariable, aliases);
	}

	Component(String name, String process, int defaultPort, Kind kind, String heap, String healthPath,
			String endpointVariable, String... aliases) {
		this.name = name;
		this.process = process;
		this.defaultPort = defaultPort;
		this.kind = kind;
		this.heap = heap;
		this.healthPath = healthPath;
		this.endpointVariable = endpointVariable;
		this.aliases = List.of(aliases);
	}

	/** Its port's name, as in {@code SHOP_PORTS}: {@code frontend}, {@code xray}. */
	public String portName() {
		return this.name;
	}

	/**
	 * Its process's name in progress lines, status and logs, which is also its Maven
	 * module for Java components; null for {@link #OTLP}.
	 */
	public String process() {
		return this.process;
	}

	public int defaultPort() {
		return this.defaultPort;
	}

	public Kind kind() {
		return this.kind;
	}

	/** {@code -Xmx} for a Java component, e.g. {@code 160m}; null for the others. */
	public String heap() {
		return this.heap;
	}

	/**
	 * The HTTP path that answers 200 once it is ready; null: an open TCP port is enough.
	 */
	public String healthPath() {
		return this.healthPath;
	}

	/**
	 * The variable that tells every service where this component is (e.g.
	 * {@code CATALOG_ENDPOINT}), or null when no service calls it.
	 */
	public String endpointVariable() {
		return this.endpointVariable;
	}

	/** Other names people type for it, e.g. {@code catalog}. */
	public List<String> aliases() {
		return this.aliases;
	}

	public boolean isJava() {
		return this.kind == Kind.SERVICE || this.kind == Kind.XRAY_LOCAL;
	}

	/** The storefront services, in start order. */
	public static List<Component> services() {
		return of(Kind.SERVICE).toList();
	}

	/** The names of the storefront services, in start order. */
	public static List<String> serviceNames() {
		return of(Kind.SERVICE).map(Component::process).toList();
	}

	/** The Java modules a start runs: the services, then xray-local. */
	public static List<String> javaModules() {
		return Stream.concat(of(Kind.SERVICE), of(Kind.XRAY_LOCAL)).map(Component::process).toList();
	}

	/** The processes a start runs (every component but {@link #OTLP}), in start order. */
	public static List<String> processNames() {
		return Arrays.stream(values()).map(Component::process).filter((process) -> process != null).toList();
	}

	/** Every port's name, in start order. */
	public static List<String> portNames() {
		return Arrays.stream(values()).map(Component::portName).toList();
	}

	/**
	 * The component a person means: by port name, process name or alias, in any case.
	 */
	public static Optional<Component> find(String name) {
		String lower = name.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter((component) -> component.name.equals(lower) || lower.equals(component.process)
					|| component.aliases.contains(lower))
			.findFirst();
	}

	private static Stream<Component> of(Kind kind) {
		return Arrays.stream(values()).filter((component) -> component.kind == kind);
	}

	/** What a component is, which decides how it is started. */
	public enum Kind {

		/** A Spring Boot storefront service, built from its module. */
		SERVICE,

		/** xray-local, built from its module. */
		XRAY_LOCAL,

		/** dynalite, run with node. */
		DYNALITE,

		/** a port of xray-local. */
		OTLP

	}

}
