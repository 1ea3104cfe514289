// Delivering an event to its alert's webhook: an HTTP POST of the event as
// JSON, signed, one attempt per run of the job. A non-2xx answer, a timeout
// or a refused connection fails the attempt, and graphile-worker runs it
// again after exp(attempts) seconds (2.7 s, 7 s, 20 s … up to 6 h apart):
// MAX_ATTEMPTS spans some ten hours. Every attempt is recorded. Redirects are
// not followed (node:http never does), and the connection goes only to an
// address that is not private (webhook-address.ts), checked as it connects.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type pg from 'pg';
import { type AlertEventRow, EVENT_COLUMNS } from './alert-store.js';
import { guardedLookup, isPrivateAddress } from './webhook-address.js';

export const DELIVER_TASK = 'deliver-alert-webhook';
export const MAX_ATTEMPTS = 12;
/** What of a receiver's answer is read before it is dropped: its status is what counts. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, keyed with the alert's secret. */
export function signature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** The JSON a receiver gets: the event as alertTriggered gives it, with its alert. */
export function webhookBody(event: AlertEventRow, alert: { id: number; name: string }): string {
  return JSON.stringify({
    id: event.id,
    type: 'alert.triggered',
    alert: { id: String(alert.id), name: alert.name },
    ticker: event.ticker,
    date: event.date,
    values: event.values,
    firedAt: event.firedAt instanceof Date ? event.firedAt.toISOString() : event.firedAt,
  });
}

// In the evaluation's transaction: a job per new event of an alert with a webhook.
export const QUEUE_DELIVERIES = `/* queue-alert-deliveries */
  SELECT graphile_worker.add_job('${DELIVER_TASK}', json_build_object('eventId', ev.id::text),
    job_key => 'alert-event-' || ev.id, max_attempts => ${MAX_ATTEMPTS})
  FROM alert_event ev JOIN alert a ON a.id = ev.alert_id
  WHERE ev.id = ANY($1::bigint[]) AND a.webhook_url IS NOT NULL`;

const LOAD = `/* alert-delivery-target */
  SELECT ${EVENT_COLUMNS}, a.name AS "alertName", a.webhook_url AS "webhookUrl", a.webhook_secret AS "webhookSecret"
  FROM alert_event ev JOIN etf e ON e.id = ev.etf_id JOIN alert a ON a.id = ev.alert_id
  WHERE ev.id = $1`;

const RECORD = `/* record-alert-delivery */
  INSERT INTO alert_delivery (event_id, attempt, status, error) VALUES ($1, $2, $3, $4)
  ON CONFLICT (event_id, attempt) DO UPDATE SET status = excluded.status, error = excluded.error, at = now()`;

type Answer = { status: number | null; error: string | null };

function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<Answer> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  // An address written in the URL is connected to without a lookup: checked here instead.
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate && isIP(literal) && isPrivateAddress(literal)) {
    return Promise.resolve({
      status: null,
      error: `EPRIVATE: refused: ${literal} is a loopback, private, link-local or metadata address`,
    });
  }
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: Answer) => {
      if (!settled) {
        settled = true;
        resolve(answer);
      }
    };
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutMs,
      },
      (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) response.destroy();
        });
        response.on('close', () => done({ status: response.statusCode ?? null, error: null }));
        response.on('error', () => done({ status: response.statusCode ?? null, error: null }));
      },
    );
    request.on('timeout', () => {
      request.destroy();
      done({ status: null, error: `no answer within ${options.timeoutMs} ms` });
    });
    request.on('error', (error: NodeJS.ErrnoException) =>
      done({ status: null, error: (error.code ? `${error.code}: ` : '') + error.message.slice(0, 300) }),
    );
    request.end(body);
  });
}

/** One attempt; throws when it failed, so that the job is run again later. */
export async function deliverWebhook(
  pool: pg.Pool,
  eventId: string,
  attempt: number,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<void> {
  const { rows } = await pool.query<
    AlertEventRow & { alertName: string; webhookUrl: string | null; webhookSecret: string | null }
  >(LOAD, [eventId]);
  const target = rows[0];
  // The alert, or its webhook, is gone: nothing left to deliver.
  if (!target?.webhookUrl || !target.webhookSecret) return;
  const body = webhookBody(target, { id: target.alertId, name: target.alertName });
  const timestamp = Math.floor(Date.now() / 1000);
  const answer = await post(
    target.webhookUrl,
    body,
    {
      'content-type': 'application/json',
      'user-agent': 'etfql-webhooks',
      'etfql-event-id': target.id,
      'etfql-signature': signature(target.webhookSecret, timestamp, body),
    },
    options,
  );
  const ok = answer.status !== null && answer.status >= 200 && answer.status < 300;
  const error = ok
    ? null
    : (answer.error ??
      `answered ${answer.status}${answer.status && answer.status >= 300 && answer.status < 400 ? ' (redirects are not followed)' : ''}`);
  await pool.query(RECORD, [eventId, attempt, answer.status, error]);
  if (!ok) throw new Error(`webhook of event ${eventId}, attempt ${attempt}: ${error}`);
}
