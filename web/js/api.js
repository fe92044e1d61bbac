// The JSON API (/api/...). Errors carry the server's message, the column of
// a malformed query and the HTTP status.
export class ApiError extends Error {
  constructor(status, message, column) {
    super(message);
    this.status = status;
    this.column = column;
  }
}

let current = null;

// GET /api/<path>?<params>. A newer call aborts the one before when both
// are `exclusive` (a view's main request), so stale results never land.
export async function api(path, params = {}, { exclusive = false } = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== undefined && v !== null) qs.set(k, v);
  let signal;
  if (exclusive) {
    if (current) current.abort();
    current = new AbortController();
    signal = current.signal;
  }
  const url = '/api/' + path + (qs.toString() ? '?' + qs : '');
  const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) throw new ApiError(res.status, (body && body.error) || res.statusText, body && body.column);
  return body;
}

let statsPromise = null;
// /api/stats, fetched once per page load (outlets and speakers for the filters).
export function stats() {
  if (!statsPromise) statsPromise = api('stats', { top: 500 }).catch((e) => { statsPromise = null; throw e; });
  return statsPromise;
}
