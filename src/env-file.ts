import { existsSync } from 'node:fs';

/** Loads ./.env when there is one; variables already set in the environment win. */
export function loadEnvFile(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
