/** The package entry point: a user's `import … from 'storyline'` reads, analyses and compares with the CLI's functions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resourcePath } from '../src/paths.js';

interface PackageJson { main: string; types: string; exports: Record<string, { import: string; types: string } | string> }

test("the package's main, types and exports all name the built library entry", () => {
  const pkg = JSON.parse(readFileSync(resourcePath('package.json'), 'utf8')) as PackageJson;
  const root = pkg.exports['.'];
  assert.ok(typeof root === 'object');
  assert.equal(root.import, `./${pkg.main}`);
  assert.equal(root.types, `./${pkg.types}`);
  assert.equal(pkg.main, 'dist/src/index.js');
});

test("import from 'storyline' reads an article, analyses it to a valid contract and compares two analyses", async () => {
  // The package's own name, resolved by Node through package.json "exports" (a self-reference), not a relative path.
  const packageName = 'storyline';
  const library = (await import(packageName)) as typeof import('../src/index.js');
  const storyline = library.createStoryline();
  const documents: import('../src/index.js').SourceDocument[] = [];
  for await (const outcome of library.readInputs([resourcePath('examples', '2024-10-15-canada-india-expulsions.txt'), resourcePath('examples', 'no-such-file.txt')])) {
    if (outcome.ok) documents.push(outcome.document);
    else assert.match(outcome.failure.reason, /no such file|not found|does not exist/i);
  }
  assert.equal(documents.length, 1);
  const analysis = storyline.analyze(documents[0]);
  assert.equal(analysis.schema, library.ANALYSIS_SCHEMA_ID);
  assert.deepEqual(library.schemaErrors(analysis), []);
  assert.deepEqual(library.spanErrors(analysis), []);
  assert.ok(analysis.events.some((event) => event.cameo.startsWith('16')), 'the expulsion is coded as a reduction of relations');
  const story = library.compareAnalyses([analysis, analysis], storyline.kb);
  assert.deepEqual(library.storySchemaErrors(story), []);
  assert.equal(story.documents.length, 2);
  assert.match(library.renderStory(story, 'md'), /Canada/);
});
