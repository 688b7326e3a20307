/**
 * The merge and no-merge rules of cross-document linking and the event-level discrepancies, on
 * hand-built analyses (own sentences) so each rule is tested on exactly the facts it reads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareAnalyses } from '../../src/linking/story.js';
import { loadKnowledgeBase } from '../../src/knowledge/index.js';
import type { Story, StoryEvent } from '../../src/contract/story.js';
import { storySchemaErrors, storySpanErrors } from '../../src/contract/validate.js';
import type { Analysis } from '../../src/contract/types.js';
import { syntheticAnalysis } from './synthetic.js';

const kb = loadKnowledgeBase();

const leaders = [
  { id: 'e1', name: 'Armenia', code: 'ARMGOV', kb: 'country:ARM' },
  { id: 'e2', name: 'Azerbaijan', code: 'AZEGOV', kb: 'country:AZE' },
];

function eventsOf(story: Story, documentId: string): StoryEvent[] {
  return story.events.filter((event) => event.documents.includes(documentId));
}

function valid(story: Story, analyses: Analysis[]): void {
  assert.deepEqual(storySchemaErrors(story), []);
  const texts = new Map(analyses.map((analysis) => [analysis.document.id, analysis.document.text]));
  assert.deepEqual(storySpanErrors(story, (id) => texts.get(id)), []);
}

test('a short name joins the one longer name of the same type; an ambiguous one stays apart', () => {
  const one = syntheticAnalysis('d1', 'Donald Trump spoke. Ivanka Trump listened.', [
    { id: 'e1', name: 'Donald Trump', type: 'PERSON' },
    { id: 'e2', name: 'Ivanka Trump', type: 'PERSON' },
  ], []);
  const two = syntheticAnalysis('d2', 'Donald Trump spoke again.', [{ id: 'e1', name: 'Donald Trump', type: 'PERSON' }], []);
  const three = syntheticAnalysis('d3', 'Trump arrived. Harris left.', [
    { id: 'e1', name: 'Trump', type: 'PERSON' },
    { id: 'e2', name: 'Harris', type: 'PERSON' },
  ], []);
  const story = compareAnalyses([two, three], kb);
  const donald = story.entities.find((entity) => entity.name === 'Donald Trump');
  assert.deepEqual(donald?.documents, ['d2', 'd3']);
  const ambiguous = compareAnalyses([one, three], kb);
  assert.equal(ambiguous.entities.find((entity) => entity.name === 'Trump')?.documents.length, 1, 'Trump could be Donald or Ivanka');
});

test('a meeting in a capital and talks in its country the same month are one event; another country is another', () => {
  const capital = syntheticAnalysis('d1', 'The two leaders met in Abu Dhabi on July 9.', [...leaders, { id: 'e3', name: 'Abu Dhabi' }], [
    { id: 'v1', trigger: 'met', cameo: '040', source: ['e1', 'e2'], time: '2025-07-09', place: 'e3' },
  ]);
  const country = syntheticAnalysis('d2', 'The rivals held talks in the United Arab Emirates last month.', [...leaders, { id: 'e3', name: 'United Arab Emirates', kb: 'country:ARE', code: 'ARE' }], [
    { id: 'v1', trigger: 'talks', cameo: '046', source: ['e1', 'e2'], time: '2025-07', place: 'e3' },
  ]);
  const elsewhere = syntheticAnalysis('d3', 'The rivals also met in Paris in July.', [...leaders, { id: 'e3', name: 'Paris' }], [
    { id: 'v1', trigger: 'met', cameo: '040', source: ['e1', 'e2'], time: '2025-07', place: 'e3' },
  ]);
  const analyses = [capital, country, elsewhere];
  const story = compareAnalyses(analyses, kb);
  valid(story, analyses);
  const shared = story.events.filter((event) => event.documents.length > 1);
  assert.equal(shared.length, 1);
  assert.deepEqual(shared[0].documents, ['d1', 'd2']);
  assert.equal(shared[0].time, '2025-07-09', 'the merged time is the most precise one');
  assert.equal(shared[0].place.country, 'ARE');
  assert.equal(eventsOf(story, 'd3').length, 1);
  assert.deepEqual(eventsOf(story, 'd3')[0].documents, ['d3']);
});

test('an agreement drafted in March and one signed in August are two events; other actors are another event', () => {
  const draft = syntheticAnalysis('d1', 'The two sides agreed on a draft in March.', leaders, [{ id: 'v1', trigger: 'agreed', cameo: '030', plover: 'AGREE', source: ['e1', 'e2'], time: '2025-03' }]);
  const signing = syntheticAnalysis('d2', 'The two sides signed the accord on August 8. Peru and Chile signed a deal the same day.', [
    ...leaders,
    { id: 'e3', name: 'Peru', code: 'PER' },
    { id: 'e4', name: 'Chile', code: 'CHL' },
  ], [
    { id: 'v1', trigger: 'signed the accord', cameo: '057', source: ['e1', 'e2'], time: '2025-08-08' },
    { id: 'v2', trigger: 'signed a deal', cameo: '057', source: ['e3', 'e4'], time: '2025-08-08' },
  ]);
  const later = syntheticAnalysis('d3', 'On August 8 the leaders signed a peace accord.', leaders, [{ id: 'v1', trigger: 'signed', cameo: '057', source: ['e1', 'e2'], time: '2025-08-08' }]);
  const story = compareAnalyses([draft, signing, later], kb);
  const byReport = (document: string, event: string): StoryEvent | undefined => story.events.find((candidate) => candidate.reports.some((report) => report.document === document && report.event === event));
  assert.notEqual(byReport('d1', 'v1'), byReport('d2', 'v1'), 'March draft and August signing stay apart');
  assert.equal(byReport('d2', 'v1'), byReport('d3', 'v1'), 'the August signing merges across documents');
  assert.notEqual(byReport('d2', 'v2'), byReport('d3', 'v1'), 'a signing by other actors is another event');
});

test('an undated mention joins a nearby dated one in its own text, not a distant one', () => {
  const filler = ' Markets were calm and the weather was mild across the region for most of the week.'.repeat(6);
  const text = `The leaders met in Geneva on July 9. They held talks for hours.${filler} The leaders met again, officials said.`;
  const analysis = syntheticAnalysis('d1', text, [...leaders, { id: 'e3', name: 'Geneva' }], [
    { id: 'v1', trigger: 'met in Geneva', cameo: '040', source: ['e1', 'e2'], time: '2025-07-09', place: 'e3' },
    { id: 'v2', trigger: 'held talks', cameo: '046', source: ['e1', 'e2'] },
    { id: 'v3', trigger: 'met again', cameo: '040', source: ['e1', 'e2'] },
  ]);
  const story = compareAnalyses([analysis], kb);
  const ofReport = (event: string): StoryEvent | undefined => story.events.find((candidate) => candidate.reports.some((report) => report.event === event));
  assert.equal(ofReport('v1'), ofReport('v2'));
  assert.notEqual(ofReport('v1'), ofReport('v3'));
});

test('reports that differ by a day, a place or an actor merge and are flagged', () => {
  const first = syntheticAnalysis('d1', 'Russia struck the port of Odesa on July 9. Leaders met in Geneva on July 9.', [
    { id: 'e1', name: 'Russia', code: 'RUS' },
    { id: 'e2', name: 'Odesa', code: 'UKR' },
    { id: 'e3', name: 'Geneva' },
    ...leaders.map((leader) => ({ ...leader, id: `l${leader.id}` })),
  ], [
    { id: 'v1', trigger: 'struck', cameo: '190', source: ['e1'], target: ['e2'], time: '2025-07-09' },
    { id: 'v2', trigger: 'met', cameo: '040', source: ['le1', 'le2'], time: '2025-07-09', place: 'e3' },
  ]);
  const second = syntheticAnalysis('d2', 'Ukraine struck a Russian ship near Odesa on July 10. Leaders met in Vienna on July 9.', [
    { id: 'e1', name: 'Ukraine', code: 'UKR' },
    { id: 'e2', name: 'Russian', code: 'RUS' },
    { id: 'e3', name: 'Vienna' },
    ...leaders.map((leader) => ({ ...leader, id: `l${leader.id}` })),
  ], [
    { id: 'v1', trigger: 'struck', cameo: '190', source: ['e1'], target: ['e2'], time: '2025-07-10' },
    { id: 'v2', trigger: 'met', cameo: '040', source: ['le1', 'le2'], time: '2025-07-09', place: 'e3' },
  ]);
  const analyses = [first, second];
  const story = compareAnalyses(analyses, kb);
  valid(story, analyses);
  assert.equal(story.events.length, 2, 'both pairs merge');
  const kinds = story.discrepancies.map((discrepancy) => discrepancy.kind).sort();
  assert.deepEqual(kinds, ['actor', 'date', 'place']);
  const date = story.discrepancies.find((discrepancy) => discrepancy.kind === 'date')!;
  assert.deepEqual(date.claims.map((claim) => claim.value).sort(), ['2025-07-09', '2025-07-10']);
  const place = story.discrepancies.find((discrepancy) => discrepancy.kind === 'place')!;
  assert.deepEqual(place.claims.map((claim) => claim.text).sort(), ['Geneva', 'Vienna']);
});

test('the same meeting a week apart in two texts is two events', () => {
  const one = syntheticAnalysis('d1', 'The leaders met on July 2.', leaders, [{ id: 'v1', trigger: 'met', cameo: '040', source: ['e1', 'e2'], time: '2025-07-02' }]);
  const two = syntheticAnalysis('d2', 'The leaders met on July 16.', leaders, [{ id: 'v1', trigger: 'met', cameo: '040', source: ['e1', 'e2'], time: '2025-07-16' }]);
  const story = compareAnalyses([one, two], kb);
  assert.equal(story.events.length, 2);
  assert.equal(story.discrepancies.length, 0);
});

test('two towns of one country are a place discrepancy; a building and its city, or a town and its region, are not', () => {
  const meeting = (id: string, text: string, place: { name: string; type?: 'GPE' | 'FAC' | 'LOC' }): Analysis =>
    syntheticAnalysis(id, text, [...leaders, { id: 'e3', ...place }], [{ id: 'v1', trigger: 'met', cameo: '040', source: ['e1', 'e2'], time: '2025-12-08', place: 'e3' }]);
  const geneva = meeting('d1', 'The ministers met in Geneva on Monday.', { name: 'Geneva' });
  const lausanne = meeting('d2', 'The ministers met in Lausanne on Monday.', { name: 'Lausanne' });
  const villa = meeting('d3', 'The ministers met at the Villa Rosa on Monday.', { name: 'Villa Rosa', type: 'FAC' });
  const towns = compareAnalyses([geneva, lausanne], kb);
  valid(towns, [geneva, lausanne]);
  const place = towns.discrepancies.find((discrepancy) => discrepancy.kind === 'place');
  assert.deepEqual(place?.claims.map((claim) => claim.text).sort(), ['Geneva', 'Lausanne']);
  assert.equal(compareAnalyses([geneva, villa], kb).discrepancies.filter((discrepancy) => discrepancy.kind === 'place').length, 0);
  const region = meeting('d4', 'The ministers met in Greater Geneva on Monday.', { name: 'Greater Geneva' });
  assert.equal(compareAnalyses([geneva, region], kb).discrepancies.filter((discrepancy) => discrepancy.kind === 'place').length, 0);
});

test('the two halves of an exchange stay two events in every text, with no actor discrepancy', () => {
  const exchange = (id: string, text: string): Analysis =>
    syntheticAnalysis(id, text, leaders, [
      { id: 'v1', trigger: 'Azerbaijan freed', cameo: '0841', source: ['e2'], target: ['e1'], time: '2025-11-19' },
      { id: 'v2', trigger: 'Armenia freed', cameo: '0841', source: ['e1'], target: ['e2'], time: '2025-11-19' },
    ]);
  const analyses = [
    exchange('d1', 'Azerbaijan freed 12 Armenians on Wednesday. Armenia freed two Azerbaijanis on Wednesday.'),
    exchange('d2', 'Armenia freed two Azerbaijanis on Wednesday. Azerbaijan freed 12 Armenians on Wednesday.'),
  ];
  const story = compareAnalyses(analyses, kb);
  valid(story, analyses);
  assert.equal(story.events.length, 2);
  for (const event of story.events) assert.deepEqual(event.documents.sort(), ['d1', 'd2']);
  assert.deepEqual(story.discrepancies.filter((discrepancy) => discrepancy.kind === 'actor'), []);
});
