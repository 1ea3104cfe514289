import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from './config.js';

/** Where the log goes: stdout, or a stand-in for it (tests). */
export type LogOutput = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * One line per event: readable on a terminal, JSON anywhere else (pipes, CI,
 * files, log shippers). The Authorization header never reaches a log.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, output: LogOutput = process.stdout): Logger {
  const options: LoggerOptions = {
    level: config.logLevel,
    base: { service: 'etfql' },
    redact: ['req.headers.authorization', '*.authorization', 'adminApiKey', '*.password'],
  };
  if (output.isTTY) return pino(options, readableLines(output));
  // JSON: pino's own fast writer on fd 1 when the output is stdout; pino-pretty stays unloaded.
  return output === process.stdout ? pino(options) : pino(options, output);
}

/**
 * pino-pretty's formatter, loaded only for a terminal, writing each line as
 * pino hands it over: no stream or worker in between, so a line logged just
 * before process.exit() is on the screen too.
 */
function readableLines(output: LogOutput): DestinationStream {
  const { prettyFactory } = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  const format = prettyFactory({
    translateTime: 'SYS:HH:MM:ss.l',
    // The same on every line; the JSON keeps it.
    ignore: 'service',
  });
  return { write: (line: string) => void output.write(format(line)) };
}
