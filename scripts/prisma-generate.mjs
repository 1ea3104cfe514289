// Runs `prisma generate` on machines that cannot download Prisma's native schema
// engine. Generating does not run that engine, but the CLI insists on fetching it
// unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file; we point it at this
// script. Where the variable is already set, it is left alone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
env.CHECKPOINT_DISABLE = '1';

const result = spawnSync('npx', ['prisma', 'generate', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
