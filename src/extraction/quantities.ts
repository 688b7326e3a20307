/**
 * Quantities: counts, amounts of money, percentages and measures, in digits or words, with their
 * approximation, unit (the counted noun, a currency code or a measure) and partitive total.
 *
 * Decisions (the contract leaves them open):
 * - approximation cues: "about", "around", "approximately", "roughly", "some", "an estimated",
 *   "close to" → about; "more than", "over", "upwards of", "in excess of" → more_than;
 *   "less than", "under", "fewer than" → less_than; "at least", "no fewer/less than" → at_least;
 *   "up to", "no more than", "at most" and also "nearly", "almost", "just under" → at_most
 *   (they mean a figure close to but not above the number).
 * - vague plurals give their smallest reading with at_least: "dozens of" 24, "scores of" 40,
 *   "hundreds of" 200, "thousands of" 2000, "tens of thousands of" 20000, "hundreds of thousands
 *   of" 200000, "millions of" 2000000 (the plural means at least two of the unit); "several
 *   hundred" 300, "a few thousand" 2000 before their noun.
 * - ranges ("10 to 15", "10-15", "between 10 and 15") give value 10, value_max 15, approx exact.
 * - the unit is a currency code for money ("$2m" → 2000000 USD), "percent", a measure ("km",
 *   "square km", "tonnes"), or the counted noun phrase: adjectives plus plural head noun after the
 *   number ("more than 100,000 ethnic Armenians" → "ethnic Armenians"); partitives ("38 of the 67
 *   people") give value 38, of 67, unit "people". After "one" the unit is the following lowercase
 *   noun phrase ("one man", "one Azerbaijani soldier"); a pronoun "one" ("one can see", "one of
 *   the") is not a quantity. "Two of its soldiers" counts soldiers out of an unnumbered group; a
 *   fronted total ("Of the 67 villages …, 38 have been rebuilt") gives value 38, of 67.
 * - fractions in words ("nearly half of", "two-thirds of", "cut by a third", "one-fifth of") are percentages
 *   (50, 66.67, 33.33) with their approximation.
 * - numbers inside time expressions ("four months", "June 27", "2023", "10:30") are not quantities:
 *   "four months" is a DURATION time. Ordinals, numbers glued to letters ("G7", "F-16") and
 *   numbers naming things ("Flight 8243") are skipped.
 */
import type { Approx, Quantity } from '../contract/types.js';
import { extractTimes } from './times.js';
import { NUMBER_DIGITS_PATTERN, NUMBER_WORDS_PATTERN, parseNumber } from './times/numbers.js';
import type { AnalysisContext } from './types.js';

const CUE = String.raw`about|around|approximately|roughly|some|an estimated|estimated|close to|more than|over|upwards of|in excess of|less than|under|fewer than|at least|no fewer than|no less than|up to|no more than|at most|nearly|almost|just under|just over|well over`;
const CURRENCY_SYMBOL = String.raw`US\$|C\$|A\$|HK\$|NZ\$|\$|€|£|¥|(?:USD|EUR|GBP|JPY|CNY|RUB|AZN|AMD|CAD|AUD|CHF|INR|TRY|UAH|dlrs)\s`;
const SCALE = String.raw`trillion|billion|million|thousand|bn|mn|tn|m|k`;
const NUMBER = `(?:${NUMBER_DIGITS_PATTERN}|${NUMBER_WORDS_PATTERN})`;
const VAGUE = String.raw`tens of thousands|hundreds of thousands|hundreds of millions|dozens|scores|hundreds|thousands|millions|billions`;
/** Vague amounts written before their noun without "of" ("several hundred protesters"). */
const VAGUE_BARE = String.raw`several (?:hundred|thousand|dozen)|a few (?:hundred|thousand|dozen)`;

const QUANTITY = new RegExp(
  String.raw`(?<![\w.,$€£¥/-])(?:(?<cue>${CUE})\s+)?(?:(?<between>between)\s+)?` +
    String.raw`(?:(?<vague>${VAGUE})(?=\s+of\b)|(?<vague2>${VAGUE_BARE})(?=\s+[a-z])|(?:(?<cur>${CURRENCY_SYMBOL})\s?)?(?<num>${NUMBER})(?:\s?(?<scale>${SCALE}))?(?![\w])` +
    String.raw`(?:\s*(?<range>to|-|–|and)\s*(?:${CURRENCY_SYMBOL})?(?<num2>${NUMBER})(?:\s?(?<scale2>${SCALE}))?(?![\w]))?` +
    String.raw`(?<pct>\s?%|\s+per\s?cent\b|\s+percent\b)?)`,
  'gi',
);

const VAGUE_VALUES: Record<string, number> = {
  dozens: 24, scores: 40, hundreds: 200, thousands: 2000, millions: 2_000_000, billions: 2_000_000_000,
  'tens of thousands': 20_000, 'hundreds of thousands': 200_000, 'hundreds of millions': 200_000_000,
  'several hundred': 300, 'several thousand': 3000, 'several dozen': 36, 'a few hundred': 200, 'a few thousand': 2000, 'a few dozen': 24,
};
const SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12, tn: 1e12,
};
const CURRENCY_CODES: Record<string, string> = {
  $: 'USD', 'us$': 'USD', 'dlrs ': 'USD', 'c$': 'CAD', 'a$': 'AUD', 'hk$': 'HKD', 'nz$': 'NZD', '€': 'EUR', '£': 'GBP', '¥': 'JPY',
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', yen: 'JPY',
  yuan: 'CNY', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB', manat: 'AZN', manats: 'AZN',
  dram: 'AMD', drams: 'AMD', rupee: 'INR', rupees: 'INR', lira: 'TRY', hryvnia: 'UAH', hryvnias: 'UAH',
};
const CURRENCY_WORD = /^\s+(?:US\s+|U\.S\.\s+|Canadian\s+|Australian\s+|Hong\s+Kong\s+)?(?<word>dollars?|euros?|pounds?(?:\s+sterling)?|yen|yuan|roubles?|rubles?|manats?|drams?|rupees?|lira|hryvnias?)\b/i;
// "43 kilometres", and the singular of a compound adjective: "a 43-kilometre corridor", "a 500-megawatt plant".
const MEASURE = /^(?:\s*|-)(?<measure>(?:square|sq\.?|cubic)\s+(?:kilometres|kilometers|km|miles|metres|meters|feet|m)|km\/h|mph|kilometres?|kilometers?|km|miles?|kilograms?|kg|tonnes?|tons?|metres?|meters?|hectares?|acres?|barrels?|litres?|liters?|gallons?|feet|foot|cm|mm|megawatts?|MW|gigawatts?|GW|bcm|mcm|kWh|MWh|GWh|TWh|degrees)\b/i;
const PARTITIVE = new RegExp(String.raw`^\s+of\s+(?:the|its|their|his|her|our|these|those)\s+(?<total>${NUMBER})(?![\w])`, 'i');
const OF_NOUN = /^\s+of\s+(?:the\s+)?/i;
/** "two of its soldiers", "three of the hostages": a count out of a group the text does not number. */
const OF_GROUP = /^\s+of\s+(?:the|its|their|his|her|our|these|those)\s+/i;
/** The next word on the same line (a counted noun never continues past a line break). */
const NEXT_WORD = /^[ \t\u00a0]*([A-Za-z][A-Za-z'’-]*)/;

/**
 * Verbs whose "over"/"under" is a particle or preposition ("handed over", "fought over", "came
 * under"), so the number after it is exact. "Killed over 100" keeps its "more than".
 */
const PARTICLE_VERB_BEFORE =
  /\b(?:hand(?:s|ed|ing)?|turn(?:s|ed|ing)?|sign(?:s|ed|ing)?|pass(?:es|ed|ing)?|w[io]n|wins|winning|fight(?:s|ing)?|fought|argu(?:e|es|ed|ing)|clash(?:es|ed|ing)?|quarrel(?:s|led|ed|ling|ing)?|squabbl(?:e|es|ed|ing)|wrangl(?:e|es|ed|ing)|bicker(?:s|ed|ing)?|disagree(?:s|d|ing)?|dispute[sd]?|preside[sd]?|presiding|t[ao]ok|takes?|taken|taking|carr(?:y|ies|ied|ying)|brought|bring(?:s|ing)?|(?:came|come|comes|coming|fell|fall(?:s|en|ing)?))\s+$/i;

const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'personnel', 'staff', 'cattle', 'troops', 'feet', 'teeth', 'mice', 'geese', 'sheep', 'fish', 'aircraft', 'livestock', 'civilians']);
const STOP_WORDS = new Set([
  'the', 'a', 'an', 'of', 'and', 'or', 'but', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'as', 'that', 'which', 'who',
  'were', 'was', 'is', 'are', 'had', 'have', 'has', 'be', 'been', 'will', 'would', 'could', 'should', 'may', 'might', 'did', 'do',
  'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'than', 'into', 'per', 'each', 'more', 'less', 'other', 'others',
  'times', 'percent', 'it', 'they', 'he', 'she', 'we', 'not', 'also', 'after', 'before', 'since', 'during', 'while', 'when',
]);
/** "servicemen", "gunmen", "policewomen" (not "specimen", "regimen", "abdomen"). */
const MEN_PLURAL = /^(?!(?:speci|regi|abdo|acu|bitu|albu|sta|se|o|a|hy|ye)men$)[a-z]{2,}(?:wo)?men$/;
/** Words between a count and its noun that add to a count told before ("nine other people", "two more soldiers"). */
const COUNT_ADDITIONS = new Set(['other', 'more', 'further', 'additional']);
const NON_NOUN_S = /(?:ss|us|is|ous)$/i;
/** Words that follow a pronoun "one" ("one can see", "for one thing") rather than count a noun. */
const NOT_AFTER_ONE = new Set(['can', 'cannot', 'could', 'must', 'even', 'thing', 'uh', 'um', 'another', 'day', 'way', 'time', 'such', 'hand', 'point']);

function approxOf(cue: string | undefined): Approx {
  if (!cue) return 'exact';
  const key = cue.toLowerCase();
  if (/^(?:more than|over|upwards of|in excess of|just over|well over)$/.test(key)) return 'more_than';
  if (/^(?:less than|under|fewer than)$/.test(key)) return 'less_than';
  if (/^(?:at least|no fewer than|no less than)$/.test(key)) return 'at_least';
  if (/^(?:up to|no more than|at most|nearly|almost|just under)$/.test(key)) return 'at_most';
  return 'about';
}

function valueOf(raw: string, scale: string | undefined): number | null {
  const base = parseNumber(raw);
  if (base === null) return null;
  return scale ? base * (SCALES[scale.toLowerCase()] ?? 1) : base;
}

/**
 * The counted noun after a number: adjectives and a plural head noun, at most four words
 * ("ethnic Armenians"); after "one", the words up to the next function word or verb ("major
 * agreement", "man"). Words the tagger calls verbs (`verbStarts`, their offsets) end the phrase.
 */
function countedNoun(text: string, from: number, singular: boolean, verbStarts: ReadonlySet<number>): { unit: string; end: number } | null {
  let position = from;
  const words: string[] = [];
  let singularEnd = -1;
  for (let i = 0; i < 4; i++) {
    const match = NEXT_WORD.exec(text.slice(position, position + 40));
    if (!match || (i > 0 && match[0].search(/\S/) === 0)) break;
    const word = match[1];
    const lower = word.toLowerCase();
    // "nine other people", "two more soldiers": the counted noun follows ("more than" is a comparison).
    if (i === 0 && !singular && COUNT_ADDITIONS.has(lower) && !/^\s*than\b/i.test(text.slice(position + match[0].length, position + match[0].length + 6))) {
      words.push(word);
      position += match[0].length;
      continue;
    }
    if (STOP_WORDS.has(lower)) break;
    // A verb the tagger found ends the noun phrase: "one bank said further increases …".
    if (verbStarts.has(position + match[0].length - word.length)) {
      if (i === 0) return null;
      break;
    }
    const verbLike = /(?:ed|ing|ly)$/i.test(word) && !/^[A-Z]/.test(word);
    if (singular && verbLike && i > 0) break;
    // After "one", only plain lowercase nouns and adjectives, or a demonym before one ("one Azerbaijani
    // soldier"): not "one U.S. official", "one highly".
    const demonymFirst = singular && i === 0 && /^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$/.test(word);
    if (singular && !demonymFirst && (!/^[a-z][a-z-]*$/.test(word) || /ly$/.test(word) || NOT_AFTER_ONE.has(lower))) {
      if (i === 0) return null;
      break;
    }
    words.push(word);
    position += match[0].length;
    if (demonymFirst) continue;
    const plural = IRREGULAR_PLURALS.has(lower) || MEN_PLURAL.test(lower) || (/[a-z]s$/i.test(word) && !NON_NOUN_S.test(word) && !/['’]s$/.test(word));
    if (plural) return { unit: words.join(' '), end: position };
    if (singular) singularEnd = position;
    // Adverbs ("previously") do not start a noun phrase; participles may ("injured miners").
    if (/ly$/i.test(word) && !singular) return null;
  }
  if (singular && singularEnd > 0) return { unit: words.join(' '), end: singularEnd };
  return null;
}

function insideAny(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return spans.some((span) => start < span.end && span.start < end);
}

/** All quantities of the document, in text order, with ids "q1", "q2" …. */
export function extractQuantities(ctx: AnalysisContext): Quantity[] {
  const text = ctx.text;
  const times = extractTimes(ctx);
  const quantities: Quantity[] = [];
  const verbStarts = new Set<number>();
  const language = ctx.language;
  if (language) ctx.structure.tokens.forEach((token, index) => {
    // A participle before an adjective or noun describes it ("20 living Israeli hostages", "40 injured miners").
    const attributive = (language.xpos[index] === 'VBG' || language.xpos[index] === 'VBN') && /^(ADJ|NOUN|PROPN)$/.test(language.upos[index + 1] ?? '');
    if ((language.upos[index] === 'VERB' || language.upos[index] === 'AUX') && !attributive) verbStarts.add(token.start);
  });
  QUANTITY.lastIndex = 0;
  for (let match = QUANTITY.exec(text); match; match = QUANTITY.exec(text)) {
    const groups = match.groups ?? {};
    let start = match.index;
    // "handed over a dozen detainees", "clashed over two villages": the verb's particle, not "more than".
    const particle = groups.cue !== undefined && /^(?:over|under)$/i.test(groups.cue) && PARTICLE_VERB_BEFORE.test(text.slice(Math.max(0, start - 24), start));
    if (particle) {
      start += match[0].search(/\s/);
      start += /^\s*/.exec(text.slice(start))![0].length;
    }
    let end = match.index + match[0].length;
    const numberStart = groups.num ? text.indexOf(groups.num, start) : start;
    if (groups.num && insideAny(times, numberStart, numberStart + groups.num.length)) continue;
    if (groups.num && !acceptNumber(text, numberStart, groups.num, end)) continue;
    // "555-1234": a phone or reference number, not a range.
    if (groups.range === '-' && groups.num2 && /^\d{3,}$/.test(groups.num!) && /^\d{4,}$/.test(groups.num2)) continue;
    let value: number | null;
    let approx = approxOf(particle ? undefined : groups.cue);
    let valueMax: number | null = null;
    const vague = groups.vague ?? groups.vague2;
    if (vague) {
      value = VAGUE_VALUES[vague.toLowerCase().replace(/\s+/g, ' ')] ?? null;
      if (approx === 'exact') approx = 'at_least';
    } else {
      value = valueOf(groups.num!, groups.scale);
      if (groups.num2) {
        const upper = valueOf(groups.num2, groups.scale2 ?? groups.scale);
        if (upper !== null && value !== null && upper > value) {
          // "2-3 million": the first number shares the scale of the second.
          if (!groups.scale && groups.scale2) value *= SCALES[groups.scale2.toLowerCase()] ?? 1;
          valueMax = upper;
        } else if (groups.range === '-' || groups.range === '–') {
          // "2-1" is a score, not a range.
          continue;
        } else {
          // Not a range ("10 and 15 people", "voted 68 to 31"): keep the first number, and read the second on its own.
          end = match.index + match[0].indexOf(groups.num!) + groups.num!.length;
          QUANTITY.lastIndex = end;
        }
      }
    }
    if (value === null) continue;
    let unit: string | null = null;
    let of: number | null = null;
    if (groups.cur) unit = CURRENCY_CODES[groups.cur.toLowerCase()] ?? (/^[A-Z]{3}\s$/.test(groups.cur) ? groups.cur.trim() : null);
    if (groups.pct) unit = 'percent';
    const rest = text.slice(end, end + 60);
    const currency = unit ? null : CURRENCY_WORD.exec(rest);
    const measure = unit || currency ? null : MEASURE.exec(rest);
    // "500 pounds of supplies", "500 pounds (225 kilograms)": weight, not sterling.
    const weight = currency?.groups && /^pounds?$/i.test(currency.groups.word) && /^\s*(?:of\b|\()/.test(text.slice(end + currency[0].length, end + currency[0].length + 4));
    if (currency?.groups && weight) {
      unit = 'pounds';
      end += currency[0].length;
    } else if (currency?.groups) {
      unit = CURRENCY_CODES[currency.groups.word.toLowerCase().replace(/\s+sterling$/, '')] ?? null;
      end += currency[0].length;
    } else if (measure?.groups) {
      unit = measure.groups.measure.replace(/^sq\.?\s/i, 'square ');
      end += measure[0].length;
    } else if (!unit) {
      const partitive = PARTITIVE.exec(rest);
      if (partitive?.groups) {
        of = parseNumber(partitive.groups.total);
        end += partitive[0].length;
      } else if (groups.vague) {
        const ofNoun = OF_NOUN.exec(rest);
        if (ofNoun) {
          const noun = countedNoun(text, end + ofNoun[0].length, false, verbStarts);
          if (noun) {
            unit = noun.unit;
            end = noun.end;
          }
        }
      }
      const ofGroup = !unit && of === null && !groups.vague && !/^one$/i.test(groups.num ?? '') ? OF_GROUP.exec(rest) : null;
      if (ofGroup) {
        const noun = countedNoun(text, end + ofGroup[0].length, false, verbStarts);
        if (noun) {
          unit = noun.unit;
          end = noun.end;
        }
      }
      if (!unit && !groups.vague) {
        const noun = countedNoun(text, end, value === 1 && valueMax === null, verbStarts);
        if (noun) {
          unit = noun.unit;
          end = noun.end;
        }
      }
    }
    if (groups.num && /^one$/i.test(groups.num) && !unit && of === null) continue;
    if (insideAny(times, start, end) && !groups.num) continue;
    quantities.push({
      id: `q${quantities.length + 1}`,
      start,
      end,
      text: text.slice(start, end),
      value,
      value_max: valueMax,
      approx,
      unit,
      of,
      provenance: { method: 'rule', confidence: unit ? 0.9 : 0.75 },
    });
    QUANTITY.lastIndex = Math.max(QUANTITY.lastIndex, end);
  }
  return withFractions(text, withElidedHeads(ctx, withFrontedPartitives(text, quantities)), times);
}

/** Before a figure whose noun is left out and which claims the whole count: "all 15 are …". */
const ELIDING_ALL = /(?:^|[^\w-])all\s+$/i;
/** Sentences back to look for the noun a figure leaves out. */
const ELIDED_HEAD_REACH = 2;

/**
 * "The centre has eighteen employees … All 15 are expected to leave": a whole count with its noun
 * left out counts what the last count before it counted (within two sentences). Sums, shares and
 * measures are no such antecedent. Parts ("seven others", "the remaining nine") are left alone:
 * compared with a total they would look like a contradiction.
 */
function withElidedHeads(ctx: AnalysisContext, quantities: Quantity[]): Quantity[] {
  const { text, structure } = ctx;
  const sentenceOf = (offset: number): number => structure.sentences.findIndex((sentence) => sentence.start <= offset && offset < sentence.end);
  for (const [index, quantity] of quantities.entries()) {
    if (quantity.unit !== null || quantity.of !== null) continue;
    // "passed by 68 votes to 3", "won 3 seats against 2": the score's second figure counts what the first did.
    const previous = quantities[index - 1];
    if (previous?.unit && previous.unit !== 'percent' && /^\s+(?:to|against)\s+$/.test(text.slice(previous.end, quantity.start))) {
      quantity.unit = previous.unit;
      continue;
    }
    if (!ELIDING_ALL.test(text.slice(Math.max(0, quantity.start - 8), quantity.start))) continue;
    const sentence = sentenceOf(quantity.start);
    for (let k = index - 1; k >= 0; k--) {
      const antecedent = quantities[k];
      if (sentence - sentenceOf(antecedent.start) > ELIDED_HEAD_REACH) break;
      if (!antecedent.unit || antecedent.unit === 'percent' || /^[A-Z]{3}$/.test(antecedent.unit) || MEASURE.test(antecedent.unit)) continue;
      quantity.unit = antecedent.unit;
      break;
    }
  }
  return quantities;
}

/** The approximation cue and number a quantity's text opens with. */
const LEADING_FIGURE = new RegExp(String.raw`^(?:(?:${CUE})\s+)?${NUMBER}`, 'i');

/**
 * "Of the 67 villages in the plan, 38 have been rebuilt": the fronted total is the partitive's "of"
 * and its unit; the figure after the comma is the count (value 38, of 67, unit "villages").
 */
function withFrontedPartitives(text: string, quantities: Quantity[]): Quantity[] {
  const dropped = new Set<Quantity>();
  for (const total of quantities) {
    if (!total.unit || total.of !== null || !/(?:^|[.;:!?]\s+|\n)Of the\s+$/.test(text.slice(Math.max(0, total.start - 12), total.start))) continue;
    const comma = text.indexOf(',', total.end);
    if (comma < 0 || comma - total.end > 80 || /[.;]/.test(text.slice(total.end, comma))) continue;
    const part = quantities.find((candidate) => candidate.start > comma && candidate.start - comma <= 3 && candidate.of === null && !candidate.text.includes(','));
    if (!part) continue;
    // The count is the figure alone ("seven" of "seven received life terms"): what it counts is the total's unit.
    const figure = LEADING_FIGURE.exec(part.text);
    if (part.unit !== null && figure) {
      part.end = part.start + figure[0].length;
      part.text = figure[0];
    }
    part.of = total.value;
    part.unit = total.unit;
    dropped.add(total);
  }
  return dropped.size === 0 ? quantities : quantities.filter((quantity) => !dropped.has(quantity));
}

/** Fractions in words, as the percentages they state. */
const FRACTIONS: Record<string, number> = {
  half: 50, 'a third': 33.33, 'one third': 33.33, 'two thirds': 66.67, 'a quarter': 25, 'one quarter': 25, 'three quarters': 75,
  'a fifth': 20, 'one fifth': 20, 'two fifths': 40, 'three fifths': 60, 'a tenth': 10, 'one tenth': 10,
};
/** Found word first (cheap), then its context: a cue before it, or "by" before it, or "of"/"the" after it. */
const FRACTION = /(?<![\w-])(?:half|a third|one third|two[- ]thirds|a quarter|one quarter|three[- ]quarters|a fifth|one[- ]fifth|two[- ]fifths|three[- ]fifths|a tenth|one[- ]tenth)(?![\w-])/gi;
const CUE_BEFORE = new RegExp(String.raw`(?:^|[^\w-])(${CUE})\s+$`, 'i');

/**
 * "nearly half of the families", "two-thirds of voters", "cut by a third": a fraction of a group or
 * a change, given as a percentage (50, 33.33 …) with its approximation; never inside a time
 * ("half an hour" is not followed by "of"/"the") nor over a figure already found.
 */
function withFractions(text: string, quantities: Quantity[], times: readonly { start: number; end: number }[]): Quantity[] {
  const found: Quantity[] = [];
  FRACTION.lastIndex = 0;
  for (let match = FRACTION.exec(text); match; match = FRACTION.exec(text)) {
    const before = text.slice(Math.max(0, match.index - 24), match.index);
    const partOf = /^\s+(?:of|the)\b/i.test(text.slice(match.index + match[0].length, match.index + match[0].length + 5));
    if (!partOf && !/\bby\s+$/i.test(before)) continue;
    const cue = partOf ? CUE_BEFORE.exec(before) : null;
    const start = cue ? match.index - (before.length - before.lastIndexOf(cue[1])) : match.index;
    const end = match.index + match[0].length;
    if (insideAny(times, start, end) || quantities.some((quantity) => quantity.start < end && start < quantity.end)) continue;
    found.push({
      id: '',
      start,
      end,
      text: text.slice(start, end),
      value: FRACTIONS[match[0].toLowerCase().replace('-', ' ')],
      value_max: null,
      approx: approxOf(cue?.[1]),
      unit: 'percent',
      of: null,
      provenance: { method: 'rule', confidence: 0.8 },
    });
  }
  return [...quantities, ...found].sort((a, b) => a.start - b.start).map((quantity, index) => ({ ...quantity, id: `q${index + 1}` }));
}

const FUNCTION_WORDS_CAPITALISED = /^(?:About|Around|Some|Over|Under|Nearly|Almost|Only|Just|All|Another|The|In|On|At|By|Of|For|With|From|To|And|But|Than|Least|Most|Up|Between|Estimated)$/;

/** Rejects ordinals, numbers glued to words, list markers and numbers that name things. */
function acceptNumber(text: string, start: number, raw: string, matchEnd: number): boolean {
  const after = text.slice(start + raw.length, start + raw.length + 3);
  if (/^\/\d/.test(after)) return false;
  if (/^(?:st|nd|rd|th)\b/i.test(after) || /^-(?:year|month|week|day|hour)-old/i.test(text.slice(start + raw.length, start + raw.length + 12))) return false;
  // "two-thirds", "three quarters": a fraction (see withFractions), not a count.
  if (/^[- ](?:thirds|quarters|fifths?|tenths?)\b/i.test(text.slice(start + raw.length, start + raw.length + 9))) return false;
  if (/^[\d]/.test(raw)) {
    const before = text.slice(Math.max(0, start - 20), start);
    // "1. The Parties agreed …", "2) …": a numbered list's marker opening its line.
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (/^\d{1,2}$/.test(raw) && /^[ \t]*$/.test(text.slice(lineStart, start)) && /^[.)]\s/.test(text.slice(start + raw.length, start + raw.length + 2))) return false;
    if (/\bNo\.\s*$|#\s*$/.test(before)) return false;
    // "Flight 8243", "Boeing 737": a capitalised word right before a bare figure, mid-sentence.
    const named = /\b([A-Z][a-z]+)\s+$/.exec(before);
    if (named && !FUNCTION_WORDS_CAPITALISED.test(named[1]) && matchEnd === start + raw.length) {
      return false;
    }
  }
  return true;
}
