// The body size limit reads Content-Length; a streamed body of unknown length
// could only be limited by counting it as it arrives. Clients that post GraphQL
// always know their body's length, so the HTTP server asks for it.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export function requireContentLength(handler: RequestListener): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'POST' && request.headers['content-length'] === undefined) {
      response.writeHead(411, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          errors: [
            { message: 'Send a Content-Length header with the request body.', extensions: { code: 'LENGTH_REQUIRED' } },
          ],
        }),
      );
      request.resume();
      return;
    }
    handler(request, response);
  };
}
