// The body size limit reads Content-Length; a streamed body of unknown length
// could only be limited by counting it as it arrives. Clients that post GraphQL
// always know their body's length, so the HTTP server asks for it.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { DomainError } from '../errors.js';
import { httpAnswer } from '../graphql/domain-errors.js';

export function requireContentLength(handler: RequestListener): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'POST' && request.headers['content-length'] === undefined) {
      const answer = httpAnswer(
        new DomainError('LENGTH_REQUIRED', 'Send a Content-Length header with the request body.'),
      );
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
      request.resume();
      return;
    }
    handler(request, response);
  };
}
