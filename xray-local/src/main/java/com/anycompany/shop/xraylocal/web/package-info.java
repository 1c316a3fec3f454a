/**
 * HTTP plumbing shared by every endpoint (the X-Ray API, the sampling proxy, the local
 * chaos events): X-Ray's error shape and JSON request bodies. It depends on no other
 * package of xray-local but {@code filter} (for its error type), so that {@code api},
 * {@code sampling} and {@code chaos} all use it without depending on each other.
 */
package com.anycompany.shop.xraylocal.web;
