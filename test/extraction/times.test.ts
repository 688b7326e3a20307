/**
 * Time expressions: each family of expressions, tense-sensitive resolution, missing publication
 * dates, narrative anchoring, the seed articles (read from ../shared at run time) and a TimeML floor.
 * Sentences here are written for the tests.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { DocumentInfo, TimeExpression } from '../../src/contract/types.js';
import { timexEval } from '../../src/eval/timex.js';
import type { LanguageAnnotation } from '../../src/language/types.js';
import { extractTimes } from '../../src/extraction/times.js';
import { sharedPath } from '../../src/paths.js';
import { structureText } from '../../src/text/index.js';

function times(text: string, published: string | null = '2025-08-07'): TimeExpression[] {
  const document = { id: 'test', title: null, outlet: null, agency: null, author: null, url: null, published, published_source: published ? 'given' : null, language: 'en', text } as DocumentInfo;
  return extractTimes({ document, text, structure: structureText(text), language: null });
}

/** Times with a stand-in language annotation: every token tagged NN except the given words. */
function timesWithTags(text: string, tags: Record<string, string>): TimeExpression[] {
  const document = { id: 'test', title: null, outlet: null, agency: null, author: null, url: null, published: '2025-08-07', published_source: 'given', language: 'en', text } as DocumentInfo;
  const structure = structureText(text);
  const xpos = structure.tokens.map((token) => tags[token.text] ?? 'NN');
  const language: LanguageAnnotation = { upos: xpos.map(() => 'X'), xpos, lemma: structure.tokens.map((token) => token.text), head: new Int32Array(xpos.length), deprel: xpos.map(() => 'dep'), ner: xpos.map(() => 'O'), nerSpans: [] };
  return extractTimes({ document, text, structure, language });
}

function find(list: TimeExpression[], text: string): TimeExpression {
  const found = list.find((time) => time.text === text);
  assert.ok(found, `no time expression "${text}" in ${JSON.stringify(list.map((t) => t.text))}`);
  return found;
}

test('explicit dates are absolute, at their own precision', () => {
  const found = times('The treaty was signed on 14 March 2019, amended in September 2023 and reviewed on 2024-11-02.');
  assert.equal(find(found, '14 March 2019').value, '2019-03-14');
  assert.equal(find(found, 'September 2023').value, '2023-09');
  assert.equal(find(found, '2024-11-02').value, '2024-11-02');
  assert.ok(found.every((t) => t.anchor === 'absolute' && t.type === 'DATE'));
  assert.deepEqual(found.map((t) => t.id), ['t1', 't2', 't3']);
});

test('publication-relative words resolve against the publication date', () => {
  const found = times('Officials spoke today and yesterday; a vote is due tomorrow. Prices rose last month, talks resume next week and growth slowed this year.');
  assert.equal(find(found, 'today').value, '2025-08-07');
  assert.equal(find(found, 'yesterday').value, '2025-08-06');
  assert.equal(find(found, 'tomorrow').value, '2025-08-08');
  assert.equal(find(found, 'last month').value, '2025-07');
  assert.equal(find(found, 'next week').value, '2025-W33');
  assert.equal(find(found, 'this year').value, '2025');
  assert.ok(found.every((t) => t.anchor === 'publication'));
  const earlier = find(times('Exports had collapsed earlier this year.'), 'earlier this year');
  assert.deepEqual([earlier.value, earlier.anchor], ['2025', 'publication']);
});

test('weekdays follow the tense of their clause', () => {
  assert.equal(find(times('The minister will visit the port on Monday.'), 'Monday').value, '2025-08-11');
  assert.equal(find(times('The minister visited the port on Monday.'), 'Monday').value, '2025-08-04');
  assert.equal(find(times('Both sides will meet again on Thursday.'), 'Thursday').value, '2025-08-07');
  assert.equal(find(times('In a Thursday statement, the ministry said talks had stalled.'), 'Thursday').value, '2025-08-07');
  assert.equal(find(times('Rebels attacked a convoy last Saturday.'), 'last Saturday').value, '2025-08-02');
});

test('with POS tags, an -ed adjective no longer passes for a past verb', () => {
  // Without tags the nearer "-ed" word would decide for the past; the tags leave "will" in charge.
  const sentence = 'Officials will free the detained reporters on Monday.';
  assert.equal(find(timesWithTags(sentence, { will: 'MD', free: 'VB', detained: 'JJ' }), 'Monday').value, '2025-08-11');
});

test('bare months take the year their tense implies', () => {
  assert.equal(find(times('The two leaders met in March.'), 'March').value, '2025-03');
  assert.equal(find(times('The two leaders will meet in March.'), 'March').value, '2026-03');
  assert.equal(find(times('An election will be held in November.'), 'November').value, '2025-11');
  assert.equal(find(times('The storm hit in October, flooding the valley.'), 'October').value, '2024-10');
});

test('years used as modifiers, decades, seasons, quarters and halves', () => {
  const found = times('The 2020 truce recalled the early 1990s. Trade grew in the summer of 2021, in the third quarter of 2022 and in the first half of 2018.');
  assert.equal(find(found, '2020').value, '2020');
  const decade = find(found, 'the early 1990s');
  assert.equal(decade.value, '199');
  assert.equal(decade.mod, 'START');
  assert.equal(find(found, 'the summer of 2021').value, '2021-SU');
  assert.equal(find(found, 'the third quarter of 2022').value, '2022-Q3');
  assert.equal(find(found, 'the first half of 2018').value, '2018-H1');
  assert.equal(find(times('Exports fell this winter.'), 'this winter').value, '2025-WI');
});

test('durations and their modifiers', () => {
  const found = times('He spent four months in detention, more than a decade in exile and about two weeks abroad over the past three years, after several years of silence.');
  assert.deepEqual([find(found, 'four months').type, find(found, 'four months').value], ['DURATION', 'P4M']);
  assert.deepEqual([find(found, 'more than a decade').value, find(found, 'more than a decade').mod], ['P10Y', 'MORE_THAN']);
  assert.deepEqual([find(found, 'about two weeks').value, find(found, 'about two weeks').mod], ['P2W', 'APPROX']);
  assert.equal(find(found, 'the past three years').value, 'P3Y');
  assert.equal(find(found, 'several years').value, 'PXY');
  const shorter = find(times('The strike lasted less than a month.'), 'less than a month');
  assert.deepEqual([shorter.value, shorter.mod], ['P1M', 'LESS_THAN']);
  const bounded = times('Talks lasted at least three hours; the truce may run up to six months.');
  assert.deepEqual([find(bounded, 'at least three hours').mod, find(bounded, 'up to six months').mod], ['EQUAL_OR_MORE', 'EQUAL_OR_LESS']);
});

test('position modifiers: early, mid-, the end of', () => {
  const found = times('Fighting flared in early July, eased by mid-2024 and should end by the end of the year.');
  assert.deepEqual([find(found, 'early July').value, find(found, 'early July').mod], ['2025-07', 'START']);
  assert.deepEqual([find(found, 'mid-2024').value, find(found, 'mid-2024').mod], ['2024', 'MID']);
  assert.deepEqual([find(found, 'the end of the year').value, find(found, 'the end of the year').mod], ['2025', 'END']);
});

test('references, ago, sets and clock times', () => {
  const found = times('The port is now closed. It opened a year ago and flights leave every Tuesday; ferries run daily. The summit starts at 3 p.m. on Friday.');
  assert.equal(find(found, 'now').value, 'PRESENT_REF');
  assert.equal(find(found, 'a year ago').value, '2024');
  assert.deepEqual([find(found, 'every Tuesday').type, find(found, 'every Tuesday').value], ['SET', 'XXXX-WXX-2']);
  assert.equal(find(found, 'daily').value, 'P1D');
  const clock = find(found, '3 p.m. on Friday');
  assert.deepEqual([clock.type, clock.value], ['TIME', '2025-08-08T15:00']);
});

test('without a publication date, relative values stay unresolved', () => {
  const found = times('The council met on Tuesday and again last month; it will decide in March, two years after the 2019 vote.', null);
  assert.equal(find(found, 'Tuesday').value, 'XXXX-WXX-2');
  assert.equal(find(found, 'last month').value, 'XXXX-XX');
  assert.equal(find(found, 'March').value, 'XXXX-03');
  assert.equal(find(found, '2019').value, '2019');
});

test('a weekday after "by" or "until" is a deadline ahead, unless the sentence tells what had happened by then', () => {
  const found = times('Peru demanded that Bolivia halt the exercise by Friday. Chile demanded the withdrawal by Monday. The toll had risen to 40 by Tuesday. ' +
    'The ministry did not respond by Monday. Chile met Peru on Friday.', '2025-03-12');
  assert.deepEqual(found.map((time) => [time.text, time.value]), [['Friday', '2025-03-14'], ['Monday', '2025-03-17'], ['Tuesday', '2025-03-11'], ['Monday', '2025-03-10'], ['Friday', '2025-03-07']]);
});

test('"two days later" after a year or a month keeps only what is known: that period, after', () => {
  const found = times('Chile expelled a Peruvian diplomat last year. Lima expelled a Chilean diplomat two days later. In March, Peru closed the border. Three weeks later it reopened.');
  const days = find(found, 'two days later');
  assert.deepEqual([days.value, days.mod, days.anchor], ['2024', 'AFTER', 'narrative']);
  const weeks = find(found, 'Three weeks later');
  assert.deepEqual([weeks.value, weeks.mod], ['2025-03', 'AFTER']);
});

test('narrative anchoring: later and next-day expressions follow the story time', () => {
  const found = times('Troops entered the town on May 3. Days later, the mayor fled. Two days later, the army withdrew; the next day, aid arrived. At the time, the roads were closed. Officials met on Tuesday.');
  const daysLater = find(found, 'Days later');
  assert.deepEqual([daysLater.value, daysLater.mod, daysLater.anchor], ['2025-05-03', 'AFTER', 'narrative']);
  const twoDaysLater = find(found, 'Two days later');
  assert.deepEqual([twoDaysLater.value, twoDaysLater.anchor], ['2025-05-05', 'narrative']);
  assert.deepEqual([find(found, 'the next day').value, find(found, 'the next day').anchor], ['2025-05-06', 'narrative']);
  assert.equal(find(found, 'At the time').anchor, 'narrative');
  const tuesday = find(found, 'Tuesday');
  assert.deepEqual([tuesday.value, tuesday.anchor], ['2025-08-05', 'publication']);
  const signalled = times('The strike began on March 12. That week, ports closed, and the following Tuesday the unions met.');
  assert.deepEqual([find(signalled, 'That week').value, find(signalled, 'That week').anchor], ['2025-W11', 'narrative']);
  assert.deepEqual([find(signalled, 'the following Tuesday').value, find(signalled, 'the following Tuesday').anchor], ['2025-03-18', 'narrative']);
});

test('seed articles (published 2025-08-07)', () => {
  const seedText = (name: string): string => readFileSync(sharedPath('seeds', name), 'utf8');
  const first = times(seedText('000_e6b9d41a665ebffb.txt'));
  assert.equal(find(first, 'Friday').value, '2025-08-08');
  assert.equal(find(first, 'Thursday').value, '2025-08-07');
  assert.equal(find(first, 'last month').value, '2025-07');
  assert.equal(find(first, 'December 2024').value, '2024-12');
  assert.equal(find(first, 'June 27').value, '2025-06-27');
  assert.equal(find(first, 'Days later').anchor, 'narrative');
  assert.equal(find(first, 'four months').type, 'DURATION');
  const second = times(seedText('002_07fddadd5ebe1183.txt'));
  assert.equal(find(second, 'September 2023').value, '2023-09');
  assert.equal(find(second, '2020').value, '2020');
  assert.deepEqual([find(second, 'the early 1990s').value, find(second, 'the early 1990s').mod], ['199', 'START']);
});

test('timex eval on a few TimeBank files keeps a meaningful floor', async () => {
  const report = await timexEval.run({ data: sharedPath('corpora', 'tempeval3', 'TBAQ-cleaned', 'TimeBank'), limit: 25 });
  const ours = report.json.storyline as { relaxed: { f1: number }; valueAccuracy: number; gold: number };
  assert.ok(ours.gold > 50, `only ${ours.gold} gold expressions read`);
  assert.ok(ours.relaxed.f1 >= 0.8, `relaxed F1 ${ours.relaxed.f1}`);
  assert.ok(ours.valueAccuracy >= 0.7, `value accuracy ${ours.valueAccuracy}`);
  assert.match(report.text, /chrono-node/);
});

test('with the parse, a verb of plans in the past tense ("expected a rally on Tuesday") or a predicate of schedules ("due in the spring") points ahead', async () => {
  const { annotateLanguage, loadLanguageModels } = await import('../../src/language/index.js');
  const models = loadLanguageModels();
  const parsed = (text: string): TimeExpression[] => {
    const document = { id: 'test', title: null, outlet: null, agency: null, author: null, url: null, published: '2025-08-07', published_source: 'given', language: 'en', text } as DocumentInfo;
    const structure = structureText(text);
    return extractTimes({ document, text, structure, language: annotateLanguage(models, text, structure) });
  };
  assert.equal(find(parsed('Organisers expected another large rally on Tuesday.'), 'Tuesday').value, '2025-08-12');
  assert.equal(find(parsed('Organisers held another large rally on Tuesday.'), 'Tuesday').value, '2025-08-05');
  // A predicate of schedules points ahead too: in August, the spring an election is due in is next year's.
  assert.equal(find(parsed('Elections are due in the spring.'), 'the spring').value, '2026-SP');
  // An infinitive completing a verb of plans lies ahead, even after the relative pronoun of an aside (2025-08-07 is a Thursday).
  assert.equal(find(parsed('The president, who is expected to attend a summit in Lima on Monday, called for calm.'), 'Monday').value, '2025-08-11');
  assert.equal(find(parsed('The minister plans to visit Santiago on Tuesday.'), 'Tuesday').value, '2025-08-12');
  // What may yet happen, and what was agreed or promised, lies ahead; what happened in a past tense lies behind (in August).
  assert.equal(find(parsed('Officials said the visit could take place in the autumn.'), 'the autumn').value, '2025-FA');
  assert.equal(find(parsed('The two leaders agreed to hold their next meeting in Lima in October.'), 'October').value, '2025-10');
  assert.equal(find(parsed('Talks collapsed in October, officials said.'), 'October').value, '2024-10');
});

test('"on the 12th": a day of the publication month, or of the month before for a past event after today', () => {
  const found = times('Talks resumed on the 12th. They will end by the 20th. The 12th round opens soon.', '2025-11-14');
  assert.equal(find(found, 'the 12th').value, '2025-11-12');
  assert.equal(find(found, 'the 20th').value, '2025-11-20');
  assert.equal(found.length, 2, JSON.stringify(found.map((time) => time.text)));
  assert.equal(find(times('The vote took place on the 20th.', '2025-11-14'), 'the 20th').value, '2025-10-20');
  assert.equal(find(times('A vote will be held on the 3rd.', '2025-11-14'), 'the 3rd').value, '2025-12-03');
  // A clock time takes that day too.
  assert.equal(find(times('Talks resumed at 10 a.m. on the 12th.', '2025-11-14'), '10 a.m. on the 12th').value, '2025-11-12T10:00');
});

test('a day and month followed by "last year" or "next year" take that year ("on March 13 last year")', () => {
  const found = times('The two sides agreed the text on March 13 last year and plan to sign it by 2 February next year.', '2025-03-12');
  assert.equal(find(found, 'March 13 last year').value, '2024-03-13');
  assert.equal(find(found, '2 February next year').value, '2026-02-02');
});

test('"more than 20 years ago" lies before that point; "the previous September" counts from the story\'s time; a planned date is no story time', () => {
  const found = times('The murders were committed more than 20 years ago. The mission was launched in February 2023. The previous September, troops had taken the town. Talks are set for December 12. Hours later, Baku replied.', '2025-06-30');
  const ago = find(found, 'more than 20 years ago');
  assert.equal(ago.value, '2005');
  assert.equal(ago.mod, 'BEFORE');
  assert.equal(find(found, 'previous September').value, '2022-09');
  assert.notEqual(find(found, 'Hours later').value.slice(0, 10), '2025-12-12');
});

test('a live blog\'s entry stamps are times of the publication day, whatever an earlier entry said', () => {
  const found = times('Live coverage.\n\n09:12 — Talks resumed.\n\n11:47 — Officials said the leaders spoke yesterday by phone.\n\n18:45 — They will meet again tomorrow.', '2025-07-10');
  for (const stamp of ['09:12', '11:47', '18:45']) assert.equal(find(found, stamp).value, `2025-07-10T${stamp}`, stamp);
  assert.equal(find(found, 'yesterday').value, '2025-07-09');
});

test('the outlet named in a dateline\'s brackets is no time ("(Andes Daily)", "(Lima Today)")', () => {
  const text = 'LIMA, Sept 13 (Andes Daily) - Peru and Chile agreed on Friday to reopen the border.';
  const found = times(text, '2025-09-13');
  assert.deepEqual(found.map((time) => time.text), ['Sept 13', 'Friday']);
});

test('a morning clock after "overnight" is the next morning; a coarser time holding the story\'s day keeps "hours later" on that day', () => {
  const night = times('Drones struck the depot overnight. A second strike at 6:15 a.m. hit a warehouse.', '2025-08-09');
  assert.equal(find(night, 'overnight').value, '2025-08-08TNI');
  assert.equal(find(night, '6:15 a.m.').value, '2025-08-09T06:15');
  const day = times('Officials met on Monday, July 14, to count those expelled since the start of the month. Hours later, the figure changed.', '2025-07-15');
  assert.deepEqual([find(day, 'Hours later').value, find(day, 'Hours later').mod], ['2025-07-14', 'AFTER']);
});

test('with the parse, a date naming a known happening ("the August agreement") is a past one whatever the clause; a schedule told in the past perfect is the nearer one', async () => {
  const { annotateLanguage, loadLanguageModels } = await import('../../src/language/index.js');
  const models = loadLanguageModels();
  const parsed = (text: string, published: string): TimeExpression[] => {
    const document = { id: 'test', title: null, outlet: null, agency: null, author: null, url: null, published, published_source: 'given', language: 'en', text } as DocumentInfo;
    const structure = structureText(text);
    return extractTimes({ document, text, structure, language: annotateLanguage(models, text, structure) });
  };
  assert.equal(find(parsed('Under the August agreement, a consortium will run the railway.', '2025-10-22'), 'August').value, '2025-08');
  assert.equal(find(parsed('The December summit will decide the matter.', '2025-11-14'), 'December').value, '2025-12');
  assert.equal(find(parsed('The company postponed a meeting that had been scheduled for October.', '2025-11-14'), 'October').value, '2025-10');
  assert.equal(find(parsed('Another meeting had been scheduled for December.', '2025-11-14'), 'December').value, '2025-12');
});

test('"May of that year" is May of the story\'s year, and the story stays there', () => {
  const found = times('In April 2024, Chile agreed to return four villages. The transfer was completed in May of that year. Later that year, talks resumed.', '2025-09-17');
  const may = find(found, 'May of that year');
  assert.deepEqual([may.value, may.anchor], ['2024-05', 'narrative']);
  assert.equal(find(found, 'Later that year').value, '2024');
});

test('a bare clock time after a background month stays on the story day told just before', () => {
  const found = times('Two soldiers were killed late on Tuesday, the first deaths since the leaders met in August. Units opened fire at about 11:30 p.m., the ministry said.', '2025-09-18');
  assert.equal(find(found, '11:30 p.m.').value, '2025-09-16T23:30');
});

test('a day and month without a year after a sentence that opens in a past year belong to that year; a year inside a clause moves nothing', () => {
  const found = times('In 2020, a six-week war broke out. It ended with a truce signed on 10 November. Under a plan approved in 2019, Peru had bought 400 tonnes through Sept. 29.', '2025-09-20');
  assert.deepEqual([find(found, '10 November').value, find(found, '10 November').anchor], ['2020-11-10', 'narrative']);
  assert.match(find(found, 'Sept. 29').value, /^2025-/);
});

test('"four years later" after a sentence that opens in a past year counts from that year', () => {
  const found = times('In 2013 she co-founded the party, and she entered parliament four years later.', '2025-09-20');
  assert.deepEqual([find(found, 'four years later').value, find(found, 'four years later').anchor], ['2017', 'narrative']);
});

test('a month after a sentence that opens on a past date is of that year, until another year is told', () => {
  const war = times('On Sept. 27, 2020, Chile launched an offensive. By early November its troops had taken the town.', '2025-09-20');
  assert.equal(find(war, 'early November').value, '2020-11');
  const career = times('On May 22, 1995, Peru made him a general, and the following year he became attaché. In December he was ordered home.', '1998-04-18');
  assert.equal(find(career, 'December').value, '1997-12');
});

test('a season told relative to the story ("that autumn", "the following spring") counts from the past year the story moved to', () => {
  const found = times('In 1988, protests began in Lima. That autumn, miners marched. In 2019, Peru closed the border. The following spring, talks resumed. Next spring, the route opens.', '2025-10-15');
  assert.equal(find(found, 'That autumn').value, '1988-FA');
  assert.equal(find(found, 'following spring').value, '2020-SP');
  assert.equal(find(found, 'Next spring').value, '2026-SP');
  // A December story time opens the winter before the next year's spring.
  const december = times('On December 25, 2024, a plane crashed near Lima. The following spring, talks resumed. The previous autumn had been calm.', '2025-10-15');
  assert.equal(find(december, 'following spring').value, '2025-SP');
  assert.equal(find(december, 'previous autumn').value, '2024-FA');
});

test('"after midnight" is the first hour of the day, "at midnight" its end', () => {
  const found = times('Shelling began shortly after midnight. The ceasefire takes effect at midnight.', '2025-08-07');
  assert.deepEqual(found.map((time) => [time.text, time.value]), [['midnight', '2025-08-07T00:00'], ['midnight', '2025-08-07T24:00']]);
});
