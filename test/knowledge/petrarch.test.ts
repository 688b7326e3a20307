/**
 * Importing CAMEO/PETRARCH dictionaries: names, aliases, fixed codes and date-restricted codes
 * (two- and four-digit years, open ranges) become KB entries with offices, and the result loads
 * as a user KB file through `extraFiles` and `STORYLINE_KB`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { actorCode, importPetrarch, importPetrarchAgents, loadKnowledgeBase } from '../../src/knowledge/index.js';

const DICTIONARY = [
  '# an invented dictionary in PETRARCH actor syntax',
  'NORVALIA_  [ISL]',
  '+NORVALIAN_',
  'TAVISH_QUORRENDALE_  # CountryInfo.txt',
  '+PRESIDENT_QUORRENDALE_',
  '+T._QUORRENDALE',
  '\t[ISLELI 750101-020415]',
  '\t[ISLGOV 020415-110930]',
  '\t[ISLELI]',
  'MIRELA_OSSANTE_',
  '+MINISTER_OSSANTE',
  '\t[ISLGOV >20190301]',
  'BRELLWICK_HARBOUR_AUTHORITY_ [ISLBUS] # a port company',
  'PELLANOR_DEVELOPMENT_FUND_ [IGOUNODEV]',
].join('\n');

test('actor dictionaries become entries with aliases, fixed codes and offices', () => {
  const entries = importPetrarch(DICTIONARY);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const president = byName.get('Tavish Quorrendale');
  assert.ok(president);
  assert.equal(president.kind, 'person');
  assert.deepEqual(president.aliases, ['President Quorrendale', 'T. Quorrendale']);
  assert.equal(president.code, 'ISLELI');
  assert.deepEqual(president.offices, [{ title: 'government office', of: 'ISL', sector: 'GOV', start: '2002-04-15', end: '2011-09-30' }]);
  const minister = byName.get('Mirela Ossante');
  assert.deepEqual(minister?.offices?.[0], { title: 'government office', of: 'ISL', sector: 'GOV', start: '2019-03-01', end: null });
  assert.equal(byName.get('Norvalia')?.kind, 'country');
  assert.equal(byName.get('Brellwick Harbour Authority')?.code, 'ISLBUS');
  assert.equal(byName.get('Brellwick Harbour Authority')?.sector, 'BUS');
  assert.equal(byName.get('Pellanor Development Fund')?.kind, 'igo');
});

test('imported entries load as a user KB file and code by date', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'storyline-kb-'));
  const file = path.join(dir, 'invented.jsonl');
  writeFileSync(file, importPetrarch(DICTIONARY).map((entry) => JSON.stringify(entry)).join('\n') + '\n');
  const kb = loadKnowledgeBase({ extraFiles: [file] });
  const onDate = (date: string): string | undefined => {
    const match = kb.lookup('President Quorrendale', date)[0];
    assert.ok(match);
    return actorCode(match, date, kb)?.code;
  };
  assert.equal(onDate('2005-06-01'), 'ISLGOV');
  assert.equal(onDate('2015-06-01'), 'ISLELI');
  assert.ok(kb.lookup('Kyiv').length > 0, 'shipped entries still there');

  const previous = process.env.STORYLINE_KB;
  process.env.STORYLINE_KB = file;
  try {
    assert.ok(loadKnowledgeBase().lookup('Mirela Ossante', '2024-01-01').length > 0);
  } finally {
    if (previous === undefined) delete process.env.STORYLINE_KB;
    else process.env.STORYLINE_KB = previous;
  }
});

test('agent dictionaries expand macros and plurals', () => {
  const rows = importPetrarchAgents(['!WORKER! = HAND, HANDS', 'DOCK!WORKER! [~LAB]', 'FARM_!WORKER! [~AGR]', 'HARBOUR_PILOT {HARBOUR_PILOTS} [~BUS]'].join('\n'));
  assert.deepEqual(rows, [
    ['dockhand', 'LAB'],
    ['dockhands', 'LAB'],
    ['farm hand', 'AGR'],
    ['farm hands', 'AGR'],
    ['harbour pilot', 'BUS'],
    ['harbour pilots', 'BUS'],
  ]);
});

test('dated international codes become offices of that organisation', () => {
  const [official] = importPetrarch(['ODALYS_FENWICK_', '\t[IGOUNOKID 20150101-20200101]', '\t[CANELI]'].join('\n'));
  assert.deepEqual(official?.offices, [{ title: 'international organisation office', of: 'IGOUNOKID', sector: 'IGO', start: '2015-01-01', end: '2020-01-01' }]);
  const kb = loadKnowledgeBase();
  assert.ok(official);
  assert.equal(actorCode({ entry: official, via: 'name', sector: null, office: null }, '2017-06-01', kb)?.code, 'IGOUNOKID');
  assert.equal(actorCode({ entry: official, via: 'name', sector: null, office: null }, '2021-06-01', kb)?.code, 'CANELI');
});
