// What `npm start` prints: readable lines when a person watches (stdout is a
// terminal), JSON lines for everything else (pipes, CI, files, log shippers).
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';

/** A stand-in for stdout that keeps what is written; isTTY as a terminal or a pipe says. */
function output(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => chunks.join('') };
}

const prettyLoaded = () =>
  Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('/pino-pretty/'));

const event = { port: 4000, req: { headers: { authorization: 'Bearer etfql_secret' } } };

it('writes one JSON object per line when stdout is not a terminal, without loading pino-pretty', () => {
  const { stream, text } = output(false);
  const logger = createLogger({ logLevel: 'info' }, stream);
  logger.info(event, 'listening');
  logger.debug('below the level');

  const lines = text().trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0] as string)).toMatchObject({
    level: 30,
    msg: 'listening',
    service: 'etfql',
    port: 4000,
    req: { headers: { authorization: '[Redacted]' } },
  });
  // The JSON path pays nothing for terminals (this file runs its tests in order).
  expect(prettyLoaded()).toBe(false);
});

it('writes readable lines when stdout is a terminal: time, level and message first, no JSON', () => {
  const { stream, text } = output(true);
  const logger = createLogger({ logLevel: 'info' }, stream);
  logger.info(event, 'listening');
  logger.warn('slow start');
  logger.debug('below the level');

  // Written by the time the call returns: nothing waits in a buffer for an exit to lose.
  const written = stripVTControlCharacters(text());
  const lines = written.split('\n');
  expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: listening$/);
  expect(written).toContain('port: 4000');
  expect(written).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: slow start$/m);
  expect(written).not.toContain('below the level');
  expect(written).not.toContain('etfql_secret');
  expect(written).not.toContain('service');
  expect(() => JSON.parse(lines[0] as string)).toThrow();
  expect(prettyLoaded()).toBe(true);
});
