// What the HTTP server adds to each request: node:http's request, for the peer
// address. In-process requests (tests' `yoga.fetch`) have none.
export type ServerContext = { req?: { socket?: { remoteAddress?: string } } };

/** The peer address of a request, or `unknown` when it came in-process. */
export const addressOf = (server: ServerContext | undefined): string => server?.req?.socket?.remoteAddress ?? 'unknown';
