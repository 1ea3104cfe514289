// The node:http server around the app, as `npm start` runs it: compression,
// a required Content-Length, and timeouts for slow clients.
import { createServer, type RequestListener, type Server } from 'node:http';
import { compressResponses } from './compress-responses.js';
import { requireContentLength } from './require-length.js';

export function createHttpServer(app: RequestListener): Server {
  return createServer(
    // A client that sends its headers or body slowly, or not at all, must not
    // hold a socket for minutes: headers within 10 s, the whole request in 30.
    { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1000 },
    requireContentLength(compressResponses(app)),
  );
}
