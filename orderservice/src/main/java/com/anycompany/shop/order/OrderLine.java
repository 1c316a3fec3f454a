package com.anycompany.shop.order;

import java.math.BigDecimal;

/** One priced line: {@code lineTotal = unitPrice * quantity}. */
public record OrderLine(String productId, String name, BigDecimal unitPrice, int quantity, BigDecimal lineTotal) {

}
