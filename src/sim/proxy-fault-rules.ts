import { kindOf } from './fault-body.js';
import type { FaultRule } from './fault-switches.js';
import { JSON_TYPE } from './sim-response.js';

// Faults of what may stand between a client and the apiserver, or of an old aggregated server:
// a proxy that drops the query string, a corporate gateway's sign-in page, a watch that ends
// before it starts, lists that ignore limit. Kinds are named as the request log names them.

// What a TLS-inspecting corporate gateway sends to a client it has not seen sign in.
const SIGN_IN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in - Web Gateway</title></head>
<body>
<h1>Authentication required</h1>
<p>Your session has expired. Sign in to continue to the requested site.</p>
<form method="post" action="/gateway/login"><input name="user"><input name="password" type="password"><button>Sign in</button></form>
</body>
</html>
`;

/** A 200 with an HTML page in place of the answer. */
export const loginPage: FaultRule = async (faults, request, next) => {
  if (!faults.loginPage.includes(kindOf(request))) return next();
  return { status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Cache-Control': 'no-store' }, body: SIGN_IN_PAGE };
};

/**
 * A watch answered as a list: the proxy forwarded the path without its query, so the apiserver
 * saw a plain GET (every item, no selector, no limit), and the connection closes after it.
 */
export const watchAsList: FaultRule = async (faults, request, next) => {
  if (!faults.watchAsList.includes(kindOf(request))) return next();
  const response = await next({ ...request, query: new URLSearchParams() });
  return { ...response, headers: { ...response.headers, Connection: 'close' } };
};

/** A watch that starts, 200 and application/json, and ends at once without an event. */
export const emptyWatches: FaultRule = async (faults, request, next) => {
  if (!faults.emptyWatches.includes(kindOf(request))) return next();
  return { status: 200, contentType: JSON_TYPE, body: [], streaming: true };
};

/** limit and continue dropped, as the watch cache does for resourceVersion=0 and some proxies do. */
export const ignoreLimit: FaultRule = async (faults, request, next) => {
  if (!faults.ignoreLimit.includes(kindOf(request))) return next();
  const query = new URLSearchParams(request.query);
  query.delete('limit');
  query.delete('continue');
  return next({ ...request, query });
};
