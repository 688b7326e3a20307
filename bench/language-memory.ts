/**
 * The language stage's own memory, measured in a process of its own (run by `bench/run.ts`): load
 * the shipped models, annotate the same ~1 MB slice of the seed corpus the bench times, keep every
 * annotation, and print the process's peak RSS in MB. In the bench's main process the peak also holds
 * wink-nlp's model and the 5 MB corpus of section 1, which are no part of Storyline's language stage.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { sharedPath } from '../src/paths.js';
import { structureText } from '../src/text/index.js';
import { annotateLanguage, loadLanguageModels } from '../src/language/index.js';

const sliceBytes = Number(process.argv[2] ?? 1_000_000);
const dir = sharedPath('seeds');
const seeds = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(`${dir}/${name}`, 'utf8'));
const slice: string[] = [];
for (let size = 0, i = 0; size < sliceBytes; i++) {
  slice.push(seeds[i % seeds.length]);
  size += Buffer.byteLength(seeds[i % seeds.length]);
}
const models = loadLanguageModels();
const annotations = slice.map((article) => annotateLanguage(models, article, structureText(article)));
console.log(JSON.stringify({ articles: annotations.length, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
