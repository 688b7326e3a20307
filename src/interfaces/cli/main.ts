#!/usr/bin/env node
/**
 * The `storyline` command line: analyse articles, train and evaluate models, look things up in the
 * knowledge base and compare several articles on one story. Every command has --help; usage errors
 * exit with 2 and a message that says what to do.
 */
import { Command, CommanderError } from 'commander';
import { registerAnalyzeCommand } from './commands/analyze.js';
import { registerModelCommands } from './commands/model.js';
import { registerKbCommand } from './commands/kb.js';
import { registerCompareCommand } from './commands/compare.js';
import { EXIT_SOME_FAILED, EXIT_USAGE, UsageError } from './errors.js';

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, a file was expected',
  ENOTDIR: 'a path component is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/** "cannot open <path>: <cause>" for a file system error of Node's, else null. */
function unreadableFile(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const { code, path } = error as NodeJS.ErrnoException;
  const cause = code ? FILE_ERRORS[code] : undefined;
  return cause && path ? `cannot open ${path}: ${cause}` : null;
}

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  const program = new Command()
    .name('storyline')
    .description('Turn news reporting into evidence-backed event data.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerAnalyzeCommand(program, setExitCode);
  registerModelCommands(program, setExitCode);
  registerKbCommand(program);
  registerCompareCommand(program, setExitCode);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`storyline: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // A file a command was pointed at (--data, --out, --model, a KB file) that cannot be read or written: one line, no stack.
    const fileError = unreadableFile(error);
    if (fileError) {
      process.stderr.write(`storyline: ${fileError}\n`);
      return EXIT_SOME_FAILED;
    }
    throw error;
  }
  return exitCode;
}

// A reader that stops early (`storyline analyze … | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`storyline: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
