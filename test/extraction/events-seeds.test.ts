// Events on the two seed articles (read from ../shared at run time, published 2025-08-07), through
// the whole pipeline: text, language (when the shipped models load), entities with the KB, times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Entity, EventOut } from '../../src/contract/types.js';
import { extractEntities } from '../../src/extraction/entities.js';
import { extractEvents } from '../../src/extraction/events.js';
import { extractTimes } from '../../src/extraction/times.js';
import type { AnalysisContext } from '../../src/extraction/types.js';
import { loadKnowledgeBase } from '../../src/knowledge/index.js';
import { annotateLanguage, loadLanguageModels } from '../../src/language/index.js';
import type { LanguageModels } from '../../src/language/index.js';
import { sharedPath } from '../../src/paths.js';
import { structureText } from '../../src/text/index.js';

function loadModels(): LanguageModels | null {
  try {
    return loadLanguageModels();
  } catch {
    return null;
  }
}

const models = loadModels();
const kb = loadKnowledgeBase();

function analyse(file: string): { events: EventOut[]; entities: Entity[] } {
  const text = readFileSync(sharedPath('seeds', file), 'utf8');
  const structure = structureText(text);
  const ctx: AnalysisContext = {
    document: { id: file, title: null, outlet: null, agency: null, author: null, url: null, published: '2025-08-07', published_source: 'given', language: 'en', text },
    text,
    structure,
    language: models ? annotateLanguage(models, text, structure) : null,
  };
  const entities = extractEntities(ctx, kb);
  return { events: extractEvents(ctx, { entities, times: extractTimes(ctx), quotes: [] }), entities };
}

const countries = (codes: string[]): string[] => codes.map((code) => code.slice(0, 3));

const first = analyse('000_e6b9d41a665ebffb.txt');

test('the White House summit: a planned CONSULT event of the USA with Armenia and Azerbaijan on 2025-08-08, announced by Trump', () => {
  const summit = first.events.find(
    (event) =>
      event.plover === 'CONSULT' &&
      countries(event.source_actors).includes('USA') &&
      countries(event.target_actors).includes('ARM') &&
      countries(event.target_actors).includes('AZE'),
  );
  assert.ok(summit, 'summit event');
  assert.equal(summit.status, 'planned');
  assert.equal(summit.when.value, '2025-08-08');
  const announced = first.events.find((event) => event.plover === 'CONSULT' && event.status === 'planned' && event.attribution?.cue === 'announced');
  assert.ok(announced, 'the attendance Trump announced');
  const speaker = first.entities.find((entity) => entity.id === announced.attribution?.speaker);
  assert.match(speaker?.name ?? '', /Trump/);
});

test('the raid on Sputnik in Baku: COERCE by Azerbaijani police against Russian media', () => {
  const raid = first.events.find((event) => event.trigger.text === 'raided');
  assert.ok(raid);
  assert.equal(raid.plover, 'COERCE');
  assert.ok(raid.source_actors.some((code) => code.startsWith('AZE') && code.includes('COP')), raid.source_actors.join());
  assert.ok(raid.target_actors.includes('RUSMED'), raid.target_actors.join());
});

test("Aliyev's demand for an apology: a REQUEST-family event of Azerbaijan against Russia", () => {
  const triggerStart = readFileSync(sharedPath('seeds', '000_e6b9d41a665ebffb.txt'), 'utf8').indexOf('demanded an apology');
  const demand = first.events.find((event) => event.trigger.start === triggerStart);
  assert.ok(demand);
  assert.equal(demand.plover, 'REQUEST');
  assert.ok(countries(demand.source_actors).includes('AZE'));
  assert.ok(countries(demand.target_actors).includes('RUS'));
});

test('the plane hit by Russian air defences is hedged as widely reported', () => {
  const hit = first.events.find((event) => event.trigger.text === 'hit');
  assert.ok(hit);
  assert.equal(hit.hedge, 'widely reported');
  assert.equal(hit.root, '19');
});

test('the preview article: the host event is planned and every event points into the text', () => {
  const second = analyse('002_07fddadd5ebe1183.txt');
  const host = second.events.find((event) => event.trigger.text === 'host');
  assert.ok(host);
  assert.equal(host.status, 'planned');
  assert.ok(countries(host.target_actors).includes('ARM') && countries(host.target_actors).includes('AZE'));
  const text = readFileSync(sharedPath('seeds', '002_07fddadd5ebe1183.txt'), 'utf8');
  for (const event of second.events) {
    assert.equal(text.slice(event.trigger.start, event.trigger.end), event.trigger.text);
    assert.ok(event.evidence.start <= event.trigger.start && event.trigger.end <= event.evidence.end);
    assert.match(event.id, /^v\d+$/);
  }
});
