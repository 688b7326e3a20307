/**
 * `storyline analyze <inputs…|->`: reads every input (files, URLs, feeds, JSON, stdin), analyses
 * each article and prints a readable summary, the `storyline.analysis/1` JSON (--json), one JSON
 * object per line (--jsonl), or writes one file per article (--out DIR). A bad input is reported on
 * stderr in one line and the batch goes on; the exit code is 1 when any input failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { readInputs } from '../../../input/index.js';
import { createStoryline } from '../../../pipeline.js';
import type { Analysis } from '../../../contract/types.js';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, parseCountOption, parseDateOption } from '../errors.js';
import { formatSummary } from '../summary.js';

interface AnalyzeFlags {
  published?: string;
  json?: boolean;
  jsonl?: boolean;
  out?: string;
  tokens?: boolean;
  kb?: string[];
  maxBytes?: string;
  timeout?: string;
}

export function registerAnalyzeCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('analyze')
    .description('analyse articles: structure, entities, times, quantities, quotes, events')
    .argument('<inputs...>', 'files, directories are refused, http(s) URLs, feeds, JSON/JSONL, or - for stdin')
    .option('--published <date>', 'publication date (YYYY-MM-DD) to resolve relative dates against; overrides the article metadata')
    .option('--json', 'print the storyline.analysis/1 JSON (an array when there are several articles)')
    .option('--jsonl', 'print one storyline.analysis/1 object per line')
    .option('--out <dir>', 'write one <document id>.json file per article into DIR')
    .option('--tokens', 'include per-token annotations (text, span, upos, xpos, lemma, head, deprel, ner)')
    .option('--kb <file...>', 'extra knowledge-base files in Storyline format')
    .option('--max-bytes <n>', 'largest article file, stdin or HTTP body to read, in bytes (default 10 MiB)')
    .option('--timeout <ms>', 'deadline for fetching one URL, in milliseconds (default 15000)')
    .addHelpText('after', '\nExit codes: 0 all inputs analysed, 1 some inputs failed (one line each on stderr), 2 usage error.')
    .action(async (inputs: string[], flags: AnalyzeFlags) => {
      if (flags.json && flags.jsonl) throw new UsageError('choose one of --json and --jsonl');
      const published = parseDateOption(flags.published, '--published');
      const maxBytes = parseCountOption(flags.maxBytes, '--max-bytes');
      const fetchTimeoutMs = parseCountOption(flags.timeout, '--timeout');
      const storyline = createStoryline({ kbFiles: flags.kb ?? [] });
      const showProgress = process.stderr.isTTY === true && inputs.length > 1;
      const bar = showProgress ? new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic) : null;
      bar?.start(inputs.length, 0);
      if (flags.out) mkdirSync(flags.out, { recursive: true });
      const collected: Analysis[] = [];
      let failures = 0;
      const seenInputs = new Set<string>();
      for await (const outcome of readInputs(inputs, { published, stdin: process.stdin, maxBytes, fetchTimeoutMs })) {
        const source = outcome.ok ? outcome.document.source : outcome.failure.source;
        const input = source.replace(/#\d+$/, '');
        if (!seenInputs.has(input)) {
          seenInputs.add(input);
          bar?.increment();
        }
        if (!outcome.ok) {
          failures++;
          bar?.stop();
          process.stderr.write(`storyline: ${outcome.failure.source}: ${outcome.failure.reason}\n`);
          bar?.start(inputs.length, seenInputs.size);
          continue;
        }
        let analysis: Analysis;
        try {
          analysis = storyline.analyze(outcome.document, { tokens: flags.tokens === true });
        } catch (error) {
          failures++;
          process.stderr.write(`storyline: ${source}: analysis failed: ${(error as Error).message}\n`);
          continue;
        }
        if (flags.out) writeFileSync(path.join(flags.out, `${analysis.document.id}.json`), JSON.stringify(analysis, null, 2) + '\n');
        if (flags.jsonl) process.stdout.write(JSON.stringify(analysis) + '\n');
        else if (flags.json) collected.push(analysis);
        else if (!flags.out) process.stdout.write(formatSummary(analysis, source) + '\n\n');
      }
      bar?.stop();
      if (flags.json) {
        const payload = collected.length === 1 ? collected[0] : collected;
        process.stdout.write(JSON.stringify(payload, null, 2) + '\n');
      }
      setExitCode(failures > 0 ? EXIT_SOME_FAILED : EXIT_OK);
    });
}
