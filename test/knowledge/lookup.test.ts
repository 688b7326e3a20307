/**
 * Lookups by name, alias, demonym, capital and metonym; case, diacritics and article folding;
 * longest match over tokens; sector nouns and titles.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { actorCode, loadKnowledgeBase } from '../../src/knowledge/index.js';

const kb = loadKnowledgeBase();

function first(name: string, date: string | null = '2025-08-07') {
  const match = kb.lookup(name, date)[0];
  assert.ok(match, `no match for ${name}`);
  return match;
}

test('aliases of a country reach the same entry', () => {
  for (const alias of ['US', 'U.S.', 'USA', 'United States of America', 'America', 'the United States']) {
    assert.equal(first(alias).entry.id, 'country:USA', alias);
  }
  assert.equal(first('Türkiye').entry.id, 'country:TUR');
  assert.equal(first('turkiye').entry.id, 'country:TUR');
});

test('short capital acronyms only match in capitals', () => {
  assert.equal(kb.lookup('us').length, 0);
  assert.equal(first('UN').entry.id, 'igo:UN');
});

test('demonyms and adjectives give the country without a sector', () => {
  for (const [word, country] of [['Azeri', 'AZE'], ['Azerbaijani', 'AZE'], ['Armenians', 'ARM'], ['French', 'FRA'], ['Kyrgyz', 'KGZ']] as const) {
    const match = first(word);
    assert.equal(match.via, 'demonym', word);
    assert.equal(match.entry.country, country, word);
    assert.equal(actorCode(match, '2025-08-07', kb)?.code, country, word);
  }
});

test('capitals and seats of power stand for governments, with their sector', () => {
  const cases: Array<[string, string]> = [
    ['Baku', 'AZEGOV'],
    ['Yerevan', 'ARMGOV'],
    ['the Kremlin', 'RUSGOV'],
    ['Moscow', 'RUSGOV'],
    ['the White House', 'USAGOV'],
    ['the Pentagon', 'USAMIL'],
    ['Downing Street', 'GBRGOV'],
    ['the Elysee', 'FRAGOV'],
    ['ÉLYSÉE', 'FRAGOV'],
    ['Kiev', 'UKRGOV'],
    ['Kyiv', 'UKRGOV'],
    ['Tehran', 'IRNGOV'],
  ];
  for (const [name, code] of cases) {
    const match = first(name);
    assert.ok(match.via === 'capital' || match.via === 'metonym', `${name} via ${match.via}`);
    assert.equal(actorCode(match, '2025-08-07', kb)?.code, code, name);
  }
});

test('Brussels stands for the European Union before Belgium', () => {
  const match = first('Brussels');
  assert.equal(match.entry.id, 'igo:EU');
  assert.ok(kb.lookup('Brussels').some((candidate) => candidate.entry.id === 'country:BEL'));
});

test('media and companies carry their country and ownership', () => {
  assert.equal(actorCode(first('Sputnik'), null, kb)?.code, 'RUSMED');
  assert.equal(actorCode(first('SOCAR'), null, kb)?.country, 'AZE');
  assert.equal(first('ExxonMobil').entry.country, 'USA');
  assert.match(first('Truth Social').entry.description ?? '', /platform/);
});

test('longest match prefers multi-word names', () => {
  const tokens = ['leaders', 'of', 'the', 'United', 'Arab', 'Emirates', 'met'];
  assert.equal(kb.longestMatch(tokens, 3), 3);
  assert.equal(kb.longestMatch(['South', 'Caucasus', 'states'], 0), 2);
  assert.equal(kb.longestMatch(tokens, 0), 0);
});

test('sector nouns and titles', () => {
  const cases: Array<[string, string]> = [
    ['police', 'COP'],
    ['riot police', 'COP'],
    ['air defences', 'MIL'],
    ['troops', 'MIL'],
    ['journalists', 'MED'],
    ['news agency', 'MED'],
    ['judges', 'JUD'],
    ['prosecutor', 'JUD'],
    ['foreign ministry', 'GOV'],
    ['authorities', 'GOV'],
    ['lawmakers', 'LEG'],
    ['parliament', 'LEG'],
  ];
  for (const [noun, code] of cases) assert.equal(kb.sectorOf(noun)?.slice(0, 3), code, noun);
  assert.equal(kb.sectorOf('protesters'), 'CVLOPP');
  assert.equal(kb.sectorOf('carrot cake'), null);
  assert.equal(kb.titleSector('President'), 'GOV');
  assert.equal(kb.titleSector('General'), 'MIL');
  assert.equal(kb.titleSector('Senator'), 'LEG');
  assert.equal(kb.titleSector('former Prime Minister'), 'ELI');
});

test('IGO codes used in offices resolve to their organisation', () => {
  for (const code of ['WB', 'ARL', 'NATO', 'UNHCR']) assert.equal(first(code).entry.id, `igo:${code}`, code);
});

test('names that are also common lower-case words need a capital', () => {
  assert.equal(first('Turkey').entry.id, 'country:TUR');
  assert.equal(kb.lookup('turkey').length, 0);
  assert.equal(first('Shell').entry.kind, 'company');
  assert.equal(kb.lookup('shell').length, 0);
  assert.equal(first('Polish').entry.id, 'country:POL');
});
