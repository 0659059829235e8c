import { requestKind } from './request-log.js';
import type { Body, SimRequest, SimResponse } from './sim-response.js';

/** What a request is for, as the request log names it but without the method: "pods", "watch nodes", "kubelet summary". */
export function kindOf(request: SimRequest): string {
  const query = request.query.toString();
  return requestKind(request.method, query ? `${request.path}?${query}` : request.path).slice(request.method.length + 1);
}

async function* chunks(body: Body): AsyncGenerator<string> {
  if (typeof body === 'string') yield body;
  else yield* body;
}

export async function bodyText(body: Body): Promise<string> {
  let out = '';
  for await (const chunk of chunks(body)) out += chunk;
  return out;
}

/** A body that fails after `before`: the server then destroys the socket, as a peer that went away would. */
export async function* failing(before: string): AsyncGenerator<string> {
  if (before) yield before;
  throw new Error('connection cut by a fault');
}

type ObjectRewrite = (object: Record<string, unknown>) => void;

function rewriteDocument(text: string, rewrite: ObjectRewrite): string {
  const document = JSON.parse(text) as { items?: unknown };
  const objects = Array.isArray(document.items) ? document.items : [document];
  for (const object of objects) if (object && typeof object === 'object') rewrite(object as Record<string, unknown>);
  // Go's encoder ends documents with a newline; the kubelet's go-restful writer does not.
  return `${JSON.stringify(document)}${text.endsWith('\n') ? '\n' : ''}`;
}

async function* rewriteWatch(body: Body, rewrite: ObjectRewrite): AsyncGenerator<string> {
  // Every chunk of a watch body is whole lines, one event each.
  for await (const chunk of chunks(body)) {
    yield chunk
      .split('\n')
      .map((line) => {
        if (!line) return line;
        const event = JSON.parse(line) as { object?: unknown };
        if (event.object && typeof event.object === 'object') rewrite(event.object as Record<string, unknown>);
        return JSON.stringify(event);
      })
      .join('\n');
  }
}

async function* rewriteWhole(body: Body, rewrite: ObjectRewrite): AsyncGenerator<string> {
  yield rewriteDocument(await bodyText(body), rewrite);
}

/**
 * The same answer with each object changed in place: every item of a list, the object of every
 * watch event, or the one object of any other JSON body. Error answers pass untouched.
 */
export function rewriteObjects(response: SimResponse, rewrite: ObjectRewrite): SimResponse {
  if (response.status !== 200) return response;
  return { ...response, body: response.streaming ? rewriteWatch(response.body, rewrite) : rewriteWhole(response.body, rewrite) };
}
