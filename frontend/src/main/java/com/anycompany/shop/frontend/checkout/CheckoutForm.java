package com.anycompany.shop.frontend.checkout;

import com.anycompany.shop.constraints.Countries;
import com.anycompany.shop.constraints.ShopId;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the shopper types at checkout, plus the checkout's idempotency key: submitting the
 * same checkout twice places one order. The limits are orderservice's (the same sizes, an
 * ISO country), so what the form accepts the order accepts.
 */
record CheckoutForm(@NotBlank @Size(max = 100) String name, @NotBlank @Email @Size(max = 254) String email,
		@NotBlank @Size(max = 200) String street, @NotBlank @Size(max = 100) String city,
		@NotBlank @Size(max = 20) String postalCode, @NotBlank @Size(max = 60) String country,
		@NotBlank @ShopId String idempotencyKey) {

	/** An empty form carrying the checkout's idempotency key. */
	static CheckoutForm blank(String idempotencyKey) {
		return new CheckoutForm("", "", "", "", "", "", idempotencyKey);
	}

	/** The same rules as orderservice's: the country must be one it knows. */
	boolean hasKnownCountry() {
		return Countries.codeOf(this.country).isPresent();
	}

	PlaceOrderRequest toRequest(String cartId) {
		return new PlaceOrderRequest(this.idempotencyKey, cartId,
				new Order.Customer(this.name.strip(), this.email.strip()),
				new Order.Shipping(this.street.strip(), this.city.strip(), this.postalCode.strip(),
						Countries.codeOf(this.country).orElse(this.country.strip())));
	}

}
