/**
 * Phrase-level actor resolution: places, demonyms and metonyms give the country, sector nouns the
 * sector, organisations their own code, and names after "to" are targets rather than owners.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { resolveActor } from '../../src/knowledge/resolve.js';

function codeOf(phrase: string, date = '2025-08-07'): string | null {
  return resolveActor(phrase, { date })?.actor.code ?? null;
}

test('country word plus sector noun', () => {
  assert.equal(codeOf('Warsaw riot police'), 'POLCOP');
  assert.equal(codeOf('the Iranian foreign ministry'), 'IRNGOV');
  assert.equal(codeOf("Ukraine's defence ministry"), 'UKRGOVMIL');
  assert.equal(codeOf('Georgian protesters'), 'GEOCVLOPP');
  assert.equal(codeOf('a Turkey-based militia'), 'TURUAF');
  assert.equal(codeOf('Armenian lawmakers'), 'ARMLEG');
  assert.equal(codeOf('several Azerbaijani journalists'), 'AZEMED');
});

test('names after "to" are targets, not owners', () => {
  assert.equal(codeOf('the Lebanese ambassador to NATO'), 'LBNGOV');
});

test('organisations, places and people keep their own codes', () => {
  assert.equal(codeOf('the Kremlin'), 'RUSGOV');
  assert.equal(codeOf("Russia's Black Sea Fleet"), 'RUSMIL');
  assert.equal(codeOf('Prime Minister Nikol Pashinyan'), 'ARMGOV');
  assert.equal(codeOf('Nagorno-Karabakh'), 'AZEPRE');
  assert.equal(resolveActor('the State Oil Company of Azerbaijan Republic')?.actor.country, 'AZE');
});

test('bare sector nouns have no country; unknown names resolve to nothing', () => {
  assert.equal(codeOf('gunmen'), 'UAF');
  assert.equal(resolveActor('soldiers')?.pattern, 'soldier');
  assert.equal(resolveActor('Quillon Barthwaite'), null);
  assert.equal(resolveActor('a US frigate')?.rest, 'frigate');
});

test('one typo in a place name is forgiven', () => {
  assert.equal(codeOf('Tbilsi police'), 'GEOCOP');
});

test('country words written in lower case still give the country', () => {
  assert.equal(codeOf('ukrainian farmers'), 'UKRAGR');
  assert.equal(codeOf('the french navy'), 'FRAMIL');
});
