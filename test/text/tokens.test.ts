// Tokenization follows the UD English EWT conventions, and every token span slices to its text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { structureText } from '../../src/text/index.js';

function tokensOf(text: string): string[] {
  return structureText(text).tokens.map((token) => token.text);
}

test('clitics split with straight and curly apostrophes', () => {
  assert.deepEqual(tokensOf("They didn't say it's over."), ['They', 'did', "n't", 'say', 'it', "'s", 'over', '.']);
  assert.deepEqual(tokensOf('The minister’s aides won’t talk'), ['The', 'minister', '’s', 'aides', 'wo', 'n’t', 'talk']);
  assert.deepEqual(tokensOf("We're sure you'll see we've done what I'd promised and I'm glad"), [
    'We', "'re", 'sure', 'you', "'ll", 'see', 'we', "'ve", 'done', 'what', 'I', "'d", 'promised', 'and', 'I', "'m", 'glad',
  ]);
  assert.deepEqual(tokensOf('the voters’ choice'), ['the', 'voters', '’', 'choice']);
  assert.deepEqual(tokensOf("O'Neill cannot come"), ["O'Neill", 'can', 'not', 'come']);
});

test('punctuation, quotes and brackets are separate tokens', () => {
  assert.deepEqual(tokensOf('“No,” she replied (twice) [sic] "firmly"; then: done!'), [
    '“', 'No', ',', '”', 'she', 'replied', '(', 'twice', ')', '[', 'sic', ']', '"', 'firmly', '"', ';', 'then', ':', 'done', '!',
  ]);
});

test('currency symbols and percent signs split from numbers, numbers stay whole', () => {
  assert.deepEqual(tokensOf('It cost $5 or €2,500.75, up 7.5% from 1,000.5 units'), [
    'It', 'cost', '$', '5', 'or', '€', '2,500.75', ',', 'up', '7.5', '%', 'from', '1,000.5', 'units',
  ]);
  assert.deepEqual(tokensOf('at 10:30 on 02/13/2001'), ['at', '10:30', 'on', '02/13/2001']);
  assert.deepEqual(tokensOf('by 5pm a 65k bonus, £1.5bn, the 21st of May, the 1990s'), [
    'by', '5', 'pm', 'a', '65', 'k', 'bonus', ',', '£', '1.5', 'bn', ',', 'the', '21st', 'of', 'May', ',', 'the', '1990s',
  ]);
});

test('abbreviations keep their full stop', () => {
  assert.deepEqual(tokensOf('The U.S. and U.K. envoys met Gen. Ortiz, Sen. Lee and Dr. Kim at 9 a.m. on Jan. 3'), [
    'The', 'U.S.', 'and', 'U.K.', 'envoys', 'met', 'Gen.', 'Ortiz', ',', 'Sen.', 'Lee', 'and', 'Dr.', 'Kim', 'at', '9', 'a.m.',
    'on', 'Jan.', '3',
  ]);
  assert.deepEqual(tokensOf('Acme Inc. and Smith Co. sold fruit, e.g. pears'), [
    'Acme', 'Inc.', 'and', 'Smith', 'Co.', 'sold', 'fruit', ',', 'e.g.', 'pears',
  ]);
});

test('URLs, e-mail addresses, hashtags and handles are single tokens', () => {
  assert.deepEqual(tokensOf('See https://news.example.org/a/b?id=4, mail desk@example.co.uk or ping @newsdesk #breaking.'), [
    'See', 'https://news.example.org/a/b?id=4', ',', 'mail', 'desk@example.co.uk', 'or', 'ping', '@newsdesk', '#breaking', '.',
  ]);
  assert.deepEqual(tokensOf('visit www.example.com today'), ['visit', 'www.example.com', 'today']);
});

test('hyphens follow EWT: prefixes stay attached, other compounds split; dashes are tokens', () => {
  assert.deepEqual(tokensOf('a long-standing feud with ex-Soviet states over pre-trial detention'), [
    'a', 'long', '-', 'standing', 'feud', 'with', 'ex-Soviet', 'states', 'over', 'pre-trial', 'detention',
  ]);
  assert.deepEqual(tokensOf('the talks — brief -- ended'), ['the', 'talks', '—', 'brief', '--', 'ended']);
  assert.deepEqual(tokensOf('call 555-123-4567 now'), ['call', '555-123-4567', 'now']);
});

test('ellipses and repeated marks are one token', () => {
  assert.deepEqual(tokensOf('Wait... what?! Really!!'), ['Wait', '...', 'what', '?', '!', 'Really', '!!']);
});

test('token spans are exact and spaceAfter reflects the text', () => {
  const text = '  Officials said: "It\'s 5%."\nNext line ';
  const structure = structureText(text);
  for (const token of structure.tokens) {
    assert.equal(token.text, text.slice(token.start, token.end));
    assert.equal(token.spaceAfter, token.end >= text.length || /\s/.test(text[token.end]));
  }
  const said = structure.tokens.find((token) => token.text === 'said');
  assert.ok(said && !said.spaceAfter);
});
