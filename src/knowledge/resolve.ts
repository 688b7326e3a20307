/**
 * Actor resolution for a short phrase ("Kyiv police", "Britain's Defense Ministry", "President
 * Kassym-Jomart Tokayev", "a Somalia-based paramilitary group") on a date: the KB names inside
 * it (people, organisations, countries, places, demonyms, metonyms) and its CAMEO sector noun
 * combine into one CAMEO actor. Names after "to"/"against"/"with" are targets, not owners, so
 * "Canadian ambassador to the UN" stays Canadian. A lone unknown capitalised word ("Dehli") may be
 * a place name one typo away; several (a person's name) never are.
 */
import type { Actor } from '../contract/types.js';
import { actorCode, loadKnowledgeBase, type StorylineKnowledgeBase } from './index.js';
import { normaliseName, withinOneEdit } from './normalise.js';
import type { KbEntry, KbMatch } from './types.js';

export interface ResolveOptions {
  /** Date the phrase speaks of (YYYY-MM-DD); null → today. */
  date?: string | null;
  /** A country (or any KB name) the phrase is known to belong to, used when the phrase names none. */
  context?: string | null;
  kb?: StorylineKnowledgeBase;
}

export interface ResolvedActor {
  actor: Actor;
  /** The KB entry the actor came from, when one did. */
  entry: KbEntry | null;
  /** The sector noun that set the sector (singular, e.g. "warplane"), when one did. */
  pattern: string | null;
  /** Words left once names and determiners are removed ("a US destroyer" → "destroyer"). */
  rest: string;
}

const DETERMINERS = new Set(['a', 'an', 'the', 'some', 'several', 'many', 'most', 'all', 'few', 'of', 'ordinary', 'prominent', 'largest', 'local', 'senior', 'top']);
/** Words that make a people's name mean its civilians ("ordinary Russians"). */
const CIVILIAN_MARKERS = /^(ordinary|average|regular|everyday)$/i;
const TARGET_MARKERS = new Set(['to', 'against', 'with', 'toward', 'towards', 'at', 'on']);
const ORGANISATION_KINDS = new Set(['person', 'org', 'igo', 'media', 'company']);
const PLACE_KINDS = new Set(['country', 'place']);

interface NameSpan {
  start: number;
  end: number;
  match: KbMatch;
}

/** Words of a phrase: edge punctuation trimmed, "X-based"/"X-led" reduced to X; possessives kept ("People's"). */
export function phraseWords(phrase: string): string[] {
  return phrase
    .replace(/[’‘]/g, "'")
    .split(/\s+/)
    .map((word) => word.replace(/^["“”(\[]+|["“”,;:)\].!?]+$/g, ''))
    .map((word) => word.replace(/-(based|led|backed|born|owned|run|controlled|class)$/i, ''))
    .filter((word) => word.length > 0 && word !== '-');
}

/** A word without its possessive clitic ("Britain's" → "Britain"). */
function bare(word: string): string {
  return word.replace(/'s?$/i, '');
}

function isCapitalised(word: string): boolean {
  return /^[\p{Lu}\d]/u.test(word);
}

/** A country or demonym written in lower case ("ukrainian farmers"): countries only, never people. */
function lowerCaseCountry(word: string, kb: StorylineKnowledgeBase, date: string | null | undefined): KbMatch | null {
  if (word.length < 4) return null;
  const match = kb.lookup(word.charAt(0).toUpperCase() + word.slice(1), date)[0];
  return match?.entry.kind === 'country' && (match.via === 'name' || match.via === 'demonym') ? match : null;
}

/** Names found left to right by longest match: capitalised words (proper nouns), plus lower-case country words. */
function findNames(words: string[], kb: StorylineKnowledgeBase, date: string | null | undefined): NameSpan[] {
  const spans: NameSpan[] = [];
  const bareWords = words.map(bare);
  for (let i = 0; i < words.length; ) {
    const word = words[i] ?? '';
    let source = words;
    let length = isCapitalised(word) ? kb.longestMatch(words, i) : 0;
    if (length === 0 && isCapitalised(word)) {
      source = bareWords;
      length = kb.longestMatch(bareWords, i);
    }
    if (length === 0) {
      const country = isCapitalised(word) ? null : lowerCaseCountry(bareWords[i] ?? '', kb, date);
      if (country) spans.push({ start: i, end: i + 1, match: country });
      i++;
      continue;
    }
    const match = kb.lookup(source.slice(i, i + length).join(' '), date)[0];
    if (match) spans.push({ start: i, end: i + length, match });
    i += length;
  }
  return spans;
}

/** One-edit fallback for a capitalised word the KB does not know ("Dehli" → Delhi): places only. */
function fuzzyPlace(word: string, kb: StorylineKnowledgeBase, date: string | null | undefined): KbMatch | null {
  const key = normaliseName(bare(word));
  if (key.length < 5) return null;
  for (const name of kb.singleWordNames()) {
    if (name[0] !== key[0] || !withinOneEdit(key, name)) continue;
    const match = kb.lookup(name.charAt(0).toUpperCase() + name.slice(1), date).find((candidate) => PLACE_KINDS.has(candidate.entry.kind));
    if (match) return match;
  }
  return null;
}

function isTarget(words: string[], start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const word = (words[i] ?? '').toLowerCase();
    if (word === 'the' || word === 'a' || word === 'an') continue;
    return TARGET_MARKERS.has(word);
  }
  return false;
}

function withSector(base: Actor | null, country: string | null, sector: string): Actor {
  const owner = country ?? base?.country ?? null;
  return { code: `${owner ?? ''}${sector}`, country: owner, sector: sector.slice(0, 3) };
}

/** Resolves a phrase to a CAMEO actor, or null when it names nothing the KB or the sector nouns know. */
export function resolveActor(phrase: string, options: ResolveOptions = {}): ResolvedActor | null {
  const kb = options.kb ?? loadKnowledgeBase();
  const date = options.date;
  const words = phraseWords(phrase);
  if (words.length === 0) return null;

  const whole = kb.lookup(words.join(' '), date)[0];
  let spans = whole ? [{ start: 0, end: words.length, match: whole }] : findNames(words, kb, date);
  spans = spans.filter((span) => !isTarget(words, span.start));

  const covered = new Set(spans.flatMap((span) => Array.from({ length: span.end - span.start }, (_, k) => span.start + k)));
  const restWords = words.map(bare).filter((word, index) => !covered.has(index) && !DETERMINERS.has(word.toLowerCase()));
  let sectorHit = kb.sectorPhrase(restWords);
  const properNames = restWords.filter(isCapitalised);
  const [onlyName] = properNames;
  if (onlyName && properNames.length === 1 && !spans.some((span) => PLACE_KINDS.has(span.match.entry.kind))) {
    const fuzzy = fuzzyPlace(onlyName, kb, date);
    if (fuzzy) spans.push({ start: words.length, end: words.length, match: fuzzy });
  }
  if (!sectorHit && spans.length === 0 && properNames.length <= 1) sectorHit = kb.fuzzySectorPhrase(restWords);
  const rest = restWords.join(' ');

  const organisation = spans.find((span) => ORGANISATION_KINDS.has(span.match.entry.kind));
  const place = spans.find((span) => !ORGANISATION_KINDS.has(span.match.entry.kind));

  if (organisation) {
    const actor = actorCode(organisation.match, date, kb);
    if (!actor) return null;
    const ownerCountry = place && place.start < organisation.start ? (actorCode(place.match, date, kb)?.country ?? null) : null;
    const ownSector = organisation.match.entry.sector;
    if (ownerCountry && actor.country && ownerCountry !== actor.country && ownSector) {
      return { actor: withSector(null, ownerCountry, ownSector), entry: organisation.match.entry, pattern: null, rest };
    }
    const fixedSector = organisation.match.entry.kind === 'person' || actor.sector;
    if (sectorHit && !fixedSector) return { actor: withSector(actor, null, sectorHit.code), entry: organisation.match.entry, pattern: sectorHit.pattern, rest };
    return { actor, entry: organisation.match.entry, pattern: null, rest };
  }

  let country = place ? (actorCode(place.match, date, kb)?.country ?? null) : null;
  if (!country && options.context) {
    const contextWords = phraseWords(options.context);
    country = findNames(contextWords, kb, date).map((span) => span.match.entry.country).find(Boolean) ?? null;
    sectorHit ??= kb.sectorPhrase(contextWords.map(bare));
  }
  if (sectorHit) {
    return { actor: withSector(null, country, sectorHit.code), entry: place?.match.entry ?? null, pattern: sectorHit.pattern, rest };
  }
  if (place?.match.via === 'demonym' && words.some((word) => CIVILIAN_MARKERS.test(word))) {
    return { actor: withSector(null, country, 'CVL'), entry: place.match.entry, pattern: null, rest };
  }
  if (place) {
    const actor = actorCode(place.match, date, kb);
    return actor ? { actor, entry: place.match.entry, pattern: null, rest } : null;
  }
  return null;
}
