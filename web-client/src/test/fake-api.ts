/** A scripted server for tests: each handler answers one method and path; every request is recorded. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Problem', status, traceId: 'trace-1', ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

export function createFakeApi() {
  const handlers = new Map<string, Handler[]>();
  const requests: RecordedRequest[] = [];

  const fetch = async (input: Request): Promise<Response> => {
    const url = new URL(input.url);
    const text = await input.text();
    const isJson = (input.headers.get('Content-Type') ?? 'application/json').includes('json');
    const recorded: RecordedRequest = {
      method: input.method,
      path: url.pathname + url.search,
      headers: new Headers(input.headers),
      // Uploads are recorded as their multipart text, everything else as parsed JSON.
      body: text ? (isJson ? (JSON.parse(text) as unknown) : text) : undefined,
    };
    requests.push(recorded);
    const key = `${input.method} ${url.pathname}`;
    const queue = handlers.get(key);
    const handler = queue && (queue.length > 1 ? queue.shift() : queue[0]);
    if (!handler) throw new Error(`No fake response for ${key}`);
    return handler(recorded);
  };

  return {
    fetch,
    requests,
    /** Answers with the handlers in turn; the last one keeps answering. */
    on(method: string, path: string, ...responses: Handler[]) {
      handlers.set(`${method} ${path}`, responses);
    },
    requestsTo(method: string, path: string) {
      return requests.filter((request) => request.method === method && request.path.split('?')[0] === path);
    },
  };
}
