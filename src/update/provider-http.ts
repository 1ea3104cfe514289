// Reading one answer from a market-data provider, safely: redirects followed
// only within the provider's origin (scheme, host and port), at most
// MAX_REDIRECTS times; the body streamed and its bytes after decompression
// capped and counted as they arrive (fetch decodes gzip, deflate and brotli as
// the body is read), so a gzip bomb or an endless answer costs bounded memory;
// and HTTP 429 honoured: the request is retried after the provider's
// Retry-After (or a short backoff) a bounded number of times, and a wait longer
// than MAX_BACKOFF_SECONDS is not waited for: the ticker fails, to be retried
// by a later run.
import { excerpt } from '../ingest/csv-lines.js';

/** More than decades of daily bars; a larger answer is not a price file. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const RATE_LIMIT_RETRIES = 2;
/** The longest Retry-After waited for within a run. */
export const MAX_BACKOFF_SECONDS = 30;
/** What an error answer may add to its status line: enough for a provider's one-line reason. */
const ERROR_BODY_BYTES = 1024;

/**
 * The reason a ticker's answer failed. `retryLater`: nothing wrong with the
 * ticker, the provider said "not now". `status`: the provider's error status,
 * for an adapter that reads one as its provider documents it.
 */
export class FetchFailure extends Error {
  constructor(
    message: string,
    readonly retryLater = false,
    readonly status?: number,
  ) {
    super(message);
  }
}

class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number | null) {
    super('HTTP 429');
  }
}

export type ProviderRequest = {
  url: string;
  /** Sent to the provider's origin only (a redirect elsewhere is not followed). */
  headers?: Record<string, string>;
  timeoutMs: number;
  /** The setting to change when the provider has moved, named in the redirect failure. */
  setting: string;
  /**
   * The provider's key, where an answer may quote it back: taken out of any of
   * its text a reason shows before that text is cut to length (cut first, part
   * of the key could show).
   */
  secret?: string;
};

/** The text without the secret, plain or URL-encoded. */
export function withoutSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.replaceAll(secret, '[PRICE_SOURCE_KEY]').replaceAll(encodeURIComponent(secret), '[PRICE_SOURCE_KEY]');
}

/** Retry-After as seconds from now: delay-seconds, or an HTTP date. */
function retryAfterSeconds(header: string | null): number | null {
  if (header === null) return null;
  if (/^\s*\d+\s*$/.test(header)) return Number(header);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** The one-line reason a JSON error answer gives (`detail`, `message`, `error`), if any. */
async function errorDetail(response: Response, secret: string | undefined): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    while (bytes < ERROR_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks).subarray(0, ERROR_BODY_BYTES));
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const reason = [body.detail, body.message, body.error].find((value) => typeof value === 'string');
    return typeof reason === 'string' ? `: ${excerpt(withoutSecret(reason, secret).replace(/\s+/g, ' '))}` : '';
  } catch {
    return '';
  }
}

/** The provider's answer (status 2xx), following redirects only within its origin. */
async function fetchWithinOrigin(request: ProviderRequest, signal: AbortSignal): Promise<Response> {
  let current = new URL(request.url);
  for (let redirects = 0; ; redirects++) {
    const response = await fetch(current, { signal, redirect: 'manual', headers: request.headers });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || location === null) {
      if (response.status === 429) {
        await response.body?.cancel();
        throw new RateLimited(retryAfterSeconds(response.headers.get('retry-after')));
      }
      if (!response.ok) {
        const detail = await errorDetail(response, request.secret);
        throw new FetchFailure(
          `${`HTTP ${response.status} ${response.statusText}`.trim()}${detail}`,
          false,
          response.status,
        );
      }
      return response;
    }
    await response.body?.cancel();
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new FetchFailure(
        `HTTP ${response.status} redirect to an invalid location ${excerpt(withoutSecret(location, request.secret))}`,
      );
    }
    if (next.origin !== current.origin) {
      throw new FetchFailure(
        `HTTP ${response.status} redirect to another origin (${excerpt(next.origin)}), not followed: set ${request.setting} to the new place if the provider has moved`,
      );
    }
    if (redirects >= MAX_REDIRECTS) throw new FetchFailure(`more than ${MAX_REDIRECTS} redirects`);
    current = next;
  }
}

/**
 * Streams the provider's answer to `push` as text; `push` returns false to stop
 * reading (the rest would change nothing). After the last chunk, `push` gets
 * what the decoder still held. Every failure is a FetchFailure.
 */
export async function readProviderText(request: ProviderRequest, push: (text: string) => boolean): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await readOnce(request, push);
      return;
    } catch (error) {
      if (!(error instanceof RateLimited)) throw error;
      const wait = error.retryAfterSeconds ?? 2 ** attempt;
      const said = error.retryAfterSeconds === null ? '' : `, retry after ${error.retryAfterSeconds} s`;
      if (wait > MAX_BACKOFF_SECONDS) {
        throw new FetchFailure(`rate limited by the provider (HTTP 429${said}): retry later`, true);
      }
      if (attempt >= RATE_LIMIT_RETRIES) {
        throw new FetchFailure(
          `rate limited by the provider (HTTP 429 ${attempt + 1} times${said}): retry later`,
          true,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    }
  }
}

async function readOnce(request: ProviderRequest, push: (text: string) => boolean): Promise<void> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetchWithinOrigin(request, signal);
    const decoder = new TextDecoder();
    let bytes = 0;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          push(decoder.decode());
          break;
        }
        bytes += value.byteLength;
        if (bytes > MAX_RESPONSE_BYTES) throw new FetchFailure(`response larger than ${MAX_RESPONSE_BYTES} bytes`);
        if (!push(decoder.decode(value, { stream: true }))) break;
      }
    } finally {
      await reader.cancel().catch(() => {});
    }
  } catch (error) {
    if (error instanceof FetchFailure || error instanceof RateLimited) throw error;
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new FetchFailure(`no answer within ${request.timeoutMs} ms`);
    }
    throw new FetchFailure(
      `request failed: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`,
    );
  }
}
