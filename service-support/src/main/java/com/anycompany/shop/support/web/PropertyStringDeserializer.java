package com.anycompany.shop.support.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Text from JSON strings only where a named property of a request or response type holds
 * it ({@code "cartId": true} or {@code "name": 12} is refused, not stored as "true" or
 * "12"), and Jackson's usual leniency everywhere else. The difference matters for untyped
 * bodies such as Spring Boot Actuator's, which reads every operation's body as a
 * {@code Map<String, String>} and converts the values itself: {@code {"errorRate": 0.3}}
 * must still reach the chaos endpoint. A map value or an element of a list held by a
 * property is that property's, so it is strict too.
 */
class PropertyStringDeserializer extends StringDeserializer {

	private static final ValueDeserializer<String> STRICT = new Strict();

	@Override
	public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
		return (property != null) ? STRICT : this;
	}

	private static final class Strict extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				return parser.getString();
			}
			return (String) context.handleUnexpectedToken(String.class, parser);
		}

	}

}
