package com.anycompany.shop.xraylocal.store;

/**
 * One document as received: a segment, or an independent subsegment that an SDK streamed
 * on its own ({@code "type": "subsegment"}) and that belongs inside its parent's tree.
 *
 * @param traceId the trace it belongs to
 * @param entity the parsed fields, {@code entity.id} is the document's id
 * @param parentId the {@code parent_id}, meaningful when {@code hasParent}
 * @param hasParent whether the document named a parent
 * @param independent whether this is an independent subsegment
 * @param raw the JSON document exactly as received
 */
public record Doc(String traceId, Entity entity, long parentId, boolean hasParent, boolean independent, String raw) {

	public long id() {
		return this.entity.id;
	}

	public boolean inProgress() {
		return this.entity.inProgress;
	}

}
