// Block segmentation and classification (heading, byline, dateline, boilerplate, paragraph), the
// agency found in bylines and datelines, and the same behaviour on the two real seed articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { structureText } from '../../src/text/index.js';
import type { TextStructure } from '../../src/text/types.js';
import { sharedPath } from '../../src/paths.js';

function kindsOf(text: string): Array<[string, string]> {
  return structureText(text).blocks.map((block) => [block.kind, text.slice(block.start, block.end)]);
}

function blockKindOfLine(text: string, structure: TextStructure, lineStart: string): string | undefined {
  return structure.blocks.find((block) => text.slice(block.start, block.end).replace(/^[-•]\s+/, '').startsWith(lineStart))?.kind;
}

test('each non-empty line is a block; empty lines are skipped and spans are trimmed', () => {
  const text = 'Flood Waters Recede in the Valley\n\n  Residents returned home on Sunday after the river fell.  \n';
  assert.deepEqual(kindsOf(text), [
    ['heading', 'Flood Waters Recede in the Valley'],
    ['paragraph', 'Residents returned home on Sunday after the river fell.'],
  ]);
});

test('headings are short title-like lines without final punctuation', () => {
  assert.equal(kindsOf('What Comes Next')[0][0], 'heading');
  assert.equal(kindsOf('The vote was close.')[0][0], 'paragraph');
  assert.equal(kindsOf('the council met again on tuesday')[0][0], 'paragraph');
  assert.equal(kindsOf('A Long Line That Ends With a Full Stop.')[0][0], 'paragraph');
});

test('a first line without final punctuation is the headline, whatever its capitalisation', () => {
  assert.deepEqual(kindsOf('Leaders agree to reopen border crossings\nThe agreement was signed on Monday.'), [
    ['heading', 'Leaders agree to reopen border crossings'],
    ['paragraph', 'The agreement was signed on Monday.'],
  ]);
  assert.equal(kindsOf('Leaders agree to reopen border crossings')[0][0], 'paragraph');
  assert.equal(kindsOf('The agreement was signed on Monday.\nMore talks follow.')[0][0], 'paragraph');
});

test('bylines are recognised and name the agency', () => {
  for (const [line, agency] of [
    ['By Maria Lopez', null],
    ['Story By Agence France-Presse (AFP)', 'AFP'],
    ['(Reporting by Tom Hale; Editing by Ann Cole)', null],
    ['Compiled & Edited by the News Desk', null],
    ['By Associated Press', 'AP'],
  ] as const) {
    const structure = structureText(`The bridge opened on Monday.\n${line}`);
    assert.equal(structure.blocks[1].kind, 'byline', line);
    assert.equal(structure.agency, agency, line);
  }
});

test('sentences that open with "By" are not bylines', () => {
  for (const line of ['By Tuesday, the two sides had agreed on a text.', 'By the end of 2024 the plant had closed', 'By 2030 most cars will be electric.']) {
    assert.equal(kindsOf(`The report was published.\n${line}`)[1][0], 'paragraph', line);
  }
});

test('a leading dateline becomes its own block and sets the agency', () => {
  const text = 'ANKARA (Reuters) - Talks on grain exports resumed on Thursday.\nMOSCOW, Aug 7 (AFP) — Officials declined to comment.';
  const structure = structureText(text);
  assert.deepEqual(
    structure.blocks.map((block) => [block.kind, text.slice(block.start, block.end)]),
    [
      ['dateline', 'ANKARA (Reuters) -'],
      ['paragraph', 'Talks on grain exports resumed on Thursday.'],
      ['dateline', 'MOSCOW, Aug 7 (AFP) —'],
      ['paragraph', 'Officials declined to comment.'],
    ],
  );
  assert.equal(structure.agency, 'Reuters');
  assert.equal(structureText('BEIJING, March 3 (Xinhua) -- Rain fell across the north.').agency, 'Xinhua');
  assert.equal(kindsOf('KYIV, Ukraine (AP) — Sirens sounded overnight.')[0][0], 'dateline');
  assert.deepEqual(kindsOf('SÃO PAULO, Brasil (AA) - Markets rallied.')[0], ['dateline', 'SÃO PAULO, Brasil (AA) -']);
  assert.equal(structureText('ANKARA (AA) - Markets rallied.').agency, 'Anadolu');
  assert.deepEqual(kindsOf('NEW DELHI: Markets rallied.')[0], ['dateline', 'NEW DELHI:']);
});

test('a round-up\'s later items open with their own dateline after a dash; a speaker label after the first paragraph does not', () => {
  const kinds = kindsOf('LIMA — Peru reopened the border on Monday.\n\nSANTIAGO — Chile recalled its envoy.\n\nBORIC: We will not retreat.\n\nLA PAZ -- Bolivia closed a crossing.');
  assert.deepEqual(kinds.map(([kind]) => kind), ['dateline', 'paragraph', 'dateline', 'paragraph', 'paragraph', 'dateline', 'paragraph']);
});

test('capitalised openings that are not datelines stay in the paragraph', () => {
  for (const line of ['NATO — the alliance — met again.', 'US - Mexico talks resumed.', 'UPDATE: Markets rallied.']) {
    assert.deepEqual(kindsOf(line), [['paragraph', line]], line);
  }
});

test('boilerplate lines, and the linked headline after "Read also:"', () => {
  for (const line of [
    'Read also: Ten Things to Know',
    'Read more',
    'Mail us at desk (at) example.com',
    'Subscribe to our newsletter',
    'Share this article',
    'Follow us on Telegram',
    'Click here for the full report',
    '© 2025 Example Media. All rights reserved.',
    'Sign up for daily alerts',
  ]) {
    assert.equal(kindsOf(`The market closed higher.\n${line}`)[1][0], 'boilerplate', line);
  }
  assert.deepEqual(
    kindsOf('Trade talks stalled again.\nRead also:\nWhy Ports Matter for Small Economies\nShipping costs rose in May.').map(([kind]) => kind),
    ['paragraph', 'boilerplate', 'boilerplate', 'paragraph'],
  );
});

test('a leading "- " bullet belongs to the block but not to its sentence', () => {
  const text = '- Officials will meet again in May.';
  const structure = structureText(text);
  assert.equal(structure.blocks[0].start, 0);
  assert.equal(text.slice(structure.sentences[0].start, structure.sentences[0].end), 'Officials will meet again in May.');
  assert.equal(structure.tokens[0].text, 'Officials');
});

test('seed 000: section headings, the AFP byline and the contact line', () => {
  const text = readFileSync(sharedPath('seeds', '000_e6b9d41a665ebffb.txt'), 'utf8');
  const structure = structureText(text);
  const headings = structure.blocks.filter((block) => block.kind === 'heading').map((block) => text.slice(block.start, block.end));
  assert.equal(headings.length, 3);
  for (const heading of headings) assert.ok(heading.split(/\s+/).length <= 6 && !/[.!?]$/.test(heading), heading);
  assert.equal(blockKindOfLine(text, structure, 'Story By Agence France-Presse (AFP)'), 'byline');
  assert.equal(structure.agency, 'AFP');
  assert.equal(blockKindOfLine(text, structure, 'Mail us at'), 'boilerplate');
  assert.ok(structure.blocks.filter((block) => block.kind === 'paragraph').length > 30);
});

test('seed 002: the "Read also:" line and the headline after it are boilerplate', () => {
  const text = readFileSync(sharedPath('seeds', '002_07fddadd5ebe1183.txt'), 'utf8');
  const structure = structureText(text);
  const readAlso = structure.blocks.findIndex((block) => text.slice(block.start, block.end).startsWith('Read also:'));
  assert.ok(readAlso > 0);
  assert.equal(structure.blocks[readAlso].kind, 'boilerplate');
  assert.equal(structure.blocks[readAlso + 1].kind, 'boilerplate');
  assert.ok(structure.blocks.slice(0, readAlso).every((block) => block.kind === 'paragraph'));
});

test('a bare upper-case label opens the story as a dateline, and later lines as a speaker label', () => {
  const text = 'KIGALI - The summit opened on Monday.\nMOREAU: We came here to listen.\nBAKER: And we will.';
  const kinds = structureText(text).blocks.map((block) => block.kind);
  assert.deepEqual(kinds, ['dateline', 'paragraph', 'paragraph', 'paragraph']);
});

test('page furniture written as lines is boilerplate: ad labels, "Follow <outlet> on …", feed footers, editor\'s notes, standards links, photo credits', () => {
  const lines = [
    'Advertisement · Scroll to continue',
    'Follow the Andes Post on Telegram for the latest news.',
    'The post Lima and Santiago sign fishing pact appeared first on Andes Wire.',
    "Editor's note: This story has been updated to correct the date of the vote.",
    'Our Standards: The Andes Wire Trust Principles.',
    'Fishermen unload anchovies in Callao on Friday, May 10, 2024. (AP Photo/Ana Ruiz)',
    'Boats in the harbour of Arica last year. Photo: Andes Post archive',
  ];
  const text = `Peru and Chile signed a fishing pact in Lima on Friday, officials said.\n${lines.join('\n')}\nThe accord sets quotas until 2027, Reuters reported.`;
  const kinds = kindsOf(text);
  assert.deepEqual(kinds.slice(1, -1).map(([kind]) => kind), lines.map(() => 'boilerplate'));
  assert.equal(kinds[0][0], 'paragraph');
  assert.equal(kinds.at(-1)?.[0], 'paragraph', 'a paragraph naming an agency stays a paragraph');
});
