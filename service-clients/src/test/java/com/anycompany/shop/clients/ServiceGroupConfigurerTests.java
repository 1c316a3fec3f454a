package com.anycompany.shop.clients;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.anycompany.shop.clients.problem.DownstreamRejectedException;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.anycompany.shop.clients.testing.TestServiceClients;
import com.anycompany.shop.testsupport.StubServers;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A group as a service declares it gets its base URL and timeouts from Boot's
 * {@code spring.http.serviceclient.<group>.*}, and the shop's budget header and status
 * mapping from {@link ServiceGroupConfigurer}.
 */
class ServiceGroupConfigurerTests {

	@RegisterExtension
	static WireMockExtension stub = StubServers.extension();

	final TestServiceClients clients = new TestServiceClients(Groups.class);

	@AfterEach
	void close() {
		this.clients.close();
	}

	@Test
	void theGroupCallsItsBaseUrlAndAnnouncesItsReadTimeoutAsTheBudget() {
		stub.stubFor(get("/things/t-1").willReturn(okJson("{\"id\":\"t-1\"}")));
		Things things = this.clients.client(Things.class, "thingservice", StubServers.url(stub),
				"spring.http.serviceclient.thingservice.read-timeout=1500ms");

		assertThat(things.thing("t-1")).hasValue(new Thing("t-1"));
		stub.verify(getRequestedFor(urlEqualTo("/things/t-1")).withHeader(RequestDeadline.HEADER, equalTo("1500")));
	}

	@Test
	void withoutATimeoutOfItsOwnTheGroupAnnouncesTheOneOfAllClients() {
		stub.stubFor(get("/things/t-1").willReturn(okJson("{\"id\":\"t-1\"}")));
		this.clients
			.context("spring.http.serviceclient.thingservice.base-url=" + StubServers.url(stub),
					"spring.http.clients.read-timeout=4s")
			.getBean(Things.class)
			.thing("t-1");
		stub.verify(getRequestedFor(urlEqualTo("/things/t-1")).withHeader(RequestDeadline.HEADER, equalTo("4000")));
	}

	@Test
	void withNoTimeoutAtAllNoBudgetIsAnnounced() {
		stub.stubFor(get("/things/t-1").willReturn(okJson("{\"id\":\"t-1\"}")));
		this.clients.context("spring.http.serviceclient.thingservice.base-url=" + StubServers.url(stub))
			.getBean(Things.class)
			.thing("t-1");
		stub.verify(getRequestedFor(urlEqualTo("/things/t-1")).withHeader(RequestDeadline.HEADER, absent()));
	}

	@Test
	void notFoundIsEmptyWhereTheMethodReturnsAnOptional() {
		stub.stubFor(get("/things/t-9").willReturn(problem(404, "{\"status\":404,\"title\":\"Not found\"}")));
		assertThat(things().thing("t-9")).isEmpty();
	}

	@Test
	void notFoundIsARejectionWhereTheMethodReturnsABody() {
		stub.stubFor(get("/things/t-9/name").willReturn(problem(404, "{\"status\":404,\"detail\":\"No t-9\"}")));
		assertThatExceptionOfType(DownstreamRejectedException.class).isThrownBy(() -> things().name("t-9"))
			.satisfies((ex) -> {
				assertThat(ex.isNotFound()).isTrue();
				assertThat(ex.getService()).isEqualTo("thingservice");
				assertThat(ex.getBody().getDetail()).isEqualTo("No t-9");
			});
	}

	@Test
	void aClientErrorKeepsItsStatusAndFieldErrors() {
		stub.stubFor(get("/things/x").willReturn(problem(400,
				"{\"status\":400,\"title\":\"Invalid request\",\"errors\":[\"id: must match\",\"x.y: too long\"]}")));
		assertThatExceptionOfType(DownstreamRejectedException.class).isThrownBy(() -> things().thing("x"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.getBody().getTitle()).isEqualTo("Invalid request");
				assertThat(ex.fieldErrors()).containsExactly(java.util.Map.entry("id", "must match"),
						java.util.Map.entry("x.y", "too long"));
			});
	}

	@Test
	void aServerErrorIsUnavailableNamingTheCallee() {
		stub.stubFor(get("/things/t-1").willReturn(problem(500, "{}")));
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> things().thing("t-1"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(ex.getService()).isEqualTo("thingservice");
				assertThat(ex.getBody().getProperties()).containsEntry("service", "thingservice");
			})
			.withMessageContaining("500");
	}

	@Test
	void anUnreadableAnswerIsUnavailable() {
		stub.stubFor(get("/things/t-1").willReturn(okJson("{\"id\":")));
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> things().thing("t-1"))
			.withMessageContaining("thingservice")
			.withMessageContaining("unreadable answer");
	}

	@Test
	void noAnswerIsUnavailable() {
		Things nowhere = this.clients.client(Things.class, "thingservice", StubServers.refusingUrl());
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> nowhere.thing("t-1"))
			.withMessageContaining("thingservice")
			.withMessageContaining("no answer");
	}

	@Test
	void theGroupsReadTimeoutCutsASlowAnswer() {
		stub.stubFor(get("/things/t-1").willReturn(okJson("{\"id\":\"t-1\"}").withFixedDelay(3000)));
		Things impatient = this.clients.client(Things.class, "thingservice", StubServers.url(stub),
				"spring.http.serviceclient.thingservice.read-timeout=300ms");
		long start = System.nanoTime();
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> impatient.thing("t-1"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
	}

	@Test
	void bootsRestClientCustomizersAndObservationReachTheGroup() {
		stub.stubFor(get("/things/t-1").willReturn(okJson("{\"id\":\"t-1\"}")));
		try (TestServiceClients observed = new TestServiceClients(Observed.class)) {
			ConfigurableApplicationContext context = observed.start("thingservice", StubServers.url(stub));
			context.getBean(Things.class).thing("t-1");
			assertThat(context.getBean(Observed.class).observed).singleElement().satisfies((observation) -> {
				assertThat(observation.getName()).isEqualTo("http.client.requests");
				assertThat(observation.getCarrier().getHeaders().getFirst("X-Customized")).isEqualTo("yes");
			});
		}
	}

	private Things things() {
		return this.clients.client(Things.class, "thingservice", StubServers.url(stub));
	}

	private static ResponseDefinitionBuilder problem(int status, String json) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(json);
	}

	@HttpExchange("/things")
	interface Things {

		@GetExchange("/{id}")
		Optional<Thing> thing(@PathVariable String id);

		@GetExchange("/{id}/name")
		String name(@PathVariable String id);

	}

	record Thing(String id) {

	}

	@ImportHttpServices(group = "thingservice", types = Things.class)
	static class Groups {

	}

	/** The group with an observation registry and a customizer of the service's own. */
	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "thingservice", types = Things.class)
	static class Observed {

		final List<ClientRequestObservationContext> observed = new CopyOnWriteArrayList<>();

		@Bean
		ObservationRegistry observationRegistry() {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new ObservationHandler<ClientRequestObservationContext>() {

				@Override
				public void onStop(ClientRequestObservationContext context) {
					Observed.this.observed.add(context);
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return context instanceof ClientRequestObservationContext;
				}

			});
			return registry;
		}

		@Bean
		RestClientCustomizer customized() {
			return (builder) -> builder.defaultHeader("X-Customized", "yes");
		}

	}

}
