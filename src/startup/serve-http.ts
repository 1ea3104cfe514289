// Listening: the app on node:http, and how it stops (in-flight requests finish).
import type { Config } from '../config.js';
import { createHttpServer } from '../http/http-server.js';
import type { App } from '../yoga.js';

export async function serveHttp(app: App, config: Config): Promise<{ url: string; close(): Promise<void> }> {
  const server = createHttpServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host}:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
