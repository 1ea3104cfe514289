// Runs one of the command-line tools as a real process against a test database.
import { type ChildProcess, spawn } from 'node:child_process';

type CliRun = { code: number | null; stdout: string; stderr: string };

export function startCli(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runCli(script: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  const child = startCli(script, args, env);
  return finished(child);
}

export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
