import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** JSON lines on stdout; the Authorization header never reaches a log. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'etfql' },
    redact: ['req.headers.authorization', '*.authorization', 'adminApiKey', '*.password'],
  });
}
