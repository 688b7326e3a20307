/**
 * World-wide office holders (data/people-world.jsonl): a head of state or government on
 * 2025-08-07 for the UN member states, well-formed dated offices, and date-sensitive codes for
 * people of the regions that file adds (Latin America, Africa, South and East Asia, Oceania, IGOs).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { actorCode, KB_DATA_DIR, loadKnowledgeBase, officeOn } from '../../src/knowledge/index.js';
import type { KbEntry } from '../../src/knowledge/types.js';

const kb = loadKnowledgeBase();

/** The 193 UN member states (ISO 3166-1 alpha-3). */
const UN_MEMBERS = (
  'AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM ' +
  'CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN ' +
  'FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK ' +
  'KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR ' +
  'NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP ' +
  'SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV ' +
  'UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE'
).split(' ');

const LEADER_TITLE =
  /President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Sultan|Supreme Leader|Taoiseach|Pope|Prince|Grand Duke|Emperor|Head of (State|Government)|Chair(man)? of the|Member of the Presidency|Chief Adviser|O le Ao o le Malo|Secretary of State for Foreign and Political Affairs/;

function leadersOn(date: string): Map<string, string[]> {
  const leaders = new Map<string, string[]>();
  for (const person of kb.entries('person')) {
    const office = officeOn(person, date);
    if (office && LEADER_TITLE.test(office.title)) leaders.set(office.of, [...(leaders.get(office.of) ?? []), person.name]);
  }
  return leaders;
}

function codeOf(name: string, date: string): string | undefined {
  const match = kb.lookup(name, date).find((candidate) => candidate.entry.kind === 'person');
  assert.ok(match, `${name} is known`);
  return actorCode(match, date, kb)?.code;
}

test('the UN member list is the 193 states, each a KB country', () => {
  assert.equal(new Set(UN_MEMBERS).size, 193);
  for (const code of UN_MEMBERS) assert.ok(kb.get(`country:${code}`), code);
});

test('a head of state or government on 2025-08-07 for at least 190 of the 193 UN members', () => {
  const leaders = leadersOn('2025-08-07');
  const missing = UN_MEMBERS.filter((code) => !leaders.has(code));
  assert.ok(UN_MEMBERS.length - missing.length >= 190, `no current leader for ${missing.join(', ')}`);
});

test('a head of state or government in most UN members on a date in each year since 2010', () => {
  for (let year = 2010; year <= 2025; year++) {
    const leaders = leadersOn(`${year}-07-01`);
    const covered = UN_MEMBERS.filter((code) => leaders.has(code)).length;
    assert.ok(covered >= 185, `${year}: only ${covered} of 193 states have a leader`);
  }
});

test('world office holders are well formed: known countries or IGOs, valid ordered dates, CAMEO sectors', () => {
  const lines = readFileSync(path.join(KB_DATA_DIR, 'people-world.jsonl'), 'utf8').split('\n').filter(Boolean);
  assert.ok(lines.length >= 1000, `only ${lines.length} people`);
  const ids = new Set<string>();
  for (const line of lines) {
    const person = JSON.parse(line) as KbEntry;
    assert.ok(!ids.has(person.id), `duplicate ${person.id}`);
    ids.add(person.id);
    assert.ok(kb.get(`country:${person.country}`), `${person.id}: country ${person.country}`);
    assert.ok(person.offices?.length || person.sector, `${person.id}: neither offices nor a sector`);
    for (const office of person.offices ?? []) {
      const known = kb.get(`country:${office.of}`) ?? kb.get(`igo:${office.of}`);
      assert.ok(known, `${person.id}: office of ${office.of}`);
      assert.match(office.sector, /^([A-Z]{3})+$/, `${person.id}: sector ${office.sector}`);
      for (const bound of [office.start, office.end]) if (bound) assert.match(bound, /^(19|20)\d\d(-[01]\d(-[0-3]\d)?)?$/, `${person.id}: ${bound}`);
      if (office.start && office.end) assert.ok(office.start < office.end, `${person.id}: ${office.title} ends before it starts`);
    }
  }
});

test('heads of government of the added regions are coded by the date asked', () => {
  assert.equal(codeOf('Mohamed Hussein Roble', '2022-03-01'), 'SOMGOV');
  assert.equal(codeOf('Mohamed Hussein Roble', '2023-03-01'), 'SOMELI');
  assert.equal(codeOf('Nawaz Sharif', '2015-06-01'), 'PAKGOV');
  assert.equal(codeOf('Nawaz Sharif', '2019-06-01'), 'PAKELI');
  assert.equal(codeOf('Kamla Persad-Bissessar', '2012-01-01'), 'TTOGOV');
  assert.equal(codeOf('Kamla Persad-Bissessar', '2020-01-01'), 'TTOELI');
  assert.equal(codeOf('Kamla Persad-Bissessar', '2025-08-07'), 'TTOGOV');
  assert.equal(codeOf('Naoto Kan', '2011-01-01'), 'JPNGOV');
});

test('the hand-over day belongs to the successor (Haiti, 2025-08-07)', () => {
  assert.equal(codeOf('Laurent Saint-Cyr', '2025-08-07'), 'HTIGOV');
  assert.equal(codeOf('Fritz Alphonse Jean', '2025-08-07'), 'HTIELI');
  assert.equal(codeOf('Fritz Alphonse Jean', '2025-08-06'), 'HTIGOV');
});

test('defence ministers, central bankers, IGO heads, opposition and militants carry their sectors', () => {
  assert.equal(codeOf('Diego Molano', '2022-06-01'), 'COLGOVMIL');
  assert.equal(codeOf('Haruhiko Kuroda', '2020-01-01'), 'JPNBUS');
  assert.equal(codeOf('Fatou Bensouda', '2015-01-01'), 'IGOUNOJUDICC');
  assert.equal(codeOf('Fatou Bensouda', '2022-01-01'), 'GMBELI');
  assert.equal(codeOf('Akinwumi Adesina', '2020-01-01'), 'IGOAFRDEVAFB');
  assert.equal(codeOf('Julius Malema', '2024-01-01'), 'ZAFOPP');
  assert.equal(codeOf('Ahmed Diriye', '2020-01-01'), 'SOMINS');
  assert.equal(codeOf('Riek Machar', '2015-01-01'), 'SSDREB');
  assert.equal(codeOf('Riek Machar', '2021-01-01'), 'SSDGOV');
});
