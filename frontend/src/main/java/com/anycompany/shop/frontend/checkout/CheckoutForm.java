package com.anycompany.shop.frontend.checkout;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the shopper types at checkout, plus the idempotency key made when the form was
 * shown: submitting the same form twice places one order.
 */
record CheckoutForm(@NotBlank @Size(max = 100) String name, @NotBlank @Email @Size(max = 254) String email,
		@NotBlank @Size(max = 200) String street, @NotBlank @Size(max = 100) String city,
		@NotBlank @Size(max = 20) String postalCode, @NotBlank @Size(max = 60) String country,
		@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String idempotencyKey) {

	/** An empty form with a fresh idempotency key. */
	static CheckoutForm blank() {
		return new CheckoutForm("", "", "", "", "", "", newKey());
	}

	static String newKey() {
		return UUID.randomUUID().toString();
	}

	PlaceOrderRequest toRequest(String cartId) {
		return new PlaceOrderRequest(this.idempotencyKey, cartId,
				new Order.Customer(this.name.strip(), this.email.strip()), new Order.Shipping(this.street.strip(),
						this.city.strip(), this.postalCode.strip(), this.country.strip()));
	}

}
