// Which rows of a long list to put in the page: those in view and a margin either side,
// with the room the others would take above and below. Pure.

/**
 * {first, last (exclusive), before, after}: rows [first, last) are drawn, `before` and
 * `after` pixels stand in for the rest. All rows are drawn when there are few.
 */
export function visibleRange({ scrollTop, viewport, rowHeight, count, overscan = 20 }) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last: Math.max(first, last), before: first * rowHeight, after: Math.max(0, count - Math.max(first, last)) * rowHeight };
}

/** The scrollTop that puts row `index` about a third of the way down the viewport. */
export function scrollTopFor(index, rowHeight, viewport) {
  return Math.max(0, index * rowHeight - viewport / 3);
}
