package com.anycompany.shop.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The setup every service's application test shares: the whole service on a random port
 * (the {@code test} profile active, a {@code RestTestClient} bound to it), tracing sent
 * to an {@link XRayDaemonStub} that the test can {@code @Autowired}, sampling decided
 * locally (never a call for rules), and, for a service that keeps its data in DynamoDB,
 * its AWS clients pointed at {@link LocalDynamoDb}.
 * <p>
 * What differs per service (stub callees, their base URLs) stays in the test class, in a
 * {@code @DynamicPropertySource} of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ActiveProfiles("test")
@ContextCustomizerFactories(ShopServiceTestContextCustomizerFactory.class)
public @interface ShopServiceTest {

	/**
	 * Whether the service reads and writes DynamoDB: a local DynamoDB (dynalite) is then
	 * started, once per JVM, and {@code shop.clients.aws.endpoint} points at it.
	 */
	boolean dynamoDb() default false;

}
