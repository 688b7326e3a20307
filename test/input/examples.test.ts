import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { detectLanguage } from '../../src/input/language.js';
import { resourcePath } from '../../src/paths.js';
import { readAll } from './helpers.js';

test('the sample articles read cleanly: header metadata, 150–300 words of English each', async () => {
  const files = readdirSync(resourcePath('examples'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => resourcePath('examples', name));
  assert.ok(files.length >= 4);
  for (const outcome of await readAll(files)) {
    assert.ok(outcome.ok, outcome.ok ? '' : `${outcome.failure.source}: ${outcome.failure.reason}`);
    const { document } = outcome;
    assert.equal(document.outlet, 'Storyline samples');
    assert.ok(document.title, `${document.source} has a title`);
    assert.match(document.published ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(document.published_source, 'header');
    assert.ok(!/^(title|outlet|published):/im.test(document.text), 'header removed from the text');
    const words = document.text.split(/\s+/).length;
    assert.ok(words >= 150 && words <= 300, `${document.source}: ${words} words`);
    assert.equal(detectLanguage(document.text).code, 'en');
  }
});
