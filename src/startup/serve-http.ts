// Listening: the app on node:http, and how it stops (in-flight requests finish).
import type { Server } from 'node:http';
import type { Config } from '../config.js';
import { createHttpServer } from '../http/http-server.js';
import type { App } from '../yoga.js';

/** How many ports after the default one a second checkout may take. */
const NEXT_PORTS = 10;

type Options = {
  /**
   * Whether the port is the default rather than one asked for (PORT): a
   * second etfql started beside the first then takes the next free port, as
   * the embedded PostgreSQL does, instead of failing on it.
   */
  portIsDefault?: boolean;
  /** Told when the default port was taken and another is used. */
  onPortTaken?: (taken: number, used: number) => void;
};

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

const isPortTaken = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EADDRINUSE';

export async function serveHttp(
  app: App,
  config: Pick<Config, 'port' | 'host'>,
  options: Options = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createHttpServer(app);
  const last = options.portIsDefault && config.port > 0 ? Math.min(config.port + NEXT_PORTS, 65535) : config.port;
  for (let port = config.port; ; port++) {
    try {
      await listen(server, port, config.host);
      if (port !== config.port) options.onPortTaken?.(config.port, port);
      break;
    } catch (error) {
      if (!isPortTaken(error) || port >= last) throw error;
    }
  }
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
