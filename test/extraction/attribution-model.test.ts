/**
 * The learned attribution finder: the relation filter, trained on a PolNeAR train slice, raises
 * source precision on dev; the shipped tagger finds the cue and source around a long quotation and
 * never inside it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedPath } from '../../src/paths.js';
import { loadAttributionModel, modelCueFinder, saveAttributionModel, trainAttributionModel } from '../../src/extraction/attribution-model.js';
import { DocumentView } from '../../src/extraction/quotes.js';
import { structureText } from '../../src/text/index.js';
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

test('the shipped tagger finds the cue and source after a long quotation, and nothing inside it', () => {
  const text =
    '“We will reopen the northern crossing for trucks carrying grain and medicine next month,” the transport minister said on Tuesday.';
  const structure = structureText(text);
  const models = loadLanguageModels();
  const model = loadAttributionModel();
  assert.ok(model, 'the attribution model ships');
  const view = new DocumentView({
    document: { id: 't', title: null, outlet: null, agency: null, author: null, url: null, published: '2025-03-04', published_source: 'given', language: 'en', text },
    text,
    structure,
    language: annotateLanguage(models, text, structure),
  });
  const sentence = { from: structure.sentences[0].tokenStart, to: structure.sentences[0].tokenEnd };
  const closing = structure.tokens.findIndex((token) => token.text === '”');
  const words = (span: [number, number]): string => structure.tokens.slice(span[0], span[1]).map((token) => token.text).join(' ');
  const matches = modelCueFinder(model)(view, sentence);
  assert.ok(matches.some((match) => words(match.cue) === 'said' && match.source !== null && words(match.source).endsWith('minister')), JSON.stringify(matches.map((match) => [words(match.cue), match.source && words(match.source)])));
  for (const match of matches) {
    assert.ok(match.cue[0] > closing, `cue "${words(match.cue)}" inside the quotation`);
    if (match.source) assert.ok(match.source[0] > closing, `source "${words(match.source)}" inside the quotation`);
  }
});
