/**
 * `storyline train <kind>` and `storyline eval <task>`: learn a model from an annotated corpus, and
 * measure any part of the pipeline on annotated data. Both dispatch to registries, so each stage
 * adds its trainers and evaluations in its own module.
 */
import type { Command } from 'commander';
import { trainers as languageTrainers } from '../../../language/trainers.js';
import type { Trainer } from '../../../language/trainers.js';
import { annotateLanguage, loadLanguageModels } from '../../../language/index.js';
import type { LanguageModels } from '../../../language/index.js';
import { attributionTrainer } from '../../../extraction/attribution-model.js';
import { evalTasks, findEvalTask } from '../../../eval/registry.js';
import { EXIT_OK, UsageError, parseCountOption } from '../errors.js';

let languageModels: LanguageModels | null = null;

/** Every trainer: the language stage's, and the attribution tagger (which tags its text with the shipped language models). */
const trainers: Trainer[] = [
  ...languageTrainers,
  attributionTrainer((text, structure) => {
    languageModels ??= loadLanguageModels();
    return annotateLanguage(languageModels, text, structure);
  }),
];

function findTrainer(name: string): Trainer | undefined {
  return trainers.find((trainer) => trainer.name === name);
}

interface TrainFlags {
  data: string;
  out: string;
  iterations?: string;
  seed?: string;
  dev?: string;
  limit?: string;
  embeddings?: string;
}

interface EvalFlags {
  data: string;
  model?: string;
  limit?: string;
  json?: boolean;
}

/** Gives a file system error that names no path ("EISDIR" from reading a directory) the --data path it came from. */
async function naming<T>(dataPath: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const systemError = error as NodeJS.ErrnoException;
    if (error instanceof Error && systemError.code && !systemError.path) systemError.path = dataPath;
    throw error;
  }
}

export function registerModelCommands(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('train')
    .description('train a model from an annotated corpus (deterministic given --seed)')
    .argument('<kind>', `what to train: ${trainers.map((t) => t.name).join('|')}`)
    .requiredOption('--data <path>', 'training data (CoNLL-U, CoNLL-2003 or IOB2)')
    .requiredOption('--out <file>', 'where to write the model (e.g. models/pos.bin.gz)')
    .option('--iterations <n>', 'training iterations (epochs)')
    .option('--seed <n>', 'random seed for shuffling', '1')
    .option('--dev <path>', 'development data to report progress on')
    .option('--limit <n>', 'train on the first N sentences only')
    .option('--embeddings <file>', 'pre-trained word vectors (GloVe text or wink-embeddings JSON) turned into word clusters (deps only)')
    .addHelpText('after', () => `\nKinds:\n${trainers.map((t) => `  ${t.name.padEnd(10)} ${t.summary}`).join('\n')}`)
    .action(async (kind: string, flags: TrainFlags) => {
      const trainer = findTrainer(kind);
      if (!trainer) throw new UsageError(`unknown model kind '${kind}'; choose one of ${trainers.map((t) => t.name).join(', ')}`);
      if (flags.embeddings !== undefined && !trainer.takesEmbeddings) {
        throw new UsageError(`--embeddings is read only by ${trainers.filter((t) => t.takesEmbeddings).map((t) => t.name).join(', ')}`);
      }
      await naming(flags.data, trainer.train({
        data: flags.data,
        out: flags.out,
        iterations: parseCountOption(flags.iterations, '--iterations'),
        seed: parseCountOption(flags.seed, '--seed') ?? 1,
        dev: flags.dev,
        limit: parseCountOption(flags.limit, '--limit'),
        embeddings: flags.embeddings,
        log: (line) => process.stderr.write(line + '\n'),
      }));
      setExitCode(EXIT_OK);
    });

  program
    .command('eval')
    .description('measure a part of the pipeline on annotated data')
    .argument('<task>', `what to measure: ${evalTasks.map((t) => t.name).join('|')}`)
    .requiredOption('--data <path>', 'annotated data (a file or a directory, per task)')
    .option('--model <file>', 'evaluate this model file instead of the shipped one')
    .option('--limit <n>', 'evaluate on the first N items only')
    .option('--json', 'print one JSON object')
    .addHelpText('after', () => `\nTasks:\n${evalTasks.map((t) => `  ${t.name.padEnd(12)} ${t.summary}`).join('\n')}`)
    .action(async (taskName: string, flags: EvalFlags) => {
      const task = findEvalTask(taskName);
      if (!task) throw new UsageError(`unknown evaluation '${taskName}'; choose one of ${evalTasks.map((t) => t.name).join(', ')}`);
      const report = await naming(flags.data, task.run({ data: flags.data, model: flags.model, limit: parseCountOption(flags.limit, '--limit') }));
      process.stdout.write((flags.json ? JSON.stringify(report.json) : report.text) + '\n');
      setExitCode(EXIT_OK);
    });
}
