/**
 * Questions asked of the stored traces, apart from the wire formats that carry the
 * answers: which traces match a filter (a page at a time), the service graph of a window,
 * a group or some traces, the time series of a selection, and the console's own views —
 * rate, errors and duration per service and operation, and the annotation values seen.
 * Depends on {@code store}, {@code graph} and {@code filter}; {@code api} and
 * {@code console} depend on it, never the other way round.
 */
package com.anycompany.shop.xraylocal.query;
