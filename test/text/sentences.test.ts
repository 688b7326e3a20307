// Sentence splitting: abbreviations, initials, numbers, ellipses, closing quotes and brackets,
// question and exclamation marks, unpunctuated headings, URLs and e-mail addresses; spans exclude
// whitespace and never cross a block. Checked with the shipped boundary model and with rules alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { structureText, type StructureOptions } from '../../src/text/index.js';

const MODES: Array<[string, StructureOptions]> = [
  ['shipped model', {}],
  ['rules only', { boundaryModel: null }],
];

function sentencesOf(text: string, options: StructureOptions): string[] {
  return structureText(text, options).sentences.map((sentence) => text.slice(sentence.start, sentence.end));
}

for (const [mode, options] of MODES) {
  test(`${mode}: abbreviations and initials do not end sentences`, () => {
    assert.deepEqual(
      sentencesOf('Sen. Ortiz met Gen. Diallo and Mr. Kwan in St. Paul on Jan. 4 at No. 10. Dr. J. R. Moreau of Acme Inc. joined them.', options),
      ['Sen. Ortiz met Gen. Diallo and Mr. Kwan in St. Paul on Jan. 4 at No. 10.', 'Dr. J. R. Moreau of Acme Inc. joined them.'],
    );
    assert.deepEqual(
      sentencesOf('Officials in the U.S. and the U.K. disagreed, i.e. they argued until 11 p.m. on Friday.', options),
      ['Officials in the U.S. and the U.K. disagreed, i.e. they argued until 11 p.m. on Friday.'],
    );
  });

  test(`${mode}: words that double as abbreviations only abbreviate before a number`, () => {
    assert.deepEqual(sentencesOf('“No.” She left No. 10 at dawn.', options), ['“No.”', 'She left No. 10 at dawn.']);
  });

  test(`${mode}: an abbreviation can also close a sentence`, () => {
    assert.deepEqual(sentencesOf('The envoy flew back to the U.S. The talks resume next week.', options), [
      'The envoy flew back to the U.S.',
      'The talks resume next week.',
    ]);
  });

  test(`${mode}: decimals, thousands and ellipses`, () => {
    assert.deepEqual(sentencesOf('Output rose 3.5 percent to 1,000.5 tonnes. Prices fell... Then they rallied.', options), [
      'Output rose 3.5 percent to 1,000.5 tonnes.',
      'Prices fell...',
      'Then they rallied.',
    ]);
  });

  test(`${mode}: closing quotes and brackets stay with their sentence`, () => {
    assert.deepEqual(sentencesOf('“We will stay.” The mayor nodded. He said "no." (It was late.) Rain followed.', options), [
      '“We will stay.”',
      'The mayor nodded.',
      'He said "no."',
      '(It was late.)',
      'Rain followed.',
    ]);
    assert.deepEqual(sentencesOf('She called it ‘a farce.’ Nobody replied.', options), ['She called it ‘a farce.’', 'Nobody replied.']);
  });

  test(`${mode}: question and exclamation marks`, () => {
    assert.deepEqual(sentencesOf('Will the truce hold? Nobody knows! Stay tuned.', options), [
      'Will the truce hold?',
      'Nobody knows!',
      'Stay tuned.',
    ]);
    assert.deepEqual(sentencesOf('“Can we win?” she asked.', options), ['“Can we win?” she asked.']);
  });

  test(`${mode}: a name written with a lower-case first letter ("iPad", "eBay") can open the next sentence`, () => {
    assert.deepEqual(sentencesOf('The tablet was called "the best we have made." iPad sales rose. Buyers queued. eBay listings followed.', options), [
      'The tablet was called "the best we have made."',
      'iPad sales rose.',
      'Buyers queued.',
      'eBay listings followed.',
    ]);
  });

  test(`${mode}: a postscript marker ("P.S.", "PS.") belongs to the sentence it opens`, () => {
    assert.deepEqual(sentencesOf('See you at the match. P.S. Bring the tickets.', options), ['See you at the match.', 'P.S. Bring the tickets.']);
    assert.deepEqual(sentencesOf('Thanks for the loan.\nPS. We owe you one.', options), ['Thanks for the loan.', 'PS. We owe you one.']);
  });

  test(`${mode}: a full stop with a missing space before a capitalised word still ends the sentence`, () => {
    assert.deepEqual(sentencesOf('The vote was delayed.Officials blamed the weather.', options), [
      'The vote was delayed.',
      'Officials blamed the weather.',
    ]);
  });

  test(`${mode}: URLs and e-mail addresses do not break sentences`, () => {
    assert.deepEqual(sentencesOf('Details are at www.example.org/report.html and press@example.org today. Questions follow.', options), [
      'Details are at www.example.org/report.html and press@example.org today.',
      'Questions follow.',
    ]);
  });

  test(`${mode}: a heading without final punctuation is its own sentence, and sentences stay inside blocks`, () => {
    const text = 'Harvest Season Begins\nFarmers started early this year\nPrices are stable.';
    assert.deepEqual(sentencesOf(text, options), ['Harvest Season Begins', 'Farmers started early this year', 'Prices are stable.']);
  });

  test(`${mode}: sentence spans exclude surrounding whitespace and bullets`, () => {
    const text = '   The port reopened.   Ships queued.  \n- Trade resumed on Monday.\n';
    const structure = structureText(text, options);
    assert.deepEqual(
      structure.sentences.map((sentence) => text.slice(sentence.start, sentence.end)),
      ['The port reopened.', 'Ships queued.', 'Trade resumed on Monday.'],
    );
    for (const sentence of structure.sentences) {
      assert.doesNotMatch(text[sentence.start], /\s/);
      assert.doesNotMatch(text[sentence.end - 1], /\s/);
    }
  });
}

test('the shipped boundary model does not split news text before capitalised words after numbers or names', () => {
  const text =
    'More than 46,000 Palestinians have been counted, said Prime Minister Ana Ruiz. Chancellor Otto Berg arrived in Bonn Friday afternoon.';
  assert.deepEqual(sentencesOf(text, {}), [
    'More than 46,000 Palestinians have been counted, said Prime Minister Ana Ruiz.',
    'Chancellor Otto Berg arrived in Bonn Friday afternoon.',
  ]);
  for (const prose of [
    'The current chief executive Jane Roe said the company would keep its Lyon plant open.',
    'Shares of Orbis Mining CEO Tom Haas rose after the Labor Department report on Monday.',
    'The group sold 4,500 Model Y cars in March and 3,900 Model S cars in April.',
  ]) {
    assert.deepEqual(sentencesOf(prose, {}), [prose]);
  }
});

test('a dash after a closing quote keeps the quote with its speaker', () => {
  for (const dash of ['-', '–', '—', '―']) {
    const text = `“The ferry will run again on Monday.” ${dash} Lena Holm, harbour master`;
    for (const [, options] of MODES) assert.deepEqual(sentencesOf(text, options), [text]);
  }
});

test('the shipped boundary model splits informal web text where the rules cannot', () => {
  // A lower-case start after a full stop or a question mark.
  assert.deepEqual(sentencesOf('the bakery was shut when we arrived. we ended up cooking at home.', {}), [
    'the bakery was shut when we arrived.',
    'we ended up cooking at home.',
  ]);
  assert.deepEqual(sentencesOf('Does anyone know a cheap hostel near the harbour? my budget is tight', {}), [
    'Does anyone know a cheap hostel near the harbour?',
    'my budget is tight',
  ]);
  // An e-mail header line: sender, date and time, then the message.
  assert.deepEqual(sentencesOf('Karen Wills 11/02/2001 09:40 AM Could we push the review to Monday?', {}), [
    'Karen Wills',
    '11/02/2001 09:40 AM',
    'Could we push the review to Monday?',
  ]);
  // The rules alone keep each of these lines whole.
  assert.equal(sentencesOf('the bakery was shut when we arrived. we ended up cooking at home.', { boundaryModel: null }).length, 1);
});
