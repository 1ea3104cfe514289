// Responses compressed with brotli (quality 4) or gzip when the client accepts
// it: a 4-ticker chart's 56 KB of JSON travels as about a fifth of that. Done at
// the HTTP layer by the `compression` middleware, not by Yoga's content-encoding
// plugin, which also inflates compressed request bodies (a small body past the
// size limit once inflated) and would compress, and so hold back, the events of
// a subscription stream.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import compression from 'compression';

const compress = compression({
  // Below 1 KB the headers outweigh what compression saves.
  threshold: 1024,
  filter: (request, response) =>
    !String(response.getHeader('content-type') ?? '').startsWith('text/event-stream') &&
    compression.filter(request, response),
});

export function compressResponses(handler: RequestListener): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    // The middleware's types are Express's; it only patches node's own request and response.
    compress(request as never, response as never, () => handler(request, response));
  };
}
