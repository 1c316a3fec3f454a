package com.anycompany.shop.frontend.cart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * What the storefront keeps in the HTTP session: the shopper's cart id (a random UUID,
 * the cart itself lives in cartservice), the number of pieces in it for the navbar, and
 * the orders placed in this session (only those confirmations may be shown again).
 */
public final class CartSession {

	private static final String CART_ID = CartSession.class.getName() + ".cartId";

	private static final String CART_COUNT = CartSession.class.getName() + ".cartCount";

	private static final String ORDERS = CartSession.class.getName() + ".orders";

	private static final String CHECKOUT_KEY = CartSession.class.getName() + ".checkoutKey";

	private static final String SUBMITTED = CartSession.class.getName() + ".submitted";

	private static final int MAX_REMEMBERED_ORDERS = 20;

	private CartSession() {
	}

	/** The session's cart id, made on first use. */
	public static String cartId(HttpSession session) {
		Object cartId = session.getAttribute(CART_ID);
		if (cartId == null) {
			cartId = UUID.randomUUID().toString();
			session.setAttribute(CART_ID, cartId);
		}
		return (String) cartId;
	}

	/**
	 * Who is shopping, as it may be shown in traces: the start of the SHA-256 of the cart
	 * id, never the cart id itself.
	 */
	public static String userId(HttpSession session) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(cartId(session).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	/** Pieces in the cart as last seen, for the navbar (no cartservice call per page). */
	public static int cartCount(HttpSession session) {
		return (session != null && session.getAttribute(CART_COUNT) instanceof Integer count) ? count : 0;
	}

	public static void rememberCount(HttpSession session, int count) {
		session.setAttribute(CART_COUNT, count);
	}

	/**
	 * The idempotency key of this cart's checkout, made once: showing the form again,
	 * reloading it or submitting it twice all place the same one order.
	 */
	public static String checkoutKey(HttpSession session) {
		Object key = session.getAttribute(CHECKOUT_KEY);
		if (key == null) {
			key = UUID.randomUUID().toString();
			session.setAttribute(CHECKOUT_KEY, key);
		}
		return (String) key;
	}

	/**
	 * The checkout form was sent with this key: from now on the order may exist, and a
	 * reload looks for it under the key that was really sent.
	 */
	public static void checkoutSubmitted(HttpSession session, String idempotencyKey) {
		session.setAttribute(CHECKOUT_KEY, idempotencyKey);
		session.setAttribute(SUBMITTED, Boolean.TRUE);
	}

	public static boolean checkoutWasSubmitted(HttpSession session) {
		return Boolean.TRUE.equals(session.getAttribute(SUBMITTED));
	}

	/**
	 * An order was confirmed: its cart is spent. The shopper gets a new, empty cart (and
	 * a new checkout key), so no line of a confirmed order can show up in the next cart,
	 * whether or not orderservice managed to empty the old one.
	 */
	public static void orderPlaced(HttpSession session, String orderId) {
		session.removeAttribute(CART_ID);
		session.removeAttribute(CHECKOUT_KEY);
		session.removeAttribute(SUBMITTED);
		session.setAttribute(CART_COUNT, 0);
		LinkedHashSet<String> orders = orders(session);
		orders.remove(orderId);
		orders.add(orderId);
		while (orders.size() > MAX_REMEMBERED_ORDERS) {
			orders.remove(orders.iterator().next());
		}
		session.setAttribute(ORDERS, orders);
	}

	public static boolean placedHere(HttpSession session, String orderId) {
		return orders(session).contains(orderId);
	}

	@SuppressWarnings("unchecked")
	private static LinkedHashSet<String> orders(HttpSession session) {
		Object orders = session.getAttribute(ORDERS);
		return (orders instanceof LinkedHashSet<?> set) ? (LinkedHashSet<String>) set : new LinkedHashSet<>();
	}

}
