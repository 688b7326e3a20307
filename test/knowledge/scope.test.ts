/**
 * The knowledge base covers the promised scope: every ISO 3166-1 country and territory (plus
 * Kosovo) with demonyms, and a head of state or government in office on 2025-08-07 for each G20,
 * European, Caucasian, Central Asian and Middle Eastern country.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadKnowledgeBase, officeOn } from '../../src/knowledge/index.js';

const kb = loadKnowledgeBase();
const G20 = ['ARG', 'AUS', 'BRA', 'CAN', 'CHN', 'FRA', 'DEU', 'IND', 'IDN', 'ITA', 'JPN', 'KOR', 'MEX', 'RUS', 'SAU', 'ZAF', 'TUR', 'GBR', 'USA'];
const CAUCASUS = ['AZE', 'ARM', 'GEO'];
const CENTRAL_ASIA = ['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB'];
const LEADER_TITLE = /President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Sultan|Supreme Leader|Taoiseach|Pope|Sovereign Prince|Head of (State|Government)|Chair(man)? of the|Member of the Presidency|Secretary of State for Foreign and Political Affairs/;

function membersOf(regionName: string): string[] {
  const region = kb.lookup(regionName).find((match) => match.entry.kind === 'region');
  assert.ok(region, `region ${regionName}`);
  return region.entry.members ?? [];
}

test('every ISO 3166-1 country and territory plus Kosovo, with demonyms for the inhabited ones', () => {
  const countries = kb.entries('country');
  assert.ok(countries.length >= 250, `only ${countries.length} countries`);
  assert.ok(countries.some((entry) => entry.country === 'XKX'), 'Kosovo');
  const withDemonyms = countries.filter((entry) => (entry.demonyms ?? []).length > 0);
  assert.ok(withDemonyms.length >= 240, `only ${withDemonyms.length} countries with demonyms`);
  for (const entry of countries) assert.match(entry.country ?? '', /^[A-Z]{3}$/, entry.id);
});

test('a head of state or government in office on 2025-08-07 for every required country', () => {
  const required = new Set([...G20, ...membersOf('Europe'), ...CAUCASUS, ...CENTRAL_ASIA, ...membersOf('Middle East')]);
  assert.ok(required.size >= 80, `required list too short: ${required.size}`);
  const leaders = new Map<string, string[]>();
  for (const person of kb.entries('person')) {
    const office = officeOn(person, '2025-08-07');
    if (office && LEADER_TITLE.test(office.title)) leaders.set(office.of, [...(leaders.get(office.of) ?? []), person.name]);
  }
  const missing = [...required].filter((country) => !leaders.has(country));
  assert.deepEqual(missing, [], `no current leader for ${missing.join(', ')}`);
  for (const country of required) {
    const entry = kb.get(`country:${country}`);
    assert.ok(entry && (entry.demonyms ?? []).length > 0, `demonyms for ${country}`);
  }
});

test('international organisations carry CAMEO IGO codes', () => {
  for (const name of ['NATO', 'OSCE', 'European Commission', 'UN Security Council', 'IAEA', 'CSTO', 'African Union', 'World Bank']) {
    const match = kb.lookup(name)[0];
    assert.ok(match, name);
    assert.equal(match.entry.kind, 'igo', name);
    assert.match(match.entry.code ?? '', /^IGO/, name);
  }
});
