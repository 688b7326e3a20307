/**
 * Quantities: digits and words, scales, ranges, percentages, money, measures, approximations,
 * vague plurals, partitives, counted nouns, exclusions (dates, times, durations, ordinals, names)
 * and the seed articles (read from ../shared at run time). Sentences are written for the tests.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { DocumentInfo, Quantity } from '../../src/contract/types.js';
import { extractQuantities } from '../../src/extraction/quantities.js';
import { sharedPath } from '../../src/paths.js';
import { structureText } from '../../src/text/index.js';

function quantities(text: string): Quantity[] {
  const document = { id: 'test', title: null, outlet: null, agency: null, author: null, url: null, published: '2025-08-07', published_source: 'given', language: 'en', text } as DocumentInfo;
  return extractQuantities({ document, text, structure: structureText(text), language: null });
}

function find(list: Quantity[], text: string): Quantity {
  const found = list.find((quantity) => quantity.text === text);
  assert.ok(found, `no quantity "${text}" in ${JSON.stringify(list.map((q) => q.text))}`);
  return found;
}

test('numbers in digits and words with their counted nouns', () => {
  const found = quantities('Rescuers found 1,250 stranded villagers, twenty-one injured miners and six boats.');
  assert.deepEqual([find(found, '1,250 stranded villagers').value, find(found, '1,250 stranded villagers').unit], [1250, 'stranded villagers']);
  assert.deepEqual([find(found, 'twenty-one injured miners').value, find(found, 'twenty-one injured miners').unit], [21, 'injured miners']);
  assert.equal(find(found, 'six boats').value, 6);
  assert.deepEqual(found.map((q) => q.id), ['q1', 'q2', 'q3']);
  assert.ok(found.every((q) => q.approx === 'exact' && q.of === null));
});

test('scales, money and percentages', () => {
  const found = quantities('The fund lost $2m in March, borrowed €1.5bn, owes 3 billion dollars and cut costs by 12.5%, or 4 per cent a year.');
  assert.deepEqual([find(found, '$2m').value, find(found, '$2m').unit], [2_000_000, 'USD']);
  assert.deepEqual([find(found, '€1.5bn').value, find(found, '€1.5bn').unit], [1_500_000_000, 'EUR']);
  assert.deepEqual([find(found, '3 billion dollars').value, find(found, '3 billion dollars').unit], [3_000_000_000, 'USD']);
  assert.deepEqual([find(found, '12.5%').value, find(found, '12.5%').unit], [12.5, 'percent']);
  assert.equal(find(found, '4 per cent').unit, 'percent');
  const codes = quantities('Revenue reached C$40 million while costs were USD 7 million.');
  assert.deepEqual([find(codes, 'C$40 million').value, find(codes, 'C$40 million').unit], [40_000_000, 'CAD']);
  assert.equal(find(codes, 'USD 7 million').unit, 'USD');
});

test('ranges give a lower value and value_max', () => {
  const found = quantities('Between 40 and 60 shops closed while 10-15 trucks and 200 to 300 workers waited.');
  assert.deepEqual([find(found, 'Between 40 and 60 shops').value, find(found, 'Between 40 and 60 shops').value_max], [40, 60]);
  assert.deepEqual([find(found, '10-15 trucks').value, find(found, '10-15 trucks').value_max], [10, 15]);
  assert.deepEqual([find(found, '200 to 300 workers').value, find(found, '200 to 300 workers').value_max], [200, 300]);
});

test('approximation cues', () => {
  const found = quantities('About 300 families left, more than 40 houses burned, fewer than ten doctors stayed, at least 12 wells dried up, up to 500 soldiers arrived and nearly 90 schools shut.');
  assert.equal(find(found, 'About 300 families').approx, 'about');
  assert.equal(find(found, 'more than 40 houses').approx, 'more_than');
  assert.equal(find(found, 'fewer than ten doctors').approx, 'less_than');
  assert.equal(find(found, 'at least 12 wells').approx, 'at_least');
  assert.equal(find(found, 'up to 500 soldiers').approx, 'at_most');
  assert.equal(find(found, 'nearly 90 schools').approx, 'at_most');
});

test('vague plurals read as their smallest value, at least', () => {
  const found = quantities('Dozens of protesters gathered and thousands of residents lost power.');
  assert.deepEqual([find(found, 'Dozens of protesters').value, find(found, 'Dozens of protesters').approx, find(found, 'Dozens of protesters').unit], [24, 'at_least', 'protesters']);
  assert.deepEqual([find(found, 'thousands of residents').value, find(found, 'thousands of residents').unit], [2000, 'residents']);
});

test('measures', () => {
  const found = quantities('The convoy drove 240 km, crossed 12 square km of marsh and carried 30 tonnes of grain.');
  assert.equal(find(found, '240 km').unit, 'km');
  assert.deepEqual([find(found, '12 square km').value, find(found, '12 square km').unit], [12, 'square km']);
  assert.equal(find(found, '30 tonnes').unit, 'tonnes');
  // Gas and power volumes: billion cubic metres and terawatt-hours.
  const energy = quantities('The link will carry 12 bcm a year, up from 8 bcm, and the dam yields 2.5 TWh.');
  assert.deepEqual([find(energy, '12 bcm').unit, find(energy, '8 bcm').unit, find(energy, '2.5 TWh').unit], ['bcm', 'bcm', 'TWh']);
});

test('partitives give the total in "of"', () => {
  const found = quantities('Police freed 14 of the 20 hostages held in the building.');
  const partitive = find(found, '14 of the 20 hostages');
  assert.deepEqual([partitive.value, partitive.of, partitive.unit], [14, 20, 'hostages']);
});

test('dates, clock times, durations, ordinals, names, scores and slashed figures are not quantities', () => {
  const found = quantities('On June 27, 2023 at 10:30 the 3rd battalion of Flight 8243 waited four months after a 2-1 vote on 9/11 reforms; then 7 aid workers arrived.');
  assert.deepEqual(found.map((q) => q.text), ['7 aid workers']);
});

test('seed articles (published 2025-08-07)', () => {
  const first = quantities(readFileSync(sharedPath('seeds', '000_e6b9d41a665ebffb.txt'), 'utf8'));
  const exodus = first.find((q) => q.value === 100_000);
  assert.ok(exodus);
  assert.deepEqual([exodus.approx, exodus.unit], ['more_than', 'ethnic Armenians']);
  const crash = first.find((q) => q.value === 38);
  assert.ok(crash);
  assert.deepEqual([crash.of, crash.unit], [67, 'people']);
  assert.ok(!first.some((q) => q.value === 27 || q.value === 2024 || q.value === 2023), 'parts of dates leaked into quantities');
  assert.ok(!first.some((q) => /months/.test(q.text)), '"four months" is a duration, not a quantity');
});

test('a verb the tagger found ends the counted noun after "one"', async () => {
  const { annotateLanguage, loadLanguageModels } = await import('../../src/language/index.js');
  const models = loadLanguageModels();
  const text = 'Staff at one clinic said three patients died overnight.';
  const document = { id: 'test', title: null, outlet: null, agency: null, author: null, url: null, published: '2025-08-07', published_source: 'given', language: 'en', text } as DocumentInfo;
  const structure = structureText(text);
  const found = extractQuantities({ document, text, structure, language: annotateLanguage(models, text, structure) });
  assert.equal(find(found, 'one clinic').unit, 'clinic');
  assert.equal(find(found, 'three patients').value, 3);
  // A participle before an adjective or noun is part of the counted noun.
  const released = 'The group freed the last 20 living Chilean hostages on Monday.';
  const releasedStructure = structureText(released);
  const hostages = extractQuantities({ document: { ...document, text: released }, text: released, structure: releasedStructure, language: annotateLanguage(models, released, releasedStructure) });
  assert.equal(find(hostages, '20 living Chilean hostages').unit, 'living Chilean hostages');
});

test('"one" before a demonym and its noun counts; "two of its soldiers" counts soldiers', () => {
  const found = quantities('The shelling wounded one Azerbaijani soldier, and officials said two of its soldiers were missing. One U.S. official said one can never know.');
  const one = find(found, 'one Azerbaijani soldier');
  assert.deepEqual([one.value, one.unit], [1, 'Azerbaijani soldier']);
  const two = find(found, 'two of its soldiers');
  assert.deepEqual([two.value, two.unit, two.of], [2, 'soldiers', null]);
  assert.equal(found.length, 2, JSON.stringify(found.map((quantity) => quantity.text)));
});

test('a measure in a compound adjective keeps its unit ("a 43-kilometre road", "a 500-megawatt plant")', () => {
  const list = quantities('The 43-kilometre road will serve a 500-megawatt plant and carry 1 tonne of grain.');
  assert.equal(find(list, '43-kilometre').unit, 'kilometre');
  assert.equal(find(list, '500-megawatt').unit, 'megawatt');
  assert.equal(find(list, '1 tonne').unit, 'tonne');
});

test('fractions in words are percentages with their approximation; "half an hour" is a time, "two-thirds" no count of two', () => {
  const found = quantities('Nearly half of the displaced families still rent. Payments were cut by a third. Two-thirds of voters backed it. The talks lasted half an hour.');
  const half = find(found, 'Nearly half');
  assert.equal(half.value, 50);
  assert.equal(half.unit, 'percent');
  assert.equal(half.approx, 'at_most');
  assert.equal(find(found, 'a third').value, 33.33);
  assert.equal(find(found, 'Two-thirds').value, 66.67);
  assert.ok(!found.some((quantity) => quantity.text === 'Two' || quantity.text.includes('half an')), JSON.stringify(found.map((q) => q.text)));
  assert.deepEqual(found.map((quantity) => quantity.id), found.map((_, index) => `q${index + 1}`));
});

test('a fronted total is the partitive\'s "of": "Of the 67 villages …, 38 have been rebuilt"', () => {
  const found = quantities('Of the 67 villages in the first phase, 38 have been rebuilt. Of the 15 defendants, seven received life terms.');
  const rebuilt = find(found, '38');
  assert.deepEqual([rebuilt.value, rebuilt.of, rebuilt.unit], [38, 67, 'villages']);
  const seven = find(found, 'seven');
  assert.deepEqual([seven.value, seven.of, seven.unit], [7, 15, 'defendants']);
  assert.ok(!found.some((quantity) => quantity.value === 67 || quantity.value === 15), JSON.stringify(found.map((q) => q.text)));
});

test('"all 15" with its noun left out counts what the count before it counted; parts ("seven others") and sums do not borrow it', () => {
  const found = quantities('The mission has eighteen employees and a budget of $2 million. All 15 are expected to leave by March. Police detained ten activists; seven others were released.');
  assert.equal(find(found, '15').unit, 'employees');
  assert.equal(find(found, 'seven').unit, null);
});

test('"over" after a verb it belongs to is no "more than"; plurals in -men are counted nouns', () => {
  const found = quantities(
    'Baku handed over a dozen detainees. The guards clashed over two villages. The blast killed over 100 people. ' +
      'The three servicemen and two gunmen were held. Over 40 policewomen came. A specimen was kept.',
  );
  const handed = find(found, 'a dozen detainees');
  assert.deepEqual([handed.value, handed.approx, handed.unit], [12, 'exact', 'detainees']);
  assert.equal(find(found, 'two villages').approx, 'exact');
  assert.deepEqual([find(found, 'over 100 people').approx, find(found, 'Over 40 policewomen').approx], ['more_than', 'more_than']);
  assert.equal(find(found, 'three servicemen').unit, 'servicemen');
  assert.equal(find(found, 'two gunmen').unit, 'gunmen');
  for (const quantity of found) assert.equal(quantity.text, quantity.text.trim());
});

test('a score\'s second figure counts what the first did; "nine other people" counts people', () => {
  const found = quantities('The motion passed by 68 votes to 3. Nine other people were detained, and two more soldiers were hurt. It was 5 more than expected.');
  assert.equal(find(found, '3').unit, 'votes');
  assert.equal(find(found, 'Nine other people').value, 9);
  assert.equal(find(found, 'two more soldiers').unit, 'more soldiers');
  assert.ok(!found.some((quantity) => quantity.text.startsWith('5 more')), JSON.stringify(found.map((quantity) => quantity.text)));
});

test('a tally written "68 to 31" is two figures; fifths and tenths are fractions; "several hundred" is a vague count of its noun', () => {
  const found = quantities('Lawmakers voted 68 to 31 in favour. Roughly one-fifth of the cargo went by rail. Several hundred protesters gathered, and a few thousand people signed.');
  assert.ok(found.some((quantity) => quantity.text === '31' && quantity.value === 31), JSON.stringify(found.map((q) => q.text)));
  const fifth = find(found, 'Roughly one-fifth');
  assert.deepEqual([fifth.value, fifth.unit, fifth.approx], [20, 'percent', 'about']);
  const protesters = find(found, 'Several hundred protesters');
  assert.deepEqual([protesters.value, protesters.approx, protesters.unit], [300, 'at_least', 'protesters']);
  assert.equal(find(found, 'a few thousand people').value, 2000);
});

test('a numbered list\'s markers opening their lines are no quantities; the figures in the items are', () => {
  const found = quantities('The sides agreed as follows:\n\n1. Chile will free 40 prisoners.\n\n2) Peru will reopen 3 crossings.\n\n12 Bolivian soldiers were released.');
  assert.deepEqual(found.map((quantity) => quantity.text), ['40 prisoners', '3 crossings', '12 Bolivian soldiers']);
});
