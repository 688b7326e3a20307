/** The learned attribution finder: the relation filter, trained on a PolNeAR train slice, raises source precision on dev. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedPath } from '../../src/paths.js';
import { saveAttributionModel, trainAttributionModel } from '../../src/extraction/attribution-model.js';
import { annotateLanguage, loadLanguageModels } from '../../src/language/index.js';
import { attributionEval } from '../../src/eval/attribution.js';

interface PartFigures {
  precision: number;
  recall: number;
  f1: number;
}

test('the relation filter keeps source recall useful while raising precision over the bare tagger', async () => {
  const models = loadLanguageModels();
  const model = trainAttributionModel({
    data: sharedPath('corpora', 'polnear', 'train'),
    annotate: (text, structure) => annotateLanguage(models, text, structure),
    iterations: 4,
    limit: 60,
  });
  assert.ok(model.relationFilter, 'a filter is trained by default');
  const dir = mkdtempSync(path.join(tmpdir(), 'storyline-attribution-'));
  try {
    const filtered = path.join(dir, 'filtered.bin.gz');
    const bare = path.join(dir, 'bare.bin.gz');
    saveAttributionModel(model, filtered);
    saveAttributionModel({ perceptron: model.perceptron, relationFilter: null }, bare);
    const dev = sharedPath('corpora', 'polnear', 'dev');
    const withFilter = (await attributionEval.run({ data: dev, model: filtered, limit: 15 })).json.source as PartFigures;
    const without = (await attributionEval.run({ data: dev, model: bare, limit: 15 })).json.source as PartFigures;
    assert.ok(withFilter.precision > without.precision, `precision ${withFilter.precision} with the filter, ${without.precision} without`);
    assert.ok(withFilter.f1 > 0.55, `source F1 ${withFilter.f1}`);
    assert.ok(withFilter.recall > 0.45, `source recall ${withFilter.recall}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
