package com.anycompany.shop.order;

import java.util.Locale;

import com.anycompany.shop.constraints.IsoCountry;
import com.anycompany.shop.constraints.ShopId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the storefront submits to place an order. No prices: those come from the catalog.
 *
 * @param idempotencyKey chosen by the client once per checkout; submitting it again
 * returns the same order
 */
public record OrderRequest(@NotNull @ShopId String idempotencyKey, @NotNull @ShopId String cartId,
		@NotNull @Valid Customer customer, @NotNull @Valid Shipping shipping) {

	public record Customer(@NotBlank @Size(max = 100) String name, @NotBlank @Email @Size(max = 254) String email) {

	}

	/**
	 * Where the order goes. The country is an ISO 3166-1 alpha-2 code; {@code " de"} is
	 * taken as {@code DE}.
	 */
	public record Shipping(@NotBlank @Size(max = 200) String street, @NotBlank @Size(max = 100) String city,
			@NotBlank @Size(max = 20) String postalCode, @NotNull @IsoCountry String country) {

		public Shipping {
			country = (country != null) ? country.strip().toUpperCase(Locale.ROOT) : null;
		}

	}

}
