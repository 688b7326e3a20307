/**
 * Derives two shipped data files from the Phoenix/PETRARCH dictionaries in
 * ../shared/corpora/petrarch/dicts (MIT licence), in Storyline's own formats:
 * - data/petrarch-agents.tsv: agent nouns → CAMEO sectors (Phoenix.agents.txt), consulted after
 *   our own sectors.tsv;
 * - data/petrarch-people.jsonl: people with dated codes (Phoenix.Countries.actors.txt and
 *   Phoenix.International.actors.txt, a 2014 snapshot) with an office held since 2010, minus anyone
 *   our curated people.jsonl
 *   already names; one-word aliases (bare surnames) are dropped as too ambiguous. Terms still open in that snapshot are closed at its date (most such ministers
 *   have long left office; curated people.jsonl carries those still serving).
 * - data/petrarch-places.jsonl: the other names in each Phoenix country block (cities, provinces,
 *   rivers, spellings) as places of that country, minus names we already know and minus words
 *   that UD English EWT writes in lower case ("nice", "split"), which would be common nouns.
 * - data/lowercase-words.txt: our one-word names that EWT also writes in lower case ("turkey",
 *   "shell", "polish"): the index matches those only when the query is capitalised.
 * Run: `node --import tsx src/knowledge/build-petrarch.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { sharedPath } from '../paths.js';
import { KB_DATA_DIR, readEntryFile } from './index.js';
import { normaliseName, withoutArticle } from './normalise.js';
import { importPetrarch, importPetrarchAgents } from './petrarch.js';
import type { KbEntry } from './types.js';

const DICTS = sharedPath('corpora', 'petrarch', 'dicts');
/** Date the Phoenix CountryInfo snapshot was generated. */
const SNAPSHOT_DATE = '2014-01-30';
/** People whose every office ended before this are left out (news from 2010 on is the target). */
const RECENT_FROM = '2010-01-01';

function readDict(name: string): string {
  return readFileSync(path.join(DICTS, name), 'latin1');
}

function buildAgents(): number {
  const rows = importPetrarchAgents(readDict('Phoenix.agents.txt')).filter(([phrase]) => /^[a-z][a-z '&-]*$/.test(phrase));
  const header = '# Derived from Phoenix.agents.txt (PETRARCH, MIT) by src/knowledge/build-petrarch.ts: phrase<TAB>CAMEO code.\n';
  writeFileSync(path.join(KB_DATA_DIR, 'petrarch-agents.tsv'), header + rows.map(([phrase, code]) => `${phrase}\t${code}`).join('\n') + '\n');
  return rows.length;
}

function namesOf(entry: KbEntry): string[] {
  return [entry.name, ...entry.aliases].map(normaliseName);
}

function buildPeople(): number {
  const curated = readEntryFile(path.join(KB_DATA_DIR, 'people.jsonl'));
  const taken = new Set(curated.flatMap(namesOf));
  const seen = new Set<string>();
  const people: KbEntry[] = [];
  for (const dict of ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt']) {
    for (const entry of importPetrarch(readDict(dict))) {
      if (entry.kind !== 'person' || !entry.offices?.some((office) => !office.end || office.end >= RECENT_FROM)) continue;
      if (namesOf(entry).some((name) => taken.has(name)) || seen.has(entry.id)) continue;
      seen.add(entry.id);
      const offices = entry.offices.map((office) => (office.end || (office.start && office.start > SNAPSHOT_DATE) ? office : { ...office, end: SNAPSHOT_DATE }));
      const aliases = entry.aliases.filter((alias) => alias.includes(' '));
      people.push({ ...entry, aliases, offices, source: `petrarch:${dict.replace(/\.txt$/, '')}` });
    }
  }
  writeFileSync(path.join(KB_DATA_DIR, 'petrarch-people.jsonl'), people.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
  return people.length;
}

/** Lower-case word forms of UD English EWT: common words that must not become place names. */
function commonWords(): Set<string> {
  const words = new Set<string>();
  const conllu = readFileSync(sharedPath('corpora', 'ud-english-ewt', 'en_ewt-ud-train.conllu'), 'utf8');
  for (const line of conllu.split('\n')) {
    const form = line.split('\t')[1];
    if (form && /^[a-z]/.test(form)) words.add(form);
  }
  return words;
}

function buildPlaces(): number {
  const shipped = readdirSync(KB_DATA_DIR)
    .filter((file) => file.endsWith('.jsonl') && !file.startsWith('petrarch'))
    .flatMap((file) => readEntryFile(path.join(KB_DATA_DIR, file)));
  const known = new Set(shipped.flatMap((entry) => [...namesOf(entry), ...(entry.demonyms ?? []).map(normaliseName), normaliseName(entry.capital ?? ''), ...(entry.metonyms ?? []).map((metonym) => normaliseName(metonym.name))]));
  const common = commonWords();
  const places = new Map<string, KbEntry>();
  for (const country of importPetrarch(readDict('Phoenix.Countries.actors.txt')).filter((entry) => entry.kind === 'country')) {
    for (const name of country.aliases) {
      const key = normaliseName(name);
      const core = withoutArticle(key);
      if (core.length < 4 || known.has(key) || known.has(core) || common.has(core) || /[()]/.test(name) || places.has(key)) continue;
      places.set(key, { id: `petrarch-place:${key.replace(/[^a-z0-9]+/g, '-')}`, kind: 'place', name, aliases: [], country: country.country, sector: null, code: country.country, source: 'petrarch:Phoenix.Countries.actors' });
    }
  }
  writeFileSync(path.join(KB_DATA_DIR, 'petrarch-places.jsonl'), [...places.values()].map((entry) => JSON.stringify(entry)).join('\n') + '\n');
  return places.size;
}

function buildLowerCaseWords(): number {
  const common = commonWords();
  const names = readdirSync(KB_DATA_DIR)
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap((file) => readEntryFile(path.join(KB_DATA_DIR, file)))
    .flatMap((entry) => [entry.name, ...entry.aliases, ...(entry.demonyms ?? []), entry.capital ?? '', ...(entry.metonyms ?? []).map((metonym) => metonym.name)])
    .map((name) => withoutArticle(normaliseName(name)))
    .filter((key) => key && !key.includes(' ') && common.has(key));
  const words = [...new Set(names)].sort();
  const header = '# One-word KB names that UD English EWT also writes in lower case; matched only when capitalised. Generated by build-petrarch.ts.\n';
  writeFileSync(path.join(KB_DATA_DIR, 'lowercase-words.txt'), header + words.join('\n') + '\n');
  return words.length;
}

console.log(`petrarch-agents.tsv: ${buildAgents()} phrases; petrarch-people.jsonl: ${buildPeople()} people; petrarch-places.jsonl: ${buildPlaces()} places`);
console.log(`lowercase-words.txt: ${buildLowerCaseWords()} names`);
