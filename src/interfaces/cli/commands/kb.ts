/**
 * `storyline kb`: the actor knowledge base from the command line.
 * - `kb import --format petrarch <file> [--out <file>]` turns a CAMEO/PETRARCH actor dictionary
 *   into Storyline's JSON-lines format (load it with `--kb` or `STORYLINE_KB`);
 * - `kb lookup "<name>" [--date YYYY-MM-DD] [--json]` shows what a name means on a date: entries,
 *   how they matched, the office held and the CAMEO actor; phrases ("Kyiv police") fall back to
 *   actor resolution.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';

import { actorCode, importPetrarch, loadKnowledgeBase } from '../../../knowledge/index.js';
import { resolveActor } from '../../../knowledge/resolve.js';
import type { KbEntry, KbMatch } from '../../../knowledge/types.js';
import { UsageError, parseDateOption } from '../errors.js';

interface ImportFlags {
  format?: string;
  out?: string;
}

interface LookupFlags {
  date?: string;
  json?: boolean;
  kb?: string[];
}

/** Reads a dictionary as UTF-8, or as Latin-1 when it is not valid UTF-8 (older TABARI files). */
function readDictionary(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read '${file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const text = bytes.toString('utf8');
  return text.includes('\uFFFD') ? bytes.toString('latin1') : text;
}

function runImport(file: string, flags: ImportFlags): void {
  if (flags.format !== 'petrarch') throw new UsageError(`--format must be 'petrarch' (the only dictionary format supported), got '${flags.format ?? ''}'`);
  const entries = importPetrarch(readDictionary(file));
  const lines = entries.map((entry) => JSON.stringify(entry)).join('\n') + (entries.length ? '\n' : '');
  const people = entries.filter((entry) => entry.kind === 'person' && entry.offices?.length).length;
  const summary = `imported ${entries.length} entries from ${file}, ${people} people with dated offices`;
  if (flags.out) {
    writeFileSync(flags.out, lines);
    process.stdout.write(`${summary}; wrote ${flags.out}\n`);
  } else {
    process.stdout.write(lines);
    process.stderr.write(`${summary}\n`);
  }
}

function officeText(match: KbMatch): string {
  const office = match.office;
  if (!office) return '';
  return `, ${office.title} (${office.of}, ${office.start ?? '?'} – ${office.end ?? 'now'})`;
}

function describeEntry(entry: KbEntry): string {
  return entry.description ? ` — ${entry.description}` : '';
}

function runLookup(name: string, flags: LookupFlags): void {
  if (!name.trim()) throw new UsageError('give a name to look up, e.g. storyline kb lookup "the Kremlin"');
  const date = parseDateOption(flags.date, '--date');
  const kb = loadKnowledgeBase({ extraFiles: flags.kb ?? [] });
  const matches = kb.lookup(name, date);
  const resolved = matches.length === 0 ? resolveActor(name, { date, kb }) : null;
  if (flags.json) {
    const json = {
      query: name,
      date,
      matches: matches.map((match) => ({ ...match, actor: actorCode(match, date, kb) })),
      resolved,
    };
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    return;
  }
  if (matches.length === 0 && !resolved) {
    process.stdout.write(`no knowledge-base entry for '${name}'\n`);
    return;
  }
  for (const match of matches) {
    const actor = actorCode(match, date, kb);
    process.stdout.write(`${match.entry.name} [${match.entry.id}] via ${match.via} → ${actor?.code ?? '(no actor)'}${officeText(match)}${describeEntry(match.entry)}\n`);
  }
  if (resolved) {
    const from = resolved.entry ? ` from ${resolved.entry.name} [${resolved.entry.id}]` : '';
    const noun = resolved.pattern ? ` with sector noun '${resolved.pattern}'` : '';
    process.stdout.write(`phrase → ${resolved.actor.code}${from}${noun}\n`);
  }
}

export function registerKbCommand(program: Command): void {
  const kb = program.command('kb').description('the actor knowledge base: import dictionaries, look up names');
  kb.command('import')
    .description('convert a CAMEO/PETRARCH actor dictionary into Storyline KB entries (JSON lines)')
    .argument('<file>', 'dictionary file, e.g. Phoenix.Countries.actors.txt')
    .requiredOption('--format <format>', "dictionary format: 'petrarch'")
    .option('--out <file>', 'write the entries here instead of stdout')
    .addHelpText('after', '\nLoad the result with `storyline analyze --kb <file>` or STORYLINE_KB=<file>. Exit codes: 0 ok, 2 usage error.')
    .action((file: string, flags: ImportFlags) => runImport(file, flags));
  kb.command('lookup')
    .description('what a name means on a date: KB entries, office held, CAMEO actor')
    .argument('<name>', 'a name, alias, demonym, capital, metonym or short actor phrase ("Kyiv police")')
    .option('--date <date>', 'date (YYYY-MM-DD) for offices; default today')
    .option('--json', 'print the matches as JSON')
    .option('--kb <file...>', 'extra knowledge-base files in Storyline format')
    .addHelpText('after', '\nExit codes: 0 ok (also when nothing matches), 2 usage error.')
    .action((name: string, flags: LookupFlags) => runLookup(name, flags));
}
