// The tagger's word list is read only when a tagger is trained: analysing text never loads it (it
// costs tens of megabytes), and once asked for it gives each spelling's Penn tag set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { annotateLanguage, loadLanguageModels } from '../../src/language/index.js';
import { structureText } from '../../src/text/index.js';
import { wordTagLexicon } from '../../src/language/word-list.js';

const loaded = (): boolean => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('en-lexicon'));

test('tagging with the shipped models never loads the word list; training asks for it', () => {
  const text = 'The ministry said the talks would resume in Geneva on Tuesday.';
  const language = annotateLanguage(loadLanguageModels(), text, structureText(text));
  assert.equal(language.upos[0], 'DET');
  assert.equal(loaded(), false, 'en-lexicon was loaded by tagging');
  const list = wordTagLexicon();
  assert.ok(loaded());
  assert.ok(list.size > 100_000, `${list.size} spellings`);
  assert.equal(list.get('suburban'), 'JJ');
  assert.ok(list.get('arises')?.split('|').includes('VBZ'));
});
