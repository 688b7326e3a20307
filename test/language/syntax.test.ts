// The shipped syntax models: they load quickly, tag and parse news sentences written for this test
// sensibly, and on the seed article, read at run time, find that the subject of "attend" is
// "Pashinyan", coordinated with "Aliyev" (two titled names joined by "and").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedPath } from '../../src/paths.js';
import { structureText } from '../../src/text/index.js';
import { annotateSyntax, loadSyntaxModels, type SyntaxAnnotation } from '../../src/language/syntax.js';

const started = Date.now();
const models = loadSyntaxModels();
const loadMilliseconds = Date.now() - started;

function split(sentence: string): string[] {
  return sentence.match(/\w+(?:[-']\w+)*|n't|[^\s\w]/g) ?? [];
}

/** The dependents of word `head` with relation `relation` (subtypes included). */
function dependents(words: readonly string[], parse: SyntaxAnnotation, head: number, relation: string): string[] {
  return words.filter((_, i) => parse.head[i] === head && parse.deprel[i].split(':')[0] === relation);
}

test('the shipped models load quickly', () => {
  // Typically 0.2–0.5 s; the bound leaves room for a busy CI machine.
  assert.ok(loadMilliseconds < 3000, `loaded in ${loadMilliseconds} ms`);
});

test('tags, lemmas and relations of a reported-speech news sentence', () => {
  const words = split('The foreign minister said on Tuesday that the government would cut fuel taxes next year.');
  const [parse] = annotateSyntax(models, [words]);
  const at = (word: string): number => words.indexOf(word);
  assert.equal(parse.upos[at('said')], 'VERB');
  assert.equal(parse.xpos[at('said')], 'VBD');
  assert.equal(parse.lemma[at('said')], 'say');
  assert.equal(parse.lemma[at('taxes')], 'tax');
  assert.equal(parse.upos[at('Tuesday')], 'PROPN');
  assert.equal(parse.deprel[at('said')], 'root');
  assert.deepEqual(dependents(words, parse, at('said'), 'nsubj'), ['minister']);
  assert.deepEqual(dependents(words, parse, at('cut'), 'nsubj'), ['government']);
  assert.equal(parse.head[at('cut')], at('said'));
  assert.deepEqual(dependents(words, parse, at('cut'), 'obj'), ['taxes']);
});

test('passive subjects and proper nouns in a second news sentence', () => {
  const words = split('Two drones were shot down over Odesa overnight, officials in Kyiv reported.');
  const [parse] = annotateSyntax(models, [words]);
  const at = (word: string): number => words.indexOf(word);
  assert.equal(parse.upos[at('Odesa')], 'PROPN');
  assert.equal(parse.upos[at('Kyiv')], 'PROPN');
  assert.equal(parse.upos[at('were')], 'AUX');
  assert.equal(parse.lemma[at('were')], 'be');
  assert.equal(parse.deprel[at('drones')], 'nsubj:pass');
  assert.equal(parse.head[at('drones')], at('shot'));
});

test('on the seed article, Pashinyan and Aliyev are the coordinated subject of "attend"', () => {
  const text = readFileSync(sharedPath('seeds', '000_e6b9d41a665ebffb.txt'), 'utf8');
  const structure = structureText(text);
  const sentences = structure.sentences.map((sentence) =>
    structure.tokens.slice(sentence.tokenStart, sentence.tokenEnd).map((token) => token.text),
  );
  const index = sentences.findIndex((words) => words.includes('attend') && words.includes('Pashinyan'));
  assert.ok(index >= 0, 'the seed article has a sentence with "attend"');
  const words = sentences[index];
  const [parse] = annotateSyntax(models, [words]);
  // UD (as in EWT) heads a multi-word name on its first word and hangs the rest on it with `flat`.
  const nameHead = (word: number): number => (parse.deprel[word] === 'flat' ? nameHead(parse.head[word]) : word);
  const pashinyan = nameHead(words.indexOf('Pashinyan'));
  const aliyev = nameHead(words.indexOf('Aliyev'));
  const subjects = words.map((_, i) => i).filter((i) => parse.head[i] === words.indexOf('attend') && parse.deprel[i] === 'nsubj');
  assert.equal(parse.upos[words.indexOf('Pashinyan')], 'PROPN');
  assert.deepEqual(subjects, [pashinyan]);
  assert.notEqual(aliyev, pashinyan);
  assert.equal(parse.head[aliyev], pashinyan);
  assert.equal(parse.deprel[aliyev], 'conj');
});

test('a nationality adjective before a title is tagged ADJ, even one the treebank never shows', () => {
  const words = split('The Uzbek President and the Kyrgyz Foreign Minister met in Geneva on Monday.');
  const [parse] = annotateSyntax(models, [words]);
  assert.equal(parse.upos[words.indexOf('Uzbek')], 'ADJ');
  assert.equal(parse.upos[words.indexOf('Kyrgyz')], 'ADJ');
  assert.equal(parse.upos[words.indexOf('Geneva')], 'PROPN');
});

test('a word the treebank only shows as an adjective can still be the verb after a modal', () => {
  // "welcome" is an adjective or interjection in every EWT training sentence; a tag dictionary
  // built from too few sightings would lock it out of VERB.
  const words = split('The mayor will welcome the visiting ministers to the city hall on Monday.');
  const [parse] = annotateSyntax(models, [words]);
  const at = (word: string): number => words.indexOf(word);
  assert.equal(parse.upos[at('welcome')], 'VERB');
  assert.deepEqual(dependents(words, parse, at('welcome'), 'nsubj'), ['mayor']);
  assert.deepEqual(dependents(words, parse, at('welcome'), 'obj'), ['ministers']);
});
