/** The event lexicon: the generated CAMEO table (clean names, Goldstein values in range) and safe look-ups of article words. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAMEO_TABLE } from '../../src/extraction/lexicon/cameo-table.js';
import { guessLemma, isLexiconWord, verbCode } from '../../src/extraction/lexicon/index.js';

test('every CAMEO code name is clean English text (no mis-decoded bytes) with a Goldstein value in [-10, 10]', () => {
  const codes = Object.keys(CAMEO_TABLE);
  assert.ok(codes.length > 300);
  for (const code of codes) {
    const [name, goldstein] = CAMEO_TABLE[code];
    assert.match(code, /^\d{2,4}$/);
    assert.match(name, /^[A-Za-z0-9 ,.;:()'’“”\-/&]+$/, `code ${code}: ${JSON.stringify(name)}`);
    assert.ok(goldstein >= -10 && goldstein <= 10, `code ${code}: goldstein ${goldstein}`);
    assert.ok(CAMEO_TABLE[code.slice(0, 2)], `code ${code} has its root ${code.slice(0, 2)}`);
  }
  assert.equal(CAMEO_TABLE['044'][0], 'meet at a “third” location');
});

test('words that name properties of plain objects are ordinary words to the lexicon', () => {
  for (const word of ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf']) {
    assert.equal(isLexiconWord(word), false, word);
    assert.equal(verbCode(word, new Set(['the', 'talks'])), null, word);
  }
  assert.equal(guessLemma('constructor'), 'constructor');
  assert.equal(guessLemma('__proto__'), '__proto__');
  // A real PETRARCH verb still codes through the same tables.
  assert.ok(verbCode('bombard', new Set())?.code.startsWith('19'));
});

test('welcoming a visitor is hosting; welcoming an agreement or a step is approval', () => {
  assert.equal(verbCode('welcome', new Set(['the', 'president']))?.code, '043');
  for (const thing of ['agreement', 'deal', 'ceasefire', 'proposal']) assert.equal(verbCode('welcome', new Set(['the', thing]))?.code, '051', thing);
});

test('"head" codes only as travel ("headed to Moscow"), never for leading a body ("heads the coalition")', () => {
  assert.equal(verbCode('head', new Set(['to', 'moscow']))?.code, '042');
  assert.equal(verbCode('head', new Set(['the', 'coalition', 'for', 'change'])), null);
});

test('an appeal to or for someone is a request; appealing a ruling is a court matter, not coded', () => {
  assert.equal(verbCode('appeal', new Set(['to', 'united', 'nations']))?.code, '020');
  assert.equal(verbCode('appeal', new Set(['for', 'calm']))?.code, '020');
  assert.equal(verbCode('appeal', new Set(['ruling', 'the'])), null);
  assert.equal(verbCode('appeal', new Set()), null);
});

test('"values" codes nothing: "everyone who values a free press" praises no one', () => {
  assert.equal(verbCode('value', new Set(['freedom', 'press'])), null);
});

test('"give" and "deliver" code aid only with what is handed over, not a speech or an assessment', () => {
  assert.equal(verbCode('give', new Set(['aid', 'to']))?.code, '070');
  assert.equal(verbCode('deliver', new Set(['weapon', 'the']))?.code, '070');
  assert.equal(verbCode('give', new Set(['a', 'legal', 'assessment'])), null);
  assert.equal(verbCode('deliver', new Set(['a', 'speech'])), null);
});

test('declining to comment is no comment (011), not a rejection; removing and binding are no political acts', () => {
  assert.equal(verbCode('decline', new Set(['to', 'comment']))?.code, '011');
  assert.equal(verbCode('refuse', new Set(['to', 'say', 'when']))?.code, '011');
  assert.equal(verbCode('decline', new Set(['the', 'offer']))?.code, '120');
  for (const lemma of ['remove', 'bind', 'reconsider', 'hurt', 'learn', 'contain', 'interfere']) assert.equal(verbCode(lemma, new Set(['the', 'reference'])), null, lemma);
});

test('approving or adopting sanctions is imposing them (163); approving a plan is not', () => {
  assert.equal(verbCode('approve', new Set(['package', 'of', 'sanction']))?.code, '163');
  assert.equal(verbCode('adopt', new Set(['new', 'sanction']))?.code, '163');
  assert.notEqual(verbCode('approve', new Set(['the', 'plan']))?.code, '163');
});

test('telephone talks are a phone call (041), other talks negotiation (046)', () => {
  assert.equal(verbCode('hold', new Set(['talk', 'telephone']))?.code, '041');
  assert.equal(verbCode('hold', new Set(['talk']))?.code, '046');
});

test('calling off a visit cuts relations, calling off a strike eases dissent; land handed over is yielded; money promised is intent to aid; a proposed meeting is intent to meet; welcoming an extension approves it', () => {
  assert.equal(verbCode('call', new Set(['off', 'events']))?.code, '160');
  assert.equal(verbCode('call', new Set(['off', 'the', 'strike']))?.code, '082');
  assert.equal(verbCode('hand', new Set(['over', 'four', 'village']))?.code, '080');
  assert.equal(verbCode('hand', new Set(['over', 'supplies']))?.code, '070');
  assert.equal(verbCode('pledge', new Set(['$', '3', 'million']))?.code, '0331');
  assert.equal(verbCode('propose', new Set(['a', 'trilateral', 'meeting']))?.code, '036');
  assert.equal(verbCode('welcome', new Set(['the', 'extension']))?.code, '051');
});

test('ratifying a treaty is signing it formally (057)', () => {
  assert.equal(verbCode('ratify', new Set(['the', 'treaty']))?.code, '057');
});

test('deepening a rift is no act; deepening ties is cooperation', () => {
  assert.equal(verbCode('deepen', new Set(['the', 'rift'])), null);
  assert.equal(verbCode('deepen', new Set(['ties']))?.code, '050');
});

test('"wound up" and "wound down" are winding, no wounding; returning fire is force, not returning property', () => {
  assert.equal(verbCode('wound', new Set(['up', 'the', 'group'])), null);
  assert.equal(verbCode('wound', new Set(['down'])), null);
  assert.equal(verbCode('wound', new Set(['two', 'soldiers']))?.code.slice(0, 2), '18');
  assert.equal(verbCode('wound', new Set(['in', 'exchange', 'fire']))?.code.slice(0, 2), '18', 'wounded in an exchange of fire is no riot');
  assert.equal(verbCode('return', new Set(['fire']))?.code, '190');
  assert.equal(verbCode('return', new Set(['the', 'cargo']))?.code, '0842');
});
