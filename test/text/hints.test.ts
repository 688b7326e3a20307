// Line hints from the input stage (the HTML element each line came from) outweigh a line's shape:
// a heading element is a heading in sentence case, a paragraph or list item is never a heading, a
// table row is one paragraph sentence, and a furniture heading is boilerplate. Without hints every
// line is classified by its shape as before. Text here is our own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LineHint, LineHintKind } from '../../src/input/types.js';
import { structureText } from '../../src/text/index.js';

/** The text of `lines` and a hint per line (null: none). */
function hinted(lines: Array<[LineHintKind | null, string]>): { text: string; hints: LineHint[] } {
  const hints: LineHint[] = [];
  let start = 0;
  for (const [kind, line] of lines) {
    if (kind) hints.push({ start, end: start + line.length, kind });
    start += line.length + 1;
  }
  return { text: lines.map(([, line]) => line).join('\n'), hints };
}

const kinds = (text: string, hints?: LineHint[]): string[] => structureText(text, { hints }).blocks.map((block) => block.kind);

test('a heading element is a heading whatever its case; a paragraph or list item never is', () => {
  const { text, hints } = hinted([
    ['heading', 'Ferry operators say the strike will end on Monday'],
    ['paragraph', 'The Harbour Board Meets Again'],
    ['paragraph', 'Dock workers in the port of Valdora walked out on Friday over a pay offer they called insulting.'],
    ['heading', 'What the union wants'],
    ['list-item', 'Higher Night Shift Pay'],
    ['list-item', 'Two More Rest Days'],
    ['quote', 'No Deal Without Safety'],
  ]);
  assert.deepEqual(kinds(text, hints), ['heading', 'paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph']);
  // The same lines by their shape alone: sentence-case headings are paragraphs, title-case lines headings.
  assert.deepEqual(kinds(text), ['heading', 'heading', 'paragraph', 'paragraph', 'heading', 'heading', 'heading']);
});

test('a first line set as a paragraph is not taken for the headline', () => {
  const { text, hints } = hinted([
    ['paragraph', 'Ferry crossings to the islands stay suspended for a third day'],
    ['paragraph', 'Dock workers in the port of Valdora walked out on Friday over a pay offer.'],
  ]);
  assert.deepEqual(kinds(text, hints), ['paragraph', 'paragraph']);
  assert.deepEqual(kinds(text), ['heading', 'paragraph']);
});

test('a table row is one paragraph sentence, however its cells end', () => {
  const { text, hints } = hinted([
    ['paragraph', 'The port authority published its monthly figures on Tuesday.'],
    ['table-row', 'Port | Ships In | Ships Out'],
    ['table-row', 'Valdora | 41 | 38'],
    ['table-row', 'Talks resumed. | Vote held. | Strike ended.'],
  ]);
  const structure = structureText(text, { hints });
  assert.deepEqual(structure.blocks.map((block) => block.kind), ['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  const sentences = structure.sentences.map((sentence) => text.slice(sentence.start, sentence.end));
  assert.deepEqual(sentences.slice(1), ['Port | Ships In | Ships Out', 'Valdora | 41 | 38', 'Talks resumed. | Vote held. | Strike ended.']);
  assert.deepEqual(kinds(text).slice(1, 3), ['heading', 'heading']);
});

test('furniture headings are boilerplate, a byline in a heading element stays a byline, a long heading element goes by its shape', () => {
  const long = 'Dock workers in the port of Valdora walked out on Friday over a pay offer they called insulting, and the harbour board said it would not reopen talks until the ferries were running again on the island routes.';
  const { text, hints } = hinted([
    ['heading', 'Strike ends at Valdora port'],
    ['heading', 'By Inés Calloway'],
    ['paragraph', 'Dock workers in the port of Valdora voted on Sunday to accept a new pay offer.'],
    ['heading', long],
    ['heading', 'Related articles'],
    ['heading', 'More from the Harbour Gazette'],
    ['heading', 'Comments (4)'],
  ]);
  assert.deepEqual(kinds(text, hints), ['heading', 'byline', 'paragraph', 'paragraph', 'boilerplate', 'boilerplate', 'boilerplate']);
});

test('a hint applies to the lines its span holds, and lines outside any hint go by their shape', () => {
  const text = 'Ferry Talks Resume\n\nThe harbour board met the union on Monday.\nfares will rise in june';
  // One hint spanning the second and third lines (a heading element written over two lines).
  const second = text.indexOf('The harbour');
  const hints: LineHint[] = [{ start: second, end: text.length, kind: 'heading' }];
  assert.deepEqual(kinds(text, hints), ['heading', 'heading', 'heading']);
  assert.deepEqual(kinds(text, []), kinds(text));
});
