package com.anycompany.shop.frontend.system;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Formats prices in the currency the catalog states (not the browser's): the shop's text
 * is English, so amounts are written the US way ("$34.90", "€12.00").
 */
public class Money {

	public String format(BigDecimal amount, String currency) {
		if (amount == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		try {
			format.setCurrency(Currency.getInstance((currency != null) ? currency : "USD"));
		}
		catch (IllegalArgumentException unknownCode) {
			return amount.toPlainString() + " " + currency;
		}
		return format.format(amount);
	}

}
