/** The generated CAMEO table: every code has a clean name, a Goldstein value in range and a root. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAMEO_TABLE } from '../../src/extraction/lexicon/cameo-table.js';

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
