// HTTP load from this process to the server process, with autocannon.
import autocannon from 'autocannon';

export type Measurement = { p50: number; p99: number; mean: number; requestsPerSecond: number; errors: number };

export async function measure(options: {
  url: string;
  body?: string;
  /** A body per request, for traffic that varies (each call gives the next request's). */
  bodies?: () => string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<Measurement> {
  const { bodies } = options;
  const result = await autocannon({
    url: options.url,
    method: options.body || bodies ? 'POST' : 'GET',
    body: options.body,
    headers: { 'content-type': 'application/json', ...options.headers },
    connections: options.connections,
    duration: options.seconds,
    ...(bodies
      ? {
          requests: [
            { method: 'POST', setupRequest: (request: autocannon.Request) => ({ ...request, body: bodies() }) },
          ],
        }
      : {}),
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    requestsPerSecond: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
