// A URL as the route that served it, the same rule as xray-local's query.Routes: the path
// without query, each segment holding a digit (an id such as P-0001, a UUID, a number)
// as {id}, API versions (v1) kept, a file name's extension kept. Pure.

const VERSION = /^v\d{1,2}$/;
const EXTENSION = /\.[A-Za-z]{2,5}$/;

export function route(url) {
  if (!url) return '/';
  let path = String(url).replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/]*/, '');
  path = path.split(/[?#]/)[0];
  const parts = path.split('/').filter(Boolean).map((segment) => {
    if (VERSION.test(segment) || !/\d/.test(segment)) return segment;
    const ext = EXTENSION.exec(segment);
    return ext ? '{id}' + ext[0] : '{id}';
  });
  return parts.length ? '/' + parts.join('/') : '/';
}

/** What an entity did, as an operation: a DynamoDB operation, or method and route. */
export function operationOf(entity) {
  if (entity.aws && entity.aws.operation) return entity.aws.operation;
  const req = entity.http && entity.http.request;
  if (req && req.url) return (req.method ? req.method + ' ' : '') + route(req.url);
  return null;
}
