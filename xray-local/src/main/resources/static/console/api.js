// Calls to xray-local: the X-Ray API (POST JSON), /status, and the local chaos events.

export async function api(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body || {}),
  });
  const text = await response.text();
  let json = {};
  try { json = text ? JSON.parse(text) : {}; } catch (e) { json = { message: text }; }
  if (!response.ok) {
    const error = new Error(json.message || json.Message || response.statusText);
    error.type = json.__type || response.headers.get('x-amzn-ErrorType');
    throw error;
  }
  return json;
}

export async function fetchStatus() {
  const response = await fetch('status', { cache: 'no-store' });
  return response.json();
}

/**
 * Every page of GetTraceSummaries for a window and filter, up to `max` summaries:
 * {summaries, more} (more: another page was left).
 */
export async function allSummaries(start, end, filter, max = 2000) {
  const summaries = [];
  let token;
  do {
    const page = await api('/TraceSummaries', { StartTime: start, EndTime: end, FilterExpression: filter || undefined, NextToken: token });
    summaries.push(...(page.TraceSummaries || []));
    token = page.NextToken;
  } while (token && summaries.length < max);
  return { summaries, more: !!token };
}

/**
 * Chaos events recorded by the launcher since a time (GET /local/chaos/events), oldest
 * first. An xray-local without the endpoint, or one that fails, gives none: chaos markers
 * are extra, never a reason for a view to fail.
 */
export async function chaosEvents(since) {
  try {
    const response = await fetch('local/chaos/events?since=' + encodeURIComponent(Math.floor(since)), { cache: 'no-store' });
    if (!response.ok) return { events: [], available: false };
    const json = await response.json();
    const events = (json.events || []).slice().sort((a, b) => a.time - b.time);
    return { events, available: true };
  } catch (e) {
    return { events: [], available: false };
  }
}

/** GET a /local/ endpoint of xray-local's own with query parameters; errors as api(). */
export async function local(path, params) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
  const response = await fetch(path + '?' + query, { cache: 'no-store' });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(json.message || response.statusText);
    error.type = json.__type;
    throw error;
  }
  return json;
}

/** The annotation keys seen in a window, each with its most frequent values; none on failure. */
export async function annotationValues(start, end, filter) {
  try {
    return (await local('local/annotations', { start, end, filter })).keys || [];
  } catch (e) {
    return [];
  }
}
