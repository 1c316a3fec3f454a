package com.anycompany.shop.support.web;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

/**
 * JSON values are taken as the type they are written in, never converted: Jackson would
 * otherwise store {@code {"quantity": 1.5}} as 1 and {@code {"cartId": true}} as the text
 * "true", so a client's mistake would become data instead of a 400.
 * <ul>
 * <li>whole numbers only from JSON integers (not from fractions, text or booleans);</li>
 * <li>fractions from JSON numbers (an integer is a fraction too), not from text or
 * booleans;</li>
 * <li>booleans only from {@code true}/{@code false};</li>
 * <li>text only from JSON strings (not from numbers, booleans, objects or arrays) in the
 * properties of the shop's types ({@link PropertyStringDeserializer}; untyped bodies such
 * as the actuator's keep Jackson's leniency).</li>
 * </ul>
 * Unknown properties stay ignored (Spring Boot's default), on purpose: services are
 * deployed one at a time, and a caller one version ahead may send a field its callee does
 * not know yet; every field a service needs is validated as required, so an ignored typo
 * still fails as a missing field.
 */
class StrictJson implements JsonMapperBuilderCustomizer {

	@Override
	public void customize(JsonMapper.Builder builder) {
		builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.addModule(new SimpleModule("shop-strict-strings").addDeserializer(String.class,
					new PropertyStringDeserializer()));
	}

}
