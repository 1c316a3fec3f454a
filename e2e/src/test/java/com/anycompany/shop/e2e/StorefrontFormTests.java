package com.anycompany.shop.e2e;

import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The one form reader, on markup shaped like the storefront's templates. */
class StorefrontFormTests {

	private static final String CHECKOUT = """
			<html><head><title>Checkout</title></head><body>
			<form method="post" action="/cart/remove"><input type="hidden" name="_csrf" value="t&#45;1">
			  <input type="hidden" name="productId" value="P-0001"><button type="submit">Remove</button></form>
			<form method="post" action="/cart/order" data-test="checkout-form">
			  <input type="hidden" name="_csrf" value="t&#45;2"><input type="hidden" name="idempotencyKey" value="k-1">
			  <label for="name">Full name</label><input id="name" name="name" value="">
			  <label for="notes">Notes</label><textarea id="notes" name="notes">leave at door</textarea>
			  <label for="country">Country</label><select id="country" name="country">
			    <option value="">Choose…</option><option value="DE">Germany</option><option value="PT">Portugal</option>
			  </select>
			  <input type="submit" name="go" value="Go"><button type="submit">Place order</button>
			</form></body></html>
			""";

	@Test
	void aFormIsReadAsABrowserSendsItAndFilledInThroughItsLabels() {
		StorefrontForm form = StorefrontForm.withButton(Jsoup.parse(CHECKOUT), "Place order");

		assertThat(form.action()).isEqualTo("/cart/order");
		// entities decoded, buttons left out, the select's first option when none is
		// selected
		assertThat(form.values()).containsExactly(Map.entry("_csrf", "t-2"), Map.entry("idempotencyKey", "k-1"),
				Map.entry("name", ""), Map.entry("notes", "leave at door"), Map.entry("country", ""));
		assertThat(form.hiddenFields()).containsExactly(Map.entry("_csrf", "t-2"), Map.entry("idempotencyKey", "k-1"));
		assertThat(form.filledIn(Map.of("Full name", "Ana Silva", "Country", "Portugal")))
			.containsEntry("name", "Ana Silva")
			.containsEntry("country", "PT")
			.containsEntry("_csrf", "t-2");
	}

	@Test
	void formsAreFoundByWhereTheyPostAndWhatIsMissingIsNamed() {
		assertThat(StorefrontForm.posting(Jsoup.parse(CHECKOUT))).extracting(StorefrontForm::action)
			.containsExactly("/cart/remove", "/cart/order");
		assertThat(StorefrontForm.postingTo(CHECKOUT, "/cart/remove").hiddenFields()).containsEntry("productId",
				"P-0001");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> StorefrontForm.postingTo(CHECKOUT, "/cart"))
			.withMessageContaining("/cart")
			.withMessageContaining("Checkout");
		StorefrontForm form = StorefrontForm.postingTo(CHECKOUT, "/cart/order");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> form.filledIn(Map.of("Country", "Atlantis")))
			.withMessageContaining("Atlantis");
		assertThat(StorefrontForm.encode(Map.of("name", "Ana Silva & co"))).isEqualTo("name=Ana+Silva+%26+co");
	}

}
