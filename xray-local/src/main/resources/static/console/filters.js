// Filter expressions the console builds for a click or a drag. Pure.
import { quote } from './format.js';

/** The scope of a map node: service("x"), or service(id(...)) when the type tells it apart. */
export function nodeScope(service) {
  if (service.Type === 'client') return 'service(' + quote(service.Name) + ')';
  return service.Type
    ? 'service(id(name: ' + quote(service.Name) + ', type: ' + quote(service.Type) + '))'
    : 'service(' + quote(service.Name) + ')';
}

/** The scope of an edge; calls from the clients are the entry service's own requests. */
export function edgeScope(sourceName, targetName, fromClient) {
  return fromClient ? 'service(' + quote(targetName) + ')' : 'edge(' + quote(sourceName) + ', ' + quote(targetName) + ')';
}

/** scope { condition } (client edges are the entry service's root segments). */
export function scoped(scope, condition, fromClient) {
  const parts = [fromClient ? 'root' : null, condition].filter(Boolean);
  return parts.length ? scope + ' { ' + parts.join(' AND ') + ' }' : scope;
}

const seconds = (value) => String(Math.round(value * 1e6) / 1e6);

/** Response times from low to high (seconds), inclusive; no upper bound when high is null. */
export function latencyCondition(low, high) {
  if (high === null || high === undefined) return 'responsetime >= ' + seconds(low);
  return 'responsetime >= ' + seconds(Math.min(low, high)) + ' AND responsetime <= ' + seconds(Math.max(low, high));
}

/** The traces whose node or edge answered within [low, high] seconds. */
export function latencyFilter(scope, low, high, fromClient) {
  return scoped(scope, latencyCondition(low, high), fromClient);
}

/** A filter restricted to a group, as the trace list and Analytics send it. */
export function withGroup(group, own) {
  const mine = (own || '').trim();
  if (!group || group === 'Default') return mine;
  const g = 'group.name = ' + quote(group);
  return mine ? g + ' AND (' + mine + ')' : g;
}

/** filter AND condition, keeping the filter's own precedence. */
export function andCondition(filter, condition) {
  const mine = (filter || '').trim();
  return mine ? '(' + mine + ') AND ' + condition : condition;
}

/** annotation.Key = value, the value quoted when it is text. */
export function annotationCondition(key, value) {
  const literal = typeof value === 'number' || typeof value === 'boolean' ? String(value) : quote(value);
  return 'annotation.' + key + ' = ' + literal;
}
