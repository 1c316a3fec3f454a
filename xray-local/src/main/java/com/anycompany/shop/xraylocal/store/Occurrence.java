package com.anycompany.shop.xraylocal.store;

/**
 * One appearance of a node or an edge in one trace, with the entity whose timing and
 * status count for it: a service's own segment, the subsegment that called an inferred
 * resource, or the caller's subsegment for an edge (edge figures include the network).
 *
 * @param from the calling node, null for a node occurrence
 * @param node the node, or the edge's target
 * @param entity the segment or subsegment the figures come from
 * @param root whether this node is the trace's entry point (node occurrences only)
 */
public record Occurrence(NodeKey from, NodeKey node, Entity entity, boolean root) {

	public boolean isEdge() {
		return this.from != null;
	}

}
