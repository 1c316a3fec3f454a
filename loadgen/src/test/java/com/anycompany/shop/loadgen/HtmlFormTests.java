package com.anycompany.shop.loadgen;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlFormTests {

	private static final String PAGE = """
			<html><body>
			<form class="search" action="/products" method="get"><input name="q"></form>
			<form class="add-to-cart mt-4" method="post" action="/cart" data-test="add-to-cart-form" novalidate>
			  <input type="hidden" name="productId" value="P-0001">
			  <input class="form-control" id="quantity" name="quantity" type="number" min="1" max="99" value="">
			  <button class="btn" type="submit" data-test="add-to-cart">Add to cart</button>
			  <input type="hidden" name="_csrf" value="a1b2&#x2F;c3&amp;d4=="/>
			</form>
			<FORM METHOD='POST' ACTION='/cart/order?step=2'>
			  <input type=hidden name=idempotencyKey value=k-123>
			  <select name="country"><option value="DE">Germany</option><option value="US" selected>United States</option></select>
			  <textarea name="note">Leave at the door &amp; ring</textarea>
			  <input type="checkbox" name="gift" value="yes">
			  <input type="checkbox" name="newsletter" value="yes" checked>
			  <input type="text" name="name" value="">
			</FORM>
			</body></html>
			""";

	@Test
	void readsEveryFormWithItsFields() {
		List<HtmlForm> forms = HtmlForm.parseAll(PAGE);

		assertThat(forms).extracting(HtmlForm::action).containsExactly("/products", "/cart", "/cart/order?step=2");
		assertThat(forms).extracting(HtmlForm::method).containsExactly("GET", "POST", "POST");
		HtmlForm add = forms.get(1);
		assertThat(add.attributes()).containsEntry("data-test", "add-to-cart-form").containsKey("novalidate");
		assertThat(add.fields()).extracting(HtmlForm.Field::name).containsExactly("productId", "quantity", "", "_csrf");
		assertThat(add.field("_csrf")).hasValueSatisfying((field) -> {
			assertThat(field.hidden()).isTrue();
			assertThat(field.value()).isEqualTo("a1b2/c3&d4==");
		});
	}

	@Test
	void submitsHiddenFieldsAsTheyAreAndFillsVisibleOnes() {
		HtmlForm add = HtmlForm.postingTo(PAGE, "/cart").orElseThrow();

		Map<String, String> values = add.values((field) -> field.name().equals("quantity") ? "2" : "ignored");

		assertThat(values).containsExactly(Map.entry("productId", "P-0001"), Map.entry("quantity", "2"),
				Map.entry("_csrf", "a1b2/c3&d4=="));
		assertThat(HtmlForm.encode(values)).isEqualTo("productId=P-0001&quantity=2&_csrf=a1b2%2Fc3%26d4%3D%3D");
	}

	@Test
	void selectsTextAreasAndCheckBoxesAreSubmittedAsABrowserWould() {
		HtmlForm order = HtmlForm.postingTo(PAGE, "/cart/order").orElseThrow();

		Map<String, String> values = order.values((field) -> field.name().equals("name") ? "Ana Silva" : null);

		assertThat(values).containsExactly(Map.entry("idempotencyKey", "k-123"), Map.entry("country", "US"),
				Map.entry("note", "Leave at the door & ring"), Map.entry("newsletter", "yes"),
				Map.entry("name", "Ana Silva"));
	}

	@Test
	void markupARegularExpressionWouldMisreadIsReadAsABrowserReadsIt() {
		String page = """
				<!-- <form action="/cart" method="post"><input name="old"></form> -->
				<form action="/cart" method="post">
				  <input type="hidden" name="note" value="a > b">
				  <input name="quantity" value=2>
				</form>
				""";

		HtmlForm form = HtmlForm.postingTo(page, "/cart").orElseThrow();

		assertThat(form.values((field) -> null)).containsExactly(Map.entry("note", "a > b"),
				Map.entry("quantity", "2"));
	}

	@Test
	void aMissingFormIsEmpty() {
		assertThat(HtmlForm.postingTo(PAGE, "/cart/remove")).isEmpty();
		assertThat(HtmlForm.parseAll("<p>no forms</p>")).isEmpty();
	}

}
