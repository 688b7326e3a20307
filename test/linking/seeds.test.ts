/**
 * `compareAnalyses` on the two seed articles (read from ../shared at run time, published 2025-08-07):
 * the accounts of the Friday summit and of the July talks merge, the March text and the August
 * events stay apart, the 100,000 wording is a number discrepancy, the 'last met in May' claim is an
 * internal one, and the memorandum and the Russia rift belong to the first article alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedPath } from '../../src/paths.js';
import { createStoryline } from '../../src/pipeline.js';
import { compareAnalyses } from '../../src/linking/story.js';
import { storySchemaErrors, storySpanErrors } from '../../src/contract/validate.js';
import type { Analysis } from '../../src/contract/types.js';
import type { StoryEvent } from '../../src/contract/story.js';

const FILES = ['000_e6b9d41a665ebffb.txt', '002_07fddadd5ebe1183.txt'];
const storyline = createStoryline();
const analyses: Analysis[] = FILES.map((file) =>
  storyline.analyze({ source: file, text: readFileSync(sharedPath('seeds', file), 'utf8'), title: null, outlet: null, author: null, agency: null, url: null, published: '2025-08-07', published_source: 'given' }),
);
const [afp, preview] = analyses.map((analysis) => analysis.document.id);
const story = compareAnalyses(analyses, storyline.kb);

function bothReport(event: StoryEvent): boolean {
  return event.documents.includes(afp) && event.documents.includes(preview);
}

/** The story events with a report inside the sentence of `document` that contains `needle`. */
function eventsInSentenceOf(analysis: Analysis, needle: string): StoryEvent[] {
  const at = analysis.document.text.indexOf(needle);
  const sentence = analysis.sentences.find((candidate) => candidate.start <= at && candidate.end > at)!;
  return story.events.filter((event) =>
    event.reports.some((report) => report.document === analysis.document.id && report.trigger.start >= sentence.start && report.trigger.end <= sentence.end),
  );
}

test('the seed story is valid storyline.story/1', () => {
  assert.deepEqual(storySchemaErrors(story), []);
  const texts = new Map(analyses.map((analysis) => [analysis.document.id, analysis.document.text]));
  assert.deepEqual(storySpanErrors(story, (id) => texts.get(id)), []);
});

test('the two accounts of the Friday summit (each article\'s opening sentence) merge', () => {
  const afpOpening = new Set(eventsInSentenceOf(analyses[0], 'White House').filter((event) => event.root === '04'));
  const previewOpening = eventsInSentenceOf(analyses[1], 'White House').filter((event) => event.root === '04');
  assert.ok(previewOpening.some((event) => afpOpening.has(event) && bothReport(event)));
});

test('the July talks (UAE last month / Abu Dhabi in July) merge', () => {
  const july = story.events.filter((event) => event.root === '04' && event.time?.startsWith('2025-07') && bothReport(event));
  assert.equal(july.length, 1);
  assert.equal(july[0].place.country, 'ARE');
});

test('the March text and the August events stay apart', () => {
  for (const event of story.events) {
    const times = event.reports.map((report) => report.time).filter((time): time is string => time !== null);
    assert.ok(!(times.some((time) => time.startsWith('2025-03')) && times.some((time) => time.startsWith('2025-08'))), `${event.id} mixes March and August`);
  }
});

test('"more than 100,000" against "an estimated 100,000" is a number discrepancy, a hedged one', () => {
  const number = story.discrepancies.find((discrepancy) => discrepancy.kind === 'number' && discrepancy.claims.some((claim) => claim.text.includes('100,000')));
  assert.ok(number);
  assert.deepEqual(number.claims.map((claim) => claim.value).sort(), ['about 100000', 'more than 100000']);
  assert.equal(number.hedged, true);
  const firm = story.discrepancies.filter((discrepancy) => discrepancy.kind === 'number' && discrepancy !== number);
  assert.ok(firm.every((discrepancy) => discrepancy.hedged === undefined));
  assert.deepEqual(new Set(number.claims.map((claim) => claim.document)), new Set([afp, preview]));
});

test('"last met in May" inside the AFP text contradicts its July meeting', () => {
  const internal = story.discrepancies.filter((discrepancy) => discrepancy.kind === 'internal');
  assert.equal(internal.length, 1);
  const [claim, later] = internal[0].claims;
  assert.equal(claim.document, afp);
  assert.equal(claim.value, '2025-05');
  assert.ok(String(later.value).startsWith('2025-07'));
});

test('the ExxonMobil–SOCAR memorandum and the Russia rift are reported by the AFP article alone', () => {
  const exclusive = new Set(story.exclusive.find((entry) => entry.document === afp)!.events);
  const memorandum = eventsInSentenceOf(analyses[0], 'ExxonMobil');
  assert.ok(memorandum.length > 0);
  assert.ok(memorandum.every((event) => exclusive.has(event.id)));
  const rift = story.events.filter((event) => {
    const codes = [...event.source_actors, ...event.target_actors];
    return event.documents.includes(afp) && codes.some((code) => code.startsWith('RUS')) && codes.some((code) => code.startsWith('AZE'));
  });
  assert.ok(rift.length >= 3);
  assert.ok(rift.every((event) => exclusive.has(event.id)));
});
