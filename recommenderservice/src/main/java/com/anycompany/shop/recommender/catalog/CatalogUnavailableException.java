package com.anycompany.shop.recommender.catalog;

/**
 * The catalog could not be asked (refused, timed out) or did not give a usable answer.
 */
public class CatalogUnavailableException extends RuntimeException {

	public CatalogUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
