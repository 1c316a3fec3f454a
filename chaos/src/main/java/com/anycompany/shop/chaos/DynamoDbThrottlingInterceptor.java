package com.anycompany.shop.chaos;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Fails a share of DynamoDB calls the way DynamoDB does when a table's provisioned
 * capacity is exceeded: the local stand-in for lowering a table's capacity. The exception
 * is raised per attempt before anything is sent, so the SDK retries it as it would a real
 * throttle, and X-Ray's interceptor records the call as throttled.
 */
class DynamoDbThrottlingInterceptor implements ExecutionInterceptor {

	private final ChaosSettings settings;

	DynamoDbThrottlingInterceptor(ChaosSettings settings) {
		this.settings = settings;
	}

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		if ("DynamoDb".equalsIgnoreCase(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
				&& this.settings.rollThrottle()) {
			String message = "The level of configured provisioned throughput for the table was exceeded "
					+ "(injected by chaos settings)";
			throw ProvisionedThroughputExceededException.builder()
				.statusCode(400)
				.message(message)
				.awsErrorDetails(AwsErrorDetails.builder()
					.errorCode("ProvisionedThroughputExceededException")
					.errorMessage(message)
					.serviceName("DynamoDB")
					.build())
				.build();
		}
	}

}
