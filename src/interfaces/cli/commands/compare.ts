/**
 * `storyline compare <inputs…|->`: reads several articles on one story (the same readers, limits and
 * bad-input handling as `analyze`), analyses each and prints a readable brief — the timeline of
 * merged events with their sources, quotes by speaker, the disagreements, what each article alone
 * reports — as text, Markdown or HTML, or the `storyline.story/1` JSON (--json).
 */
import type { Command } from 'commander';
import { readInputs } from '../../../input/index.js';
import { createStoryline } from '../../../pipeline.js';
import type { Analysis } from '../../../contract/types.js';
import { compareAnalyses } from '../../../linking/story.js';
import { renderStory } from '../../../linking/render.js';
import type { BriefFormat } from '../../../linking/render.js';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, parseCountOption, parseDateOption } from '../errors.js';

interface CompareFlags {
  published?: string;
  json?: boolean;
  format?: string;
  kb?: string[];
  maxBytes?: string;
  timeout?: string;
}

const FORMATS: readonly BriefFormat[] = ['text', 'md', 'html'];

function parseFormat(value: string | undefined): BriefFormat {
  if (value === undefined) return 'text';
  const format = FORMATS.find((candidate) => candidate === value);
  if (!format) throw new UsageError(`--format expects one of ${FORMATS.join(', ')}, got '${value}'`);
  return format;
}

export function registerCompareCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('compare')
    .description('compare articles on one story: shared events, what each adds, where they disagree')
    .argument('<inputs...>', 'files, http(s) URLs, feeds, JSON/JSONL, or - for stdin')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for every input; overrides the article metadata')
    .option('--json', 'print the storyline.story/1 JSON')
    .option('--format <format>', 'brief format: text (default), md or html')
    .option('--kb <file...>', 'extra knowledge-base files in Storyline format')
    .option('--max-bytes <n>', 'largest article file, stdin or HTTP body to read, in bytes (default 10 MiB)')
    .option('--timeout <ms>', 'deadline for fetching one URL, in milliseconds (default 15000)')
    .addHelpText('after', '\nExit codes: 0 all inputs compared, 1 some inputs failed (one line each on stderr) or none could be read, 2 usage error.')
    .action(async (inputs: string[], flags: CompareFlags) => {
      const format = parseFormat(flags.format);
      if (flags.json && flags.format !== undefined) throw new UsageError('choose one of --json and --format');
      const published = parseDateOption(flags.published, '--published');
      const maxBytes = parseCountOption(flags.maxBytes, '--max-bytes');
      const fetchTimeoutMs = parseCountOption(flags.timeout, '--timeout');
      const storyline = createStoryline({ kbFiles: flags.kb ?? [] });
      const analyses: Analysis[] = [];
      let failures = 0;
      for await (const outcome of readInputs(inputs, { published, stdin: process.stdin, maxBytes, fetchTimeoutMs })) {
        if (!outcome.ok) {
          failures++;
          process.stderr.write(`storyline: ${outcome.failure.source}: ${outcome.failure.reason}\n`);
          continue;
        }
        try {
          analyses.push(storyline.analyze(outcome.document));
        } catch (error) {
          failures++;
          process.stderr.write(`storyline: ${outcome.document.source}: analysis failed: ${(error as Error).message}\n`);
        }
      }
      if (analyses.length === 0) {
        process.stderr.write('storyline: no article could be read, nothing to compare\n');
        setExitCode(EXIT_SOME_FAILED);
        return;
      }
      const story = compareAnalyses(analyses, storyline.kb);
      process.stdout.write(flags.json ? JSON.stringify(story, null, 2) + '\n' : renderStory(story, format));
      setExitCode(failures > 0 ? EXIT_SOME_FAILED : EXIT_OK);
    });
}
