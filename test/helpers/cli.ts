/**
 * Runs the real `storyline` CLI in a child process for tests: the compiled one under dist/ when the
 * tests run compiled, else the TypeScript source through tsx.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resourcePath } from '../../src/paths.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const compiled = fileURLToPath(import.meta.url).includes(`${'/'}dist${'/'}`);

/** `stopReadingAfter`: close our end of the CLI's stdout once that many characters came, as `| head` does. */
export function runCli(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv; stopReadingAfter?: number } = {}): Promise<CliResult> {
  const command = compiled
    ? [resourcePath('dist', 'src', 'interfaces', 'cli', 'main.js')]
    : ['--import', 'tsx', resourcePath('src', 'interfaces', 'cli', 'main.ts')];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...command, ...args], {
      cwd: resourcePath(),
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (options.stopReadingAfter !== undefined && stdout.length >= options.stopReadingAfter) child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
