/**
 * `compareAnalyses` end to end on three short articles written for this test (three outlets, one
 * story): the pipeline analyses them, then the meeting must merge across all three and the story must
 * show the date, number, modality and internal discrepancies they were written to contain.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStoryline } from '../../src/pipeline.js';
import { compareAnalyses } from '../../src/linking/story.js';
import { renderStory } from '../../src/linking/render.js';
import { storySchemaErrors, storySpanErrors } from '../../src/contract/validate.js';
import type { SourceDocument } from '../../src/input/types.js';

function article(source: string, outlet: string, published: string, text: string): SourceDocument {
  return { source, text, title: `Report from ${outlet}`, outlet, author: null, agency: null, url: null, published, published_source: 'given' };
}

const harbour = article(
  'harbour.txt',
  'Harbour <Times>',
  '2025-03-14',
  [
    'Brazilian President Luiz Inácio Lula da Silva and Argentine President Javier Milei met in Montevideo on March 10 to settle a dispute over beef tariffs.',
    'Lula and Milei will sign a border agreement in April, officials said.',
    'Floods displaced more than 20,000 families in southern Brazil last week, the civil defence agency said.',
    'Lula and Milei last met in January in Brasilia.',
  ].join('\n'),
);
const coastal = article(
  'coastal.txt',
  'Coastal Daily',
  '2025-03-14',
  [
    'Lula and Milei held talks in Montevideo on March 11, according to their offices.',
    'It remains unclear whether Brazil and Argentina might sign a border agreement in April.',
    'Floods displaced about 15,000 families in southern Brazil last week, according to local officials.',
  ].join('\n'),
);
const river = article(
  'river.txt',
  'River Post',
  '2025-03-15',
  ['The presidents of Brazil and Argentina met in Uruguay in March, their third encounter this year.', 'In 2019 Brazil and Argentina signed a fisheries pact that is still in force.'].join('\n'),
);

const storyline = createStoryline();

/** The story of several articles of ours, analysed by the pipeline. */
function compareSources(sources: readonly SourceDocument[]) {
  return compareAnalyses(sources.map((source) => storyline.analyze(source)), storyline.kb);
}

/** The one discrepancy of a kind the story must show. */
function discrepancyOf(compared: ReturnType<typeof compareAnalyses>, kind: string) {
  const found = compared.discrepancies.find((discrepancy) => discrepancy.kind === kind);
  assert.ok(found, JSON.stringify(compared.discrepancies.map((discrepancy) => discrepancy.note)));
  return found;
}
const analyses = [harbour, coastal, river].map((source) => storyline.analyze(source));
const story = compareAnalyses(analyses, storyline.kb);
const [harbourId, coastalId, riverId] = analyses.map((analysis) => analysis.document.id);

test('the story validates against storyline.story/1 and every span matches its document', () => {
  assert.deepEqual(storySchemaErrors(story), []);
  const texts = new Map(analyses.map((analysis) => [analysis.document.id, analysis.document.text]));
  assert.deepEqual(storySpanErrors(story, (id) => texts.get(id)), []);
  assert.deepEqual(story.documents.map((document) => document.outlet), ['Harbour <Times>', 'Coastal Daily', 'River Post']);
});

test('the March meeting merges across the three outlets; the January one and the 2019 pact stay apart', () => {
  const meeting = story.events.find((event) => event.root === '04' && event.documents.length === 3);
  assert.ok(meeting, 'one meeting reported by all three');
  assert.ok(meeting.time?.startsWith('2025-03'));
  assert.equal(meeting.place.country, 'URY');
  const january = story.events.filter((event) => event.time === '2025-01');
  assert.ok(january.length > 0 && january.every((event) => event.documents.length === 1));
  const pact = story.events.find((event) => event.time === '2019');
  assert.deepEqual(pact?.documents, [riverId]);
  assert.ok(story.exclusive.find((entry) => entry.document === riverId)?.events.includes(pact!.id));
});

test('the one-day difference is a date discrepancy on the merged meeting', () => {
  const date = story.discrepancies.find((discrepancy) => discrepancy.kind === 'date');
  assert.ok(date, 'a date discrepancy');
  assert.deepEqual(date.claims.map((claim) => claim.value).sort(), ['2025-03-10', '2025-03-11']);
  assert.deepEqual(date.claims.map((claim) => claim.document).sort(), [harbourId, coastalId].sort());
});

test('"will sign" against "unclear whether they might sign" is a modality discrepancy', () => {
  const modality = story.discrepancies.find((discrepancy) => discrepancy.kind === 'modality');
  assert.ok(modality, 'a modality discrepancy');
  const event = story.events.find((candidate) => candidate.id === modality.event);
  assert.equal(event?.time, '2025-04');
  assert.deepEqual(modality.claims.map((claim) => claim.value).sort(), ['planned', 'possible']);
});

test('the displaced families are a number discrepancy', () => {
  const number = story.discrepancies.find((discrepancy) => discrepancy.kind === 'number');
  assert.ok(number, 'a number discrepancy');
  assert.deepEqual(number.claims.map((claim) => claim.value).sort(), ['about 15000', 'more than 20000']);
  assert.ok(number.claims.every((claim) => claim.text.includes('families')));
  assert.equal(number.hedged, undefined, 'no figure fits both: a firm difference');
});

test('"last met in January" in a text that reports a March meeting is an internal discrepancy', () => {
  const internal = story.discrepancies.filter((discrepancy) => discrepancy.kind === 'internal');
  assert.equal(internal.length, 1);
  assert.ok(internal[0].claims.every((claim) => claim.document === harbourId));
  assert.deepEqual(internal[0].claims.map((claim) => claim.value), ['2025-01', '2025-03-10']);
});

test('the brief lists the timeline and disagreements, and the HTML page escapes text', () => {
  const text = renderStory(story);
  assert.match(text, /Timeline/);
  assert.match(text, /date: /);
  assert.match(text, /Harbour <Times>/);
  const html = renderStory(story, 'html');
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /Harbour &lt;Times&gt;/);
  assert.doesNotMatch(html, /<Times>/);
  assert.match(renderStory(story, 'md'), /^# Story brief/);
});

test('a quote with no speaker entity keeps the words naming its source, and the brief shows them', () => {
  const quote = story.quotes.find((item) => item.speaker === null && item.reports.some((report) => report.text.includes('border agreement')));
  assert.ok(quote, JSON.stringify(story.quotes.map((item) => [item.speaker_name, item.reports[0].source, item.reports[0].text])));
  assert.equal(quote.reports[0].source, 'officials');
  assert.match(renderStory(story), /\(officials\) "Lula and Milei will sign a border agreement/);
});

test('the same quoted words given to different speakers by two articles are a speaker discrepancy', () => {
  const first = article('a.txt', 'North Wire', '2025-03-14', 'Chilean President Gabriel Boric spoke in Santiago on Monday. "We will never accept a wall on our border," Boric told reporters.');
  const second = article('b.txt', 'South Post', '2025-03-14', 'Chilean Foreign Minister Alberto van Klaveren spoke in Santiago on Monday. "We will never accept a wall on our border," van Klaveren said.');
  const pair = [first, second].map((source) => storyline.analyze(source));
  const compared = compareAnalyses(pair, storyline.kb);
  const speaker = compared.discrepancies.filter((discrepancy) => discrepancy.kind === 'speaker');
  assert.equal(speaker.length, 1, JSON.stringify(compared.quotes.map((quote) => [quote.speaker_name, quote.reports[0].text])));
  assert.deepEqual(speaker[0].claims.map((claim) => claim.document), pair.map((analysis) => analysis.document.id));
  for (const claim of speaker[0].claims) assert.match(claim.text, /never accept a wall/);
  assert.deepEqual(storySchemaErrors(compared), []);
  // The same speaker in both is one story quote and no discrepancy.
  const again = compareAnalyses([first, article('c.txt', 'East Daily', '2025-03-15', '"We will never accept a wall on our border," Boric said on Monday.')].map((source) => storyline.analyze(source)), storyline.kb);
  assert.equal(again.discrepancies.filter((discrepancy) => discrepancy.kind === 'speaker').length, 0);
});

test('counts of the same head noun are compared across modifiers, unless the modifiers contradict', () => {
  const first = article('post-a.txt', 'Post A', '2025-03-12', 'Chile’s army said on Tuesday that Peruvian troops had fired on its border posts overnight, wounding one Chilean soldier.');
  const second = article('post-b.txt', 'Post B', '2025-03-12', 'Chile’s army accused Peru on Tuesday of firing on its border posts overnight, saying two of its soldiers were wounded.');
  const same = compareAnalyses([first, second].map((source) => storyline.analyze(source)), storyline.kb);
  const number = same.discrepancies.find((discrepancy) => discrepancy.kind === 'number');
  assert.ok(number, JSON.stringify(same.discrepancies.map((discrepancy) => discrepancy.note)));
  assert.deepEqual(number.claims.map((claim) => claim.value).sort(), ['1', '2']);
  const other = article('post-c.txt', 'Post C', '2025-03-12', 'Chile’s army said on Tuesday that fire on its border posts overnight had wounded three Peruvian soldiers.');
  const third = article('post-d.txt', 'Post D', '2025-03-12', 'Chile’s army said on Tuesday that fire on its border posts overnight had wounded five Chilean soldiers.');
  const different = compareAnalyses([other, third].map((source) => storyline.analyze(source)), storyline.kb);
  assert.equal(different.discrepancies.filter((discrepancy) => discrepancy.kind === 'number').length, 0);
});

test('nationals and citizens are counted alike: "eight Bolivian citizens" and "nine Bolivian nationals" disagree', () => {
  const first = article('wire-a.txt', 'Wire A', '2025-07-01', 'A court in Lima on Tuesday ordered eight Bolivian citizens held in pre-trial detention on smuggling charges, the interior ministry said.');
  const second = article('wire-b.txt', 'Wire B', '2025-07-01', 'Bolivia protested on Tuesday after a court in Lima ordered nine Bolivian nationals held in pre-trial detention on smuggling charges.');
  const number = discrepancyOf(compareSources([first, second]), 'number');
  assert.deepEqual(number.claims.map((claim) => claim.value).sort(), ['8', '9']);
});

test('a verdict told on another day by another outlet is one event with a date disagreement, its court the actor', () => {
  const first = article('verdict-a.txt', 'Wire A', '2025-09-29', 'LIMA, Sept 29 - A military court in Lima on Monday sentenced former rebel commander Pedro Vargas to life in prison after a closed trial.');
  const second = article('verdict-b.txt', 'Site B', '2025-09-29', 'A military court in the Peruvian capital on Sunday sentenced former rebel commander Pedro Vargas and 14 other former officials to life in prison.');
  const analyses = [first, second].map((source) => storyline.analyze(source));
  const court = analyses[0].entities.find((entity) => entity.name === 'A military court');
  assert.equal(court?.actor?.code, 'PERJUD', JSON.stringify(analyses[0].entities.map((entity) => [entity.name, entity.actor?.code])));
  const date = discrepancyOf(compareAnalyses(analyses, storyline.kb), 'date');
  assert.deepEqual(date.claims.map((claim) => claim.value).sort(), ['2025-09-28', '2025-09-29']);
});

test('a text that counts one thing twice, differently, contradicts itself; shares and sums of money do not', () => {
  const self = article('self.txt', 'Site C', '2025-07-01', 'Police in Lima detained eight Bolivian citizens on Sunday on smuggling charges. By Monday, police in Lima said ten Bolivian citizens had been detained on the smuggling charges. Polls show 38% of voters back the plan while 41% oppose it.');
  const other = article('other.txt', 'Wire D', '2025-07-01', 'Bolivia said on Monday it would send a consul to Lima.');
  const compared = compareSources([self, other]);
  const internal = compared.discrepancies.filter((discrepancy) => discrepancy.kind === 'internal');
  assert.equal(internal.length, 1, JSON.stringify(compared.discrepancies.map((discrepancy) => discrepancy.note)));
  assert.deepEqual(internal[0].claims.map((claim) => claim.value).sort(), ['10', '8']);
  assert.ok(internal[0].claims.every((claim) => claim.text.includes('Bolivian citizens')));
  assert.equal(new Set(internal[0].claims.map((claim) => claim.document)).size, 1);
});

test('durations of one thing are compared like counts; a text at odds with itself is internal even when other texts count the same thing', () => {
  const first = article('talks-a.txt', 'Wire A', '2025-09-13', 'The Chilean and Peruvian envoys talked for three hours at the Tacna border post on Friday. Police in Tacna detained eight Bolivian citizens on smuggling charges on Friday. By Saturday, police in Tacna said ten Bolivian citizens had been detained on smuggling charges.');
  const second = article('talks-b.txt', 'Wire B', '2025-09-13', 'The Chilean and Peruvian envoys talked for two hours at the Tacna border post on Friday. Police in Tacna detained nine Bolivian citizens on smuggling charges, a court said.');
  const compared = compareSources([first, second]);
  const notes = JSON.stringify(compared.discrepancies.map((discrepancy) => discrepancy.note));
  const hours = compared.discrepancies.filter((discrepancy) => discrepancy.kind === 'number' && discrepancy.note.includes('hours'));
  assert.equal(hours.length, 1, notes);
  assert.deepEqual(hours[0].claims.map((claim) => [claim.text, claim.value]), [['three hours', '3 hours'], ['two hours', '2 hours']], notes);
  assert.equal(hours[0].event, compared.events.find((event) => event.documents.length === 2 && event.label.startsWith('consult'))?.id);
  const internal = compared.discrepancies.filter((discrepancy) => discrepancy.kind === 'internal');
  assert.equal(internal.length, 1, notes);
  assert.deepEqual(internal[0].claims.map((claim) => claim.value).sort(), ['10', '8']);
});

test('durations compare across units ("eight hours" vs "two days"; "a month" fits "30 days"); the dead are not the injured; counts of other years or of one sentence are other things', () => {
  const first = article('held-a.txt', 'Wire A', '2025-07-01', [
    'Police in Tacna held the Bolivian fishermen for eight hours before releasing them on Monday, the Bolivian consul in Tacna said.',
    'Peru gave the Bolivian consulate in Tacna a month to close its trade office, officials in Lima said.',
    'Two Bolivian men died in the clashes in Tacna on Sunday, police in Tacna said.',
    'Peru cancelled 40 cultural events with Bolivian partners, although Bolivian groups staged only 12 cultural events in Peru last year.',
  ].join('\n'));
  const second = article('held-b.txt', 'Wire B', '2025-07-01', [
    'Police in Tacna held the Bolivian fishermen for two days before releasing them on Monday, the Bolivian consul in Tacna said.',
    'Peru gave the Bolivian consulate in Tacna 30 days to close its trade office, officials in Lima said.',
    'The seven injured Bolivian men from the clashes in Tacna on Sunday were taken to hospital, police in Tacna said.',
  ].join('\n'));
  const compared = compareSources([first, second]);
  const notes = JSON.stringify(compared.discrepancies.map((discrepancy) => discrepancy.note));
  const held = compared.discrepancies.find((discrepancy) => discrepancy.claims.some((claim) => claim.text === 'eight hours'));
  assert.deepEqual(held?.claims.map((claim) => claim.text).sort(), ['eight hours', 'two days'], notes);
  assert.ok(!compared.discrepancies.some((discrepancy) => discrepancy.claims.some((claim) => claim.text === 'a month' || claim.text === '30 days')), notes);
  assert.ok(!compared.discrepancies.some((discrepancy) => discrepancy.claims.some((claim) => /injured/.test(claim.text))), notes);
  assert.ok(!compared.discrepancies.some((discrepancy) => discrepancy.claims.some((claim) => /\b12\b/.test(claim.text))), notes);
});

test('"the three servicemen" after "two soldiers" refers back to them: an internal discrepancy; "the two servicemen" is none', () => {
  const told = (count: string): SourceDocument =>
    article(
      `servicemen-${count}.txt`,
      'Andes Wire',
      '2025-11-20',
      [
        'Chile returned two Peruvian soldiers at the border crossing on Wednesday, the ministry said.',
        'Officials from both countries watched the handover.',
        `The ${count} servicemen were taken to a military hospital in Lima for checks.`,
      ].join('\n'),
    );
  const internal = compareSources([told('three')]).discrepancies.filter((discrepancy) => discrepancy.kind === 'internal');
  assert.equal(internal.length, 1, JSON.stringify(internal.map((discrepancy) => discrepancy.note)));
  assert.deepEqual(internal[0].claims.map((claim) => claim.value), ['2', '3']);
  assert.equal(compareSources([told('two')]).discrepancies.filter((discrepancy) => discrepancy.kind === 'internal').length, 0);
});

test('a doer inferred from the place is no outlet\'s word: it does not disagree with a doer another outlet names', () => {
  const compared = compareSources([
    article('named.txt', 'Andes Wire', '2025-07-02', 'Chilean police detained two Bolivian journalists in Lima on Monday.'),
    article('unnamed.txt', 'Lima Post', '2025-07-02', 'Two Bolivian journalists were detained in Lima on Monday.'),
  ]);
  const detention = compared.events.find((event) => event.cameo.startsWith('173') && event.documents.length === 2);
  assert.ok(detention, JSON.stringify(compared.events.map((event) => [event.cameo, event.documents])));
  assert.ok(!compared.discrepancies.some((discrepancy) => discrepancy.kind === 'actor'), JSON.stringify(compared.discrepancies.map((discrepancy) => discrepancy.note)));
  assert.deepEqual(detention.source_actors, ['CHLCOP'], 'the doer a report names, not the one inferred');
  // Two reports that both leave the doer unnamed keep the inferred one.
  const unnamed = compareSources([
    article('first.txt', 'Andes Wire', '2025-07-02', 'Two Bolivian journalists were detained in Lima on Monday.'),
    article('second.txt', 'Lima Post', '2025-07-02', 'Police detained two Bolivian journalists in Lima on Monday.'),
  ]).events.find((event) => event.cameo.startsWith('173'));
  assert.ok(unnamed?.source_actors.every((code) => code.startsWith('PER')) && unnamed.source_actors.length > 0, JSON.stringify(unnamed));
});

test('a place claim shows the place\'s own words, even told after the clause the event\'s evidence covers', () => {
  const compared = compareSources([
    article('arequipa.txt', 'Andes Wire', '2025-11-14', 'Chile handed over four Peruvian detainees to Peru last Wednesday, 12 November, at a checkpoint in Arequipa province.'),
    article('lima.txt', 'Lima Post', '2025-11-14', 'Chile handed over four Peruvian detainees to Peru on 12 November at a ceremony in Lima.'),
  ]);
  const place = discrepancyOf(compared, 'place');
  assert.deepEqual(place.claims.map((claim) => claim.text).sort(), ['Arequipa', 'Lima']);
});

test('two reports of an act with only an inferred doer are one event', () => {
  const compared = compareSources([
    article('first.txt', 'Andes Wire', '2025-07-02', 'Both men were detained in Lima on Monday.'),
    article('second.txt', 'Lima Post', '2025-07-02', 'The two men were detained in Lima on Monday, officials said.'),
  ]);
  const detentions = compared.events.filter((event) => event.cameo.startsWith('173'));
  assert.deepEqual(detentions.map((event) => [event.documents.length, event.source_actors]), [[2, ['PERGOV']]], JSON.stringify(detentions));
});

test('a demand by one side and a call on both sides are two acts, not one told with different doers', () => {
  const compared = compareSources([
    article('one.txt', 'Andes Wire', '2025-11-13', 'Chile has demanded that Peru withdraw its troops from the border.'),
    article('two.txt', 'Lima Post', '2025-11-13', 'Brazil has urged both Lima and Santiago to withdraw troops from the border.'),
  ]);
  assert.ok(!compared.discrepancies.some((discrepancy) => discrepancy.kind === 'actor'), JSON.stringify(compared.discrepancies.map((discrepancy) => discrepancy.note)));
});
