/**
 * The same name codes differently on different dates: office holders are government only while in
 * office, elites (ELI) before and after; IGO offices give the IGO's code.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { actorCode, loadKnowledgeBase } from '../../src/knowledge/index.js';

const kb = loadKnowledgeBase();

function codeOn(name: string, date: string): string | undefined {
  const match = kb.lookup(name, date).find((candidate) => candidate.entry.kind === 'person');
  assert.ok(match, `no person for ${name}`);
  return actorCode(match, date, kb)?.code;
}

test('Trump: government in his first term, elite between terms, government again in 2025', () => {
  assert.equal(codeOn('Donald Trump', '2019-06-01'), 'USAGOV');
  assert.equal(codeOn('Trump', '2023-03-15'), 'USAELI');
  assert.equal(codeOn('Trump', '2025-08-07'), 'USAGOV');
  assert.equal(kb.lookup('Trump', '2023-03-15')[0]?.office, null);
  assert.match(kb.lookup('Trump', '2025-08-07')[0]?.office?.title ?? '', /President/);
});

test('hand-over day belongs to the successor', () => {
  assert.equal(codeOn('Joe Biden', '2021-01-20'), 'USAGOV');
  assert.equal(codeOn('Donald Trump', '2021-01-20'), 'USAELI');
});

test('offices other than government keep their sector', () => {
  assert.equal(codeOn('Vladimir Putin', '1999-01-01'), 'RUSSPY');
  assert.equal(codeOn('Vladimir Putin', '2010-06-01'), 'RUSGOV');
  assert.equal(codeOn('Lloyd Austin', '2023-01-01'), 'USAGOVMIL');
});

test('IGO office holders take the IGO code while in office', () => {
  assert.equal(codeOn('Mark Rutte', '2023-01-01'), 'NLDGOV');
  assert.equal(codeOn('Mark Rutte', '2025-08-07'), 'IGONAT');
  assert.equal(codeOn('Kaja Kallas', '2022-05-01'), 'ESTGOV');
  assert.equal(codeOn('Kaja Kallas', '2025-08-07'), 'IGOEUREEC');
  assert.equal(codeOn('António Guterres', '2025-08-07'), 'IGOUNO');
});

test('recurring officials of the South Caucasus talks resolve on 2025-08-07', () => {
  assert.equal(codeOn('Ilham Aliyev', '2025-08-07'), 'AZEGOV');
  assert.equal(codeOn('Nikol Pashinyan', '2025-08-07'), 'ARMGOV');
  assert.equal(codeOn('Hikmet Hajiyev', '2025-08-07'), 'AZEGOV');
  assert.equal(codeOn('Ararat Mirzoyan', '2025-08-07'), 'ARMGOV');
  assert.equal(codeOn('Steve Witkoff', '2025-08-07'), 'USAGOV');
  assert.equal(codeOn('Marco Rubio', '2025-08-07'), 'USAGOV');
});
