/**
 * Within-document coreference, after names are resolved:
 * - title references: "the president", "the French leader" join the latest person holding a
 *   matching role (of the matching country); "Cambodia’s Deputy Prime Minister" with no name and
 *   no antecedent becomes a person of its own;
 * - groups: coordinated actors that act together ("Pashinyan and Aliyev met", "between Armenia and
 *   Azerbaijan"), phrases that refer back to a pair ("the two countries", "both sides"), and sector
 *   phrases over a group ("the foreign ministries of both countries", "the leaders of Armenia and
 *   Azerbaijan" → each country's government);
 * - pronouns, with a small salience model in the spirit of Lappin & Leass (1994): each earlier
 *   compatible mention scores 100 halved per sentence back, +80 as a subject (+40 in an adverbial
 *   clause: "… were detained when police raided …"), +60 as the subject of
 *   a verb of saying (so "…,” he added" goes to the last speaker, looking back past long quotes),
 *   −60 across a quotation boundary, −100 for the speaker of a quote when the pronoun is inside it,
 *   +90 (she) or +20 (he) when the entity's gender is known to match (title, first name, earlier
 *   pronouns);
 *   agreement (person/gender for he/she, non-person for it, group/plural for they) and a binding
 *   rule (an object pronoun is not its own clause's subject) filter the candidates first; as in
 *   Lappin & Leass, things no entity names compete too: an "it" or "their" whose best antecedent is
 *   such a noun ("Bolivia turned it down" after "a counter-offer") stays unresolved, and "among
 *   them", "either of them" pick the set named last in their sentence.
 */
import type { EntityType } from '../../contract/types.js';
import type { KbEntry } from '../../knowledge/types.js';
import { actorFrom } from './actors.js';
import type { EntityDraft, MentionRecord } from './builder.js';
import { COLLECTIVE_SECTOR_NOUNS, datelineCountry, headIsSectorNoun, issuerDraft, mentionRecord, NOT_IN_NOUN_PHRASE, PERSON_NOUN, primarySector, sectorDraft, settingCountry, STATE_SECTORS, takesThey, townDraft, type Stage } from './named.js';
import { isTitleWord, REMIT_REACH, remitStart } from './names.js';
import { isHyphenInsideTitle } from './roles.js';
import { isSubject, looksLikeVerb, subjectVerb, type TokenView } from './view.js';
import { GROUP_NOUNS, GROUP_OPENERS, isHeadOfStateTitle, PRONOUNS, SPEECH_VERBS, TITLE_HEADS, type PronounInfo } from './words.js';

const SENTENCES_BACK = 3;
const LEADER_HEADS = new Set(['president', 'minister', 'premier', 'chancellor', 'king', 'queen', 'emir', 'leader']);

function sentenceOf(view: TokenView, token: number): number {
  return view.tokens[token].sentence;
}

/** Does a role title fit a referring title head ("the French leader" fits any head of state or government)? */
function roleFits(roleTitle: string, head: string): boolean {
  const title = roleTitle.toLowerCase();
  if (head === 'leader') return [...LEADER_HEADS].some((word) => title.includes(word));
  return title.includes(head);
}

/** Every word of a title run fits the role: "the prime minister" is no foreign minister, "the foreign minister" is the Minister of Foreign Affairs. */
function titleFits(roleTitle: string, words: readonly string[], head: string): boolean {
  const title = roleTitle.toLowerCase();
  return roleFits(roleTitle, head) && words.every((word) => word === head || word === 'of' || word === 'the' || title.includes(word));
}

function countryOfRecord(stage: Stage, record: MentionRecord | undefined): string | null {
  if (!record) return null;
  return record.draft.actor?.country ?? (record.draft.kbId ? stage.kb.get(record.draft.kbId)?.country ?? null : null);
}

/** 1 for every token inside one of the mentions. */
function coveredTokens(view: TokenView, records: readonly MentionRecord[]): Uint8Array {
  const covered = new Uint8Array(view.words.length);
  for (const record of records) covered.fill(1, record.tokenStart, record.tokenEnd);
  return covered;
}

/** A lower-case remit from `from` ("for normalisation") that a name ends. */
function remitBeforeName(view: TokenView, from: number, covered: Uint8Array): boolean {
  let name = from + 1;
  while (name < view.words.length && name - from <= REMIT_REACH && !covered[name]) name++;
  return covered[name] === 1 && remitStart(view, name, view.sentenceStart[name]) === from;
}

/** "the president", "the French leader", "Cambodia’s Deputy Prime Minister" (no name after them). */
export function linkTitleReferences(stage: Stage): void {
  const { view, kb, builder } = stage;
  const records = builder.sortedMentions();
  const covered = coveredTokens(view, records);
  const byEnd = new Map<number, MentionRecord>(records.map((record) => [record.tokenEnd, record]));
  const byStart = new Map<number, MentionRecord>(records.map((record) => [record.tokenStart, record]));
  for (let k = 0; k < view.words.length; k++) {
    if (covered[k] || view.ignored[k] || !isTitleWord(view.lower[k])) continue;
    // Scanning left to right, k is the first word of this title run.
    const start = k;
    let end = k;
    while (end < view.words.length && !covered[end] && sentenceOf(view, end) === sentenceOf(view, k) &&
      (isTitleWord(view.lower[end]) || isHyphenInsideTitle(view, end) || (view.lower[end] === 'of' && isTitleWord(view.lower[end + 1] ?? '')))) end++;
    k = end - 1;
    const head = view.lower[end - 1];
    if (!TITLE_HEADS.has(head)) continue;
    // A name or an apposition follows, maybe past a remit ("Special Envoy for normalisation Serdar Kilic"): roles handled it.
    if (end < view.words.length && (covered[end] || (view.words[end] === ',' && covered[end + 1]) || remitBeforeName(view, end, covered))) continue;
    let qualifierEnd = start;
    if (qualifierEnd > 0 && view.possessiveMarker[qualifierEnd - 1]) qualifierEnd--;
    const before = byEnd.get(qualifierEnd);
    // "the president of Armenia": the qualifier follows.
    const after = before ? undefined : view.lower[end] === 'of' ? byStart.get(view.lower[end + 1] === 'the' ? end + 2 : end + 1) : undefined;
    const qualifier = before ?? (after && after.kind !== 'pronoun' ? after : undefined);
    const determinerAt = (before ? before.tokenStart : start) - 1;
    const determiner = determinerAt >= 0 ? view.lower[determinerAt] : '';
    if (determiner === 'a' || determiner === 'an') continue;
    const country = countryOfRecord(stage, qualifier);
    const mentionStart = before ? before.tokenStart : start;
    const mentionEnd = qualifier && qualifier === after ? qualifier.tokenEnd : end;
    const antecedent = [...records].reverse().find((record) =>
      record.start < view.tokens[start].start && record.draft.type === 'PERSON' &&
      record.draft.roles.some((role) => titleFits(role.title, view.lower.slice(start, end), head) && (!country || role.of === country || record.draft.actor?.country === country)));
    if (antecedent && (determiner === 'the' || qualifier)) {
      builder.addMention(mentionRecord(stage, antecedent.draft, 'title', mentionStart, mentionEnd));
      continue;
    }
    if (!qualifier || determiner === 'the' && !country) continue;
    const title = view.text.slice(view.tokens[start].start, view.wordEnd[end - 1]);
    const sector = kb.titleSector(title) ?? kb.titleSector(head);
    // "an M23 spokesman", "a Gazprom spokesman": someone speaking for an organisation is its actor.
    const organisation = qualifier.draft.type === 'ORG' && qualifier.draft.actor?.code ? qualifier.draft.actor : null;
    const draft = builder.draft(`titled:${view.tokens[mentionStart].start}`, () => ({
      name: `${title} of ${qualifier.draft.name}`,
      type: 'PERSON' as EntityType,
      actor: organisation ?? actorFrom(country, sector),
      roles: [{ title, of: country }],
      kbId: null,
      provenance: { method: 'rule', confidence: 0.6 },
    }));
    builder.addMention(mentionRecord(stage, draft, 'title', mentionStart, mentionEnd));
  }
}

/** A verb form at k ("of failing"): tagged a verb, or an -ing form the tagger took for a noun. */
function gerundAt(view: TokenView, k: number): boolean {
  return view.language?.upos[k] === 'VERB' || /^\p{Ll}+ing$/u.test(view.words[k] ?? '');
}

/** "of Sudan", "of the United States": an "of" at `k` followed by a name (a mention or a capitalised word). */
function namedAfterOf(view: TokenView, covered: Uint8Array, k: number): boolean {
  if (view.lower[k] !== 'of') return false;
  const next = view.lower[k + 1] === 'the' ? k + 2 : k + 1;
  return next < view.words.length && (covered[next] === 1 || /^\p{Lu}/u.test(view.words[next]));
}

/** Does the word at `k` carry on the noun phrase before it ("the army chief", "the government spokesman")? */
function continuesNounPhrase(view: TokenView, k: number): boolean {
  if (k >= view.words.length) return false;
  const tag = view.language?.upos[k];
  if (tag) return tag === 'NOUN' || tag === 'PROPN';
  return isTitleWord(view.lower[k]) || /^\p{Lu}/u.test(view.words[k]);
}

/** Tags of words that may open or continue a noun phrase before a sector noun ("Peruvian police", "the police"). */
const NOUN_PHRASE_TAGS = /^(NOUN|PROPN|ADJ|DET|NUM|PRON)$/;

/** Kinds of police named before the word ("riot police", "border police"). */
const POLICE_KINDS: ReadonlySet<string> = new Set(['riot', 'traffic', 'border', 'secret', 'military', 'local', 'city', 'municipal', 'federal', 'state', 'special', 'transport', 'tax']);

/**
 * "the army", "the government", "the police" with no country named: the body of that sector named
 * last ("Sudan's army … the army accused …"), or the country's body of that sector after a person
 * in it ("Prime Minister Sharif … the government would compensate …"), or, when none was named
 * before, the body of the country of a place earlier in the sentence ("lawmakers in Yerevan accused
 * the government") or, for a state body, of the dateline's country. "Police said …" opening a
 * sentence counts as "the police". Left alone when
 * "of" follows ("the army of Sudan" is named in place) or a qualifier precedes the noun.
 */
export function linkSectorReferences(stage: Stage): void {
  const { view, kb, builder } = stage;
  const records = builder.sortedMentions();
  const covered = coveredTokens(view, records);
  for (let k = 1; k < view.words.length; k++) {
    const noun = view.lower[k];
    // "the police", "Police said …" opening a sentence, or "police" with no article ("clashed with police").
    const opening = view.sentenceStart[k] === k && /^\p{Lu}\p{Ll}+$/u.test(view.words[k]);
    // "Riot police detained …", "and traffic police said": a kind of police with no country named.
    const police = noun === 'police' && view.words[k] === 'police' && !covered[k - 1];
    const policeKind = police && POLICE_KINDS.has(view.lower[k - 1]) && (view.sentenceStart[k - 1] === k - 1 || /^\p{Ll}/u.test(view.words[k - 1])) && !NOUN_PHRASE_TAGS.test(view.language?.upos[k - 2] ?? 'PUNCT');
    // "… was rejected by parliament", "a bill sent to parliament": the legislature needs no article either ("in parliament" is a place).
    const legislature = noun === 'parliament' && view.words[k] === 'parliament' && /^(by|to|from|with|before)$/.test(view.lower[k - 1]);
    const bare = policeKind || legislature || (police && !NOUN_PHRASE_TAGS.test(view.language?.upos[k - 1] ?? 'NOUN'));
    if ((!opening && !bare && (view.lower[k - 1] !== 'the' || !/^\p{Ll}/u.test(view.words[k]))) || covered[k] || view.ignored[k] || !COLLECTIVE_SECTOR_NOUNS.has(noun)) continue;
    const from = policeKind ? k - 1 : opening || bare ? k : k - 1;
    const plural = takesThey(noun);
    // "the army of Sudan" is named in place; "accused the government of making …" or "of weakness" is not.
    // "the opposition Broad Front", "the government daily Izvestia": a name right after the noun is what it qualifies.
    if (namedAfterOf(view, covered, k + 1) || view.possessive[k] || continuesNounPhrase(view, k + 1) || (k + 1 < view.words.length && covered[k + 1])) continue;
    // "outside the parliament", "in parliament": the building or the chamber, a place rather than an actor.
    if (noun === 'parliament' && PLACE_PREPOSITIONS.test(view.lower[view.lower[k - 1] === 'the' ? k - 2 : k - 1] ?? '')) continue;
    const chain = kb.sectorOf(noun);
    if (!chain) continue;
    const sector = primarySector(chain, true);
    const start = view.tokens[from].start;
    // After a person of that sector ("Prime Minister Sharif … the government") it is the body of their country.
    const countryOf = (record: MentionRecord): KbEntry | undefined => {
      const entry = kb.get(`country:${record.draft.actor?.country}`);
      return entry?.kind === 'country' ? entry : undefined;
    };
    const before = records.filter((record) => record.start < start && !record.draft.members).reverse();
    const earlier = before.filter((record) => record.draft.actor?.sector === sector);
    // A body named with the same noun comes first, whatever its sector ("Azerbaijan's foreign ministry
    // summoned Russia's ambassador … The ministry"; "the defence ministry … The ministry").
    const sameNoun = before.find((record) => record.draft.type !== 'PERSON' && record.draft.actor && view.text.slice(record.start, record.end).toLowerCase().split(/[^\p{L}]+/u).includes(noun));
    // "The opposition accused the government …", "the Speaker … He rejected claims that the government …":
    // an opposition, party or legislature of this sentence or the last speaks of its own country's government.
    const domestic = sector.startsWith('GOV')
      ? before.find((record) => sentenceOf(view, k) - sentenceOf(view, record.tokenStart) <= 1 && DOMESTIC_SECTORS.has(record.draft.actor?.sector ?? '') && countryOf(record))
      : undefined;
    if (domestic && !sameNoun) {
      builder.addMention(mentionRecord(stage, sectorDraft(stage, countryOf(domestic) as KbEntry, sector), 'description', from, k + 1, plural));
      continue;
    }
    const antecedent = sameNoun ?? earlier.find((record) => record.draft.type !== 'PERSON' || countryOf(record));
    if (!antecedent) {
      // None named yet: a place earlier in the same sentence tells whose ("lawmakers in Yerevan accused the government"),
      // else a state body is the dateline country's ("CHISINAU - … Police said").
      const place = before.find((record) => sentenceOf(view, record.tokenStart) === sentenceOf(view, k) && record.draft.type === 'GPE' && countryOf(record));
      // A state body, or the opposition to one, is the story's own country's.
      const state = STATE_SECTORS.has(sector.slice(0, 3)) || sector === 'OPP';
      const dateline = state ? datelineCountry(stage) : null;
      // With no dateline, the town the story opens in ("Thousands marched through central Yerevan … The police put the crowd at …").
      // A town later in the same sentence ("police raided homes in Yekaterinburg") tells it first.
      const placeAfter = place ? undefined : records.find((record) => record.start > start && sentenceOf(view, record.tokenStart) === sentenceOf(view, k) && record.draft.type === 'GPE' && countryOf(record));
      const setting = state && !place && !placeAfter && !dateline ? settingCountry(stage, records) : null;
      const country = place ? countryOf(place) : dateline ? kb.get(`country:${dateline}`) : setting ? kb.get(`country:${setting}`) : undefined;
      if (country?.kind === 'country') builder.addMention(mentionRecord(stage, sectorDraft(stage, country, sector), 'description', from, k + 1, plural));
      continue;
    }
    const country = antecedent.draft.type === 'PERSON' ? countryOf(antecedent) : undefined;
    const body = country ? sectorDraft(stage, country, sector) : antecedent.draft;
    builder.addMention(mentionRecord(stage, body, 'description', from, k + 1, plural));
  }
}

/** Sentences back within which "officers" are the police or troops named before. */
const OFFICERS_SENTENCES_BACK = 3;

/**
 * "Police in Lima detained 30 protesters … ten of them had been beaten by officers": plural
 * "officers" (or "the officers", "riot officers") with no body named in its own phrase are the
 * police or armed forces named last within three sentences, when one was; else they stay unnamed.
 */
export function linkOfficerReferences(stage: Stage): void {
  const { view, builder } = stage;
  const records = [...builder.sortedMentions()];
  const covered = coveredTokens(view, records);
  for (let k = 0; k < view.words.length; k++) {
    if (view.words[k] !== 'officers' || covered[k] || view.ignored[k] || view.lower[k + 1] === 'of') continue;
    // "the officers", "riot officers" and counted "nine officers" open with the word before; "two police
    // officers", "senior officers", "Chilean officers" are qualified, read elsewhere.
    const joined = view.lower[k - 1] === 'riot' || view.lower[k - 1] === 'the';
    const counted = view.language?.upos[k - 1] === 'NUM';
    if (!joined && (covered[k - 1] || (!counted && NOUN_PHRASE_TAGS.test(view.language?.upos[k - 1] ?? 'NOUN')))) continue;
    const from = joined || counted ? k - 1 : k;
    const start = view.tokens[from].start;
    const sentence = sentenceOf(view, k);
    const force = records
      .filter((record) => record.start < start && sentence - sentenceOf(view, record.tokenStart) <= OFFICERS_SENTENCES_BACK && record.draft.type === 'ORG')
      .reverse()
      .find((record) => /^(COP|MIL)/.test(record.draft.actor?.sector ?? ''));
    if (!force) continue;
    // Later "officers" may refer back to these ones: the chain carries the body along.
    const mention = mentionRecord(stage, force.draft, 'description', from, k + 1, true);
    builder.addMention(mention);
    records.push(mention);
  }
}

/** Prepositions that make "the parliament" the building or chamber it sits in. */
const PLACE_PREPOSITIONS = /^(in|inside|outside|near|at|into|around|opposite|towards|toward)$/;

/** Sectors whose members speak of their own country's government as "the government". */
const DOMESTIC_SECTORS = new Set(['OPP', 'LEG', 'PTY']);

/** Nouns that refer back to an international organisation ("the bloc", "the alliance"). */
const ORGANISATION_NOUNS = new Set(['bloc', 'alliance', 'organisation', 'organization', 'coalition', 'grouping', 'union', 'body', 'group', 'agency']);
/** Sectors of a non-state group ("the group" after M23, a rights group, a company). */
const GROUP_SECTORS = new Set(['REB', 'INS', 'OPP', 'NGO', 'BUS', 'REL', 'UAF']);
const ORGANISATION_SENTENCES_BACK = 3;
/** Nouns that refer back to a business named before ("the company", "a company spokesman"). */
const COMPANY_NOUNS = new Set(['company', 'firm', 'carrier', 'airline', 'operator', 'railway', 'railways', 'bank', 'corporation']);
/** After "a", a company noun refers back only as the employer of its spokesperson ("a company spokesman declined …"). */
const COMPANY_SPOKESPEOPLE = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'official', 'executive', 'representative', 'statement']);

/**
 * "Yerevan froze its participation in the CSTO, accusing the bloc of …": "the bloc", "the
 * alliance", "the organisation" with nothing after it that names it is the international
 * organisation named last, within three sentences; "the group" is the non-state group (rebels, a
 * company, a charity) named last, "the agency" the news agency (or an international agency),
 * and "the company" (or "a company spokesman") the business named last.
 */
export function linkOrganisationReferences(stage: Stage): void {
  const { view, kb, builder } = stage;
  const records = builder.sortedMentions();
  const covered = coveredTokens(view, records);
  for (let k = 1; k < view.words.length; k++) {
    const company = COMPANY_NOUNS.has(view.lower[k]) && (view.lower[k - 1] === 'the' || (view.lower[k - 1] === 'a' && COMPANY_SPOKESPEOPLE.has(view.lower[k + 1] ?? '')));
    if (!company && (view.lower[k - 1] !== 'the' || !ORGANISATION_NOUNS.has(view.lower[k]))) continue;
    if (covered[k] || view.ignored[k] || !/^\p{Ll}/u.test(view.words[k])) continue;
    // "the alliance of democracies" names its own members; "accused the bloc of failing" does not.
    if ((view.lower[k + 1] === 'of' && !gerundAt(view, k + 2)) || (!company && continuesNounPhrase(view, k + 1))) continue;
    const start = view.tokens[k - 1].start;
    const sentence = sentenceOf(view, k);
    const organisation = records
      .filter((record) => record.start < start && sentence - sentenceOf(view, record.tokenStart) <= ORGANISATION_SENTENCES_BACK)
      .reverse()
      .find((record) => {
        if (company) return record.draft.type === 'ORG' && record.draft.actor?.sector === 'BUS';
        if (view.lower[k] === 'group') return record.draft.type === 'ORG' && GROUP_SECTORS.has(record.draft.actor?.sector ?? '');
        const kind = record.draft.kbId !== null ? kb.get(record.draft.kbId)?.kind : undefined;
        // "the agency": a news agency, or an international one ("the International Atomic Energy Agency").
        if (view.lower[k] === 'agency') return kind === 'media' || (kind === 'igo' && /agency/i.test(record.draft.name));
        return kind === 'igo';
      });
    if (organisation) builder.addMention(mentionRecord(stage, organisation.draft, 'description', k - 1, k + 1));
  }
}

/** Sentences back within which a country tells whose capital "the capital" is. */
const CAPITAL_SENTENCES_BACK = 2;

/**
 * "BAKU — Azerbaijan ordered the closure of the Russian House in the capital": "the capital" is the
 * capital city of the latest country named within two sentences (a country, its government or a
 * town of it; not a demonym, a building or a foreign body inside it), from the knowledge base's capitals.
 */
export function linkCapitalReferences(stage: Stage): void {
  const { view, kb, builder } = stage;
  const records = builder.sortedMentions();
  const covered = coveredTokens(view, records);
  for (let k = 1; k < view.words.length; k++) {
    if (view.words[k] !== 'capital' || view.lower[k - 1] !== 'the' || covered[k] || view.ignored[k]) continue;
    // "the capital of Armenia" names its country; "the capital Baku" names the city itself.
    if (view.lower[k + 1] === 'of' || /^\p{Lu}/u.test(view.words[k + 1] ?? '')) continue;
    const start = view.tokens[k - 1].start;
    const sentence = sentenceOf(view, k);
    const country = records
      .filter((record) => record.start < start && record.kind !== 'demonym' && sentence - sentenceOf(view, record.tokenStart) <= CAPITAL_SENTENCES_BACK)
      .reverse()
      .map((record) => (record.draft.type === 'GPE' || record.draft.actor?.sector === 'GOV' ? record.draft.actor?.country : undefined))
      .find((code): code is string => typeof code === 'string' && /^[A-Z]{3}$/.test(code));
    const capital = country ? kb.get(`country:${country}`)?.capital : undefined;
    if (country && capital) builder.addMention(mentionRecord(stage, townDraft(stage, capital, country), 'description', k - 1, k + 1));
  }
}

/** Words an apposition's trailing modifier may hold ("Turkey's special envoy for normalisation with Armenia,"). */
const APPOSITION_GAP = 6;

/**
 * "Serdar Kilic, Turkey's special envoy, met …" and "Turkey's special envoy for Armenia, Serdar
 * Kilic, is expected …": an unnamed office holder set off by commas next to a person's name is that
 * person, who takes its actor (and its title as a role) when the name alone gave none. Lists are
 * left alone ("Netanyahu, Cambodia's Deputy Prime Minister, and representatives …").
 */
export function mergeAppositiveDescriptions(stage: Stage): void {
  const { view, builder } = stage;
  const records = builder.sortedMentions();
  const names = records.filter((record) => record.kind === 'name' && record.draft.type === 'PERSON');
  const sentenceEnd = (k: number): boolean => k >= view.words.length || view.sentenceStart[k] === k || /^[.;:]$/.test(view.words[k]);
  // Where the phrase ending at `from` closes: `from` itself at the sentence's end, else the comma
  // after at most a short modifier with no verb; then the clause must go on (no "and"/"or": a list).
  // A name may follow that comma only where `nameFollows` says so (else it starts the next list item).
  const closing = (from: number, nameFollows = false): number | null => {
    for (let k = from; k < Math.min(view.words.length, from + APPOSITION_GAP + 1); k++) {
      if (sentenceEnd(k)) return k === from ? k : null;
      // "Maria Lopez, a Peruvian journalist who was shot …": a relative clause right after still describes the one person.
      if (k === from && /^(who|whose|whom)$/.test(view.lower[k] ?? '')) return k;
      if (view.words[k] === ',') return /^(and|or)$/.test(view.lower[k + 1] ?? '') || (!nameFollows && /^\p{Lu}/u.test(view.words[k + 1] ?? '')) ? null : k;
      if (/^(VERB|AUX)$/.test(view.language?.upos[k] ?? '')) return null;
    }
    return null;
  };
  for (const record of records) {
    const described = record.draft;
    if (described.type !== 'PERSON' || described.kbId || (record.kind !== 'description' && record.kind !== 'title')) continue;
    const sentence = sentenceOf(view, record.tokenStart);
    const name = names.find((candidate) => {
      if (candidate.draft === described || sentenceOf(view, candidate.tokenStart) !== sentence) return false;
      // "Serdar Kilic, Turkey's special envoy …, met": the name opens its clause (no list before it).
      if (candidate.tokenEnd < record.tokenStart) {
        const opens = candidate.tokenStart === view.sentenceStart[candidate.tokenStart] || view.words[candidate.tokenStart - 1] !== ',';
        return opens && view.words[candidate.tokenEnd] === ',' && record.tokenStart - candidate.tokenEnd <= 2 && closing(record.tokenEnd) !== null;
      }
      // "Turkey's special envoy for Armenia, Serdar Kilic, is expected", "met his counterpart, Ruben Rubinyan."
      const comma = closing(record.tokenEnd, true);
      if (comma === null || view.words[comma] !== ',') return false;
      if (comma + 1 === candidate.tokenStart) return closing(candidate.tokenEnd) !== null;
      // "Turkey's envoy, veteran diplomat Serdar Kilic, and …": a title of the name's own makes it no list item.
      const between = view.words.slice(comma + 1, candidate.tokenStart);
      return between.length <= 3 && between.every((word) => /^\p{Ll}/u.test(word)) && between.some((word) => TITLE_HEADS.has(word.toLowerCase()));
    });
    if (!name) continue;
    const person = name.draft;
    // The description's actor, when the name gave none or only its country ("Ruben Rubinyan" ARM → ARMLEG).
    const sameCountry = described.actor?.country && described.actor.country === person.actor?.country;
    if (described.actor && (!person.actor?.code || (sameCountry && !person.actor.sector))) person.actor = described.actor;
    // "his Armenian counterpart, deputy speaker Ruben Rubinyan" in a story from Ankara: the apposition's country beats one guessed from the story.
    else if (!person.kbId && described.actor?.country && person.actor?.country !== described.actor.country) person.actor = actorFrom(described.actor.country, person.actor?.sector ?? described.actor.sector);
    if (person.roles.length === 0) for (const role of described.roles) builder.addRole(person, role);
    person.gender ??= described.gender;
    for (const mention of records) if (mention.draft === described) mention.draft = person;
  }
}

const FORWARD_SENTENCES = 3;

/**
 * The news lead's unnamed office holder ("Armenia's foreign minister said … " and, a paragraph
 * later, "Ararat Mirzoyan told …"): a person known only by a description or title joins the first
 * person named within three sentences after it who holds that office — same actor code, and every
 * word of the description's title found in the named person's role.
 */
export function linkDescriptionsForward(stage: Stage): void {
  const { view, builder } = stage;
  const records = builder.sortedMentions();
  const unnamed = new Map<EntityDraft, MentionRecord[]>();
  const named = new Set<EntityDraft>();
  for (const record of records) {
    if (record.kind === 'name') named.add(record.draft);
    if (record.draft.type === 'PERSON' && !record.draft.kbId && (record.kind === 'description' || record.kind === 'title')) {
      unnamed.set(record.draft, [...(unnamed.get(record.draft) ?? []), record]);
    }
  }
  for (const [draft, mentions] of unnamed) {
    const code = draft.actor?.code;
    if (named.has(draft) || !code || !draft.actor?.country) continue;
    const first = mentions[0];
    const titleWords = view.lower.slice(first.tokenStart, first.tokenEnd).filter((word) => /^[a-z-]+$/.test(word) && word !== 'the' && isTitleWord(word));
    if (titleWords.length === 0) continue;
    const sentence = sentenceOf(view, first.tokenStart);
    const holder = records.find((record) =>
      record.start > first.start && record.kind === 'name' && record.draft.type === 'PERSON' && record.draft.actor?.code === code &&
      sentenceOf(view, record.tokenStart) - sentence <= FORWARD_SENTENCES &&
      record.draft.roles.some((role) => titleWords.every((word) => role.title.toLowerCase().includes(word))));
    if (holder) for (const mention of mentions) mention.draft = holder.draft;
  }
}

/** The country entry behind an actor-like draft (a country, its government, a capital used as actor). */
function countryEntry(stage: Stage, draft: EntityDraft): KbEntry | null {
  const entry = draft.kbId ? stage.kb.get(draft.kbId) : undefined;
  return entry?.kind === 'country' ? entry : null;
}

function groupDraft(stage: Stage, members: EntityDraft[]): EntityDraft {
  const unique = [...new Set(members)];
  const key = `group:${unique.map((m) => m.key).sort().join('|')}`;
  return stage.builder.draft(key, () => ({
    name: unique.map((m) => m.name).join(' and '),
    type: unique.every((m) => m.type === 'GPE') ? 'GPE' : 'OTHER',
    actor: null,
    members: unique,
    kbId: null,
    provenance: { method: 'rule', confidence: 0.6 },
  }));
}

const GROUPABLE = new Set<EntityType>(['PERSON', 'GPE', 'ORG', 'NORP']);

/** A name or metonym of a person, country or organisation, or a description coded as an actor ("Sudan's army"). */
function isActorName(record: MentionRecord): boolean {
  const named = record.kind === 'name' || record.kind === 'metonym' || (record.kind === 'description' && record.draft.actor !== null);
  return named && GROUPABLE.has(record.draft.type) && !record.draft.members;
}

/** The first token of a name with its title and qualifier ("Azerbaijani President Ilham Aliyev"). */
function phraseStart(view: TokenView, record: MentionRecord, byEnd: Map<number, MentionRecord>): number {
  let start = record.tokenStart;
  while (start - 1 >= view.sentenceStart[record.tokenStart] && isTitleWord(view.lower[start - 1])) start--;
  let qualifierEnd = start;
  if (qualifierEnd > 0 && view.possessiveMarker[qualifierEnd - 1]) qualifierEnd--;
  const qualifier = byEnd.get(qualifierEnd);
  return qualifier && qualifier !== record ? qualifier.tokenStart : start;
}

interface Coordination {
  members: MentionRecord[];
  tokenStart: number;
  tokenEnd: number;
}

/** "A and B", "A, B and C", with titles allowed before each name. */
function coordinations(stage: Stage, records: MentionRecord[]): Coordination[] {
  const { view } = stage;
  const byEnd = new Map<number, MentionRecord>(records.map((r) => [r.tokenEnd, r]));
  const byStart = new Map<number, MentionRecord>();
  for (const record of records) if (isActorName(record)) byStart.set(record.tokenStart, record);
  const anyAt = new Map<number, MentionRecord>(records.map((r) => [r.tokenStart, r]));
  // The next actor name, skipping its title, its demonym and a possessor ("Trump’s special envoy Steve Witkoff").
  const nextName = (from: number): MentionRecord | undefined => {
    let k = from;
    while (k < view.words.length) {
      const actor = byStart.get(k);
      if (actor && !view.possessive[actor.tokenEnd - 1]) return actor;
      const any = anyAt.get(k);
      if (any && (any.kind === 'demonym' || view.possessive[any.tokenEnd - 1])) k = any.tokenEnd;
      else if (isTitleWord(view.lower[k]) || view.possessiveMarker[k] || view.lower[k] === 'the') k++;
      // One lower-case modifier between "the" and a name: "the paramilitary Rapid Support Forces".
      else if (view.lower[k - 1] === 'the' && /^\p{Ll}[\p{Ll}-]*$/u.test(view.words[k]) && byStart.has(k + 1)) k++;
      else return undefined;
    }
    return undefined;
  };
  const found: Coordination[] = [];
  const used = new Set<MentionRecord>();
  for (const first of records) {
    if (!isActorName(first) || used.has(first)) continue;
    const members = [first];
    let cursor = first.tokenEnd;
    let closed = false;
    while (!closed) {
      const joiner = view.lower[cursor];
      if (joiner !== 'and' && joiner !== ',') break;
      closed = joiner === 'and' || view.lower[cursor + 1] === 'and';
      const next = nextName(joiner === ',' && closed ? cursor + 2 : cursor + 1);
      if (!next || sentenceOf(view, next.tokenStart) !== sentenceOf(view, first.tokenStart)) {
        closed = false;
        break;
      }
      if ((next.draft.type === 'PERSON') !== (first.draft.type === 'PERSON')) break;
      members.push(next);
      cursor = next.tokenEnd;
    }
    // Only a list closed by "and" is a coordination ("A, B and C"); "A, B," is an apposition.
    if (!closed || members.length < 2) continue;
    if (members.some((m) => m.draft === first.draft && m !== first)) continue;
    members.forEach((m) => used.add(m));
    found.push({ members, tokenStart: phraseStart(view, first, byEnd), tokenEnd: members[members.length - 1].tokenEnd });
  }
  return found;
}

/** Does a coordination act together: a subject, or after "both" / "between"? */
function actsTogether(view: TokenView, coordination: Coordination): boolean {
  const before = view.lower[coordination.tokenStart - 1] ?? '';
  if (before === 'both' || before === 'between') return true;
  return isSubject(view, coordination.tokenStart, coordination.tokenEnd);
}

/** A phrase that refers back to a pair: "the two countries", "both sides", "the former Soviet republics". */
function groupPhraseAt(view: TokenView, k: number): { start: number; end: number } | null {
  const word = view.lower[k];
  let start = k;
  if (word === 'the' || word === 'these' || word === 'those') start = k + 1;
  const opener = GROUP_OPENERS.has(view.lower[start]);
  if (!opener && start === k) return null;
  for (let end = start + (opener ? 1 : 0); end < Math.min(view.words.length, start + 5); end++) {
    if (sentenceOf(view, end) !== sentenceOf(view, k)) return null;
    // Without "two"/"both", only lower-case words ("the former Soviet republics" needs its opener "the" + a lower-case noun).
    const word = view.words[end];
    // "the Parties", "the Sides": a treaty's or communiqué's capitalised term for its signatories.
    const definedTerm = !opener && end === start && (word === 'Parties' || word === 'Sides');
    if (GROUP_NOUNS.has(view.lower[end]) && (opener || /^[a-z]/.test(word) || definedTerm)) {
      // "the countries of the region", "the states in the Gulf": a set its phrase defines, not one named before.
      if (!opener && COUNTRY_GROUP_NOUNS.has(view.lower[end]) && /^(of|in|from)$/.test(view.lower[end + 1] ?? '')) return null;
      return { start: opener ? start : k + 1, end: end + 1 };
    }
    // Only modifiers may come between ("the two former Soviet republics"), not "of", "both" …
    if (NOT_IN_NOUN_PHRASE.test(view.lower[end]) || (end > start && GROUP_OPENERS.has(view.lower[end]))) return null;
    if (!/^[\p{L}-]+$/u.test(word) || (!opener && /^\p{Lu}/u.test(word) && view.lower[end + 1] !== undefined && !GROUP_NOUNS.has(view.lower[end + 1]))) return null;
  }
  return null;
}

/** Sector words before "of <group>" ("the foreign ministries of", "the leaders of"). */
function sectorBeforeOf(stage: Stage, ofToken: number): { start: number; sector: string } | null {
  const { view, kb } = stage;
  if (view.lower[ofToken] !== 'of' || ofToken < 1) return null;
  const head = view.lower[ofToken - 1];
  if (/^(leaders|representatives|governments|delegations|officials|heads)$/.test(head)) return { start: ofToken - 1, sector: 'GOV' };
  let found: { start: number; sector: string } | null = null;
  for (let start = ofToken - 1; start >= Math.max(view.sentenceStart[ofToken], ofToken - 3); start--) {
    const words = view.lower.slice(start, ofToken);
    if (!/^[a-z][a-z-]*$/.test(view.words[start]) || NOT_IN_NOUN_PHRASE.test(view.lower[start])) break;
    const sector = headIsSectorNoun(kb, words) ? kb.sectorOf(words.join(' ')) : null;
    if (sector) found = { start, sector: sector.slice(0, 3) };
  }
  return found;
}

/** How far back, in sentences, the countries of an unnamed pair ("the two countries") are weighed. */
const PAIR_SENTENCES_BACK = 6;
/** Weight kept per sentence back when weighing them. */
const PAIR_DECAY = 0.7;

/**
 * Salience of what the mentions before `start` stand for (`keyOf`; undefined skips a mention): each
 * mention within PAIR_SENTENCES_BACK sentences of the last one adds its `weightOf`, decayed by
 * PAIR_DECAY per sentence back.
 */
function salienceBefore<K>(stage: Stage, start: number, keyOf: (record: MentionRecord) => K | undefined, weightOf: (record: MentionRecord) => number): Map<K, number> {
  const { view } = stage;
  const records = stage.builder.sortedMentions().filter((record) => record.start < start);
  const weight = new Map<K, number>();
  if (records.length === 0) return weight;
  const sentence = sentenceOf(view, records[records.length - 1].tokenStart);
  for (const record of records) {
    const distance = sentence - sentenceOf(view, record.tokenStart);
    if (distance > PAIR_SENTENCES_BACK) continue;
    const key = keyOf(record);
    if (key !== undefined) weight.set(key, (weight.get(key) ?? 0) + weightOf(record) * PAIR_DECAY ** distance);
  }
  return weight;
}

/** How general a country's entity is, for standing in a pair: the country itself, its government, then its other bodies. */
function generality(draft: EntityDraft): number {
  return draft.type === 'GPE' ? 0 : draft.actor?.sector === 'GOV' ? 1 : 2;
}

/**
 * The two most salient different countries before `start`, none of them `excluded`: every mention
 * of a country, its government or its people counts (a demonym half), and so does every mention of
 * a person of that country ("Aliyev thanked the Russian leader and said the two countries …" is
 * Azerbaijan and Russia, not the last two places named), weighed less the further back it is.
 * Each country is represented by its most general own entity (its name or capital, else its
 * government, else another body); one never named itself cannot be in the pair.
 */
function salientPair(stage: Stage, start: number, excluded: ReadonlySet<EntityDraft>): EntityDraft[] {
  const { kb } = stage;
  const all = stage.builder.sortedMentions();
  const excludedCountries = new Set([...excluded].map((draft) => countryEntry(stage, draft)?.id ?? (draft.actor?.country ? `country:${draft.actor.country}` : '')));
  const countryOf = (record: MentionRecord): KbEntry | undefined => {
    const entry = countryEntry(stage, record.draft) ?? (record.draft.actor?.country ? kb.get(`country:${record.draft.actor.country}`) : undefined);
    return entry?.kind === 'country' && !excludedCountries.has(entry.id) && !excluded.has(record.draft) && !record.draft.members ? entry : undefined;
  };
  const weight = salienceBefore(stage, start, (record) => countryOf(record)?.id, (record) => (record.kind === 'demonym' ? 0.5 : 1));
  // Each country stands in the pair by its most general own entity named anywhere in the article,
  // the latest before the phrase first (an entity needs a mention of its own, so one never named is out).
  const representative = new Map<string, { draft: EntityDraft; rank: number }>();
  for (const record of all) {
    const entry = countryOf(record);
    if (!entry || record.kind === 'demonym' || !countryEntry(stage, record.draft)) continue;
    const rank = generality(record.draft) * 2 + (record.start < start ? 0 : 1);
    const current = representative.get(entry.id);
    if (!current || rank < current.rank || (rank === current.rank && record.start < start)) representative.set(entry.id, { draft: record.draft, rank });
  }
  const ranked = [...weight].filter(([id]) => representative.has(id)).sort((a, b) => b[1] - a[1]).slice(0, 2);
  return ranked.length === 2 ? ranked.map(([id]) => representative.get(id)!.draft) : [];
}

interface GroupSite {
  tokenStart: number;
  tokenEnd: number;
  /** Set for a coordination ("Armenia and Azerbaijan"); null for a phrase referring back ("the two countries"). */
  coordination: Coordination | null;
  /** The group noun of a referring phrase ("countries", "leaders"). */
  noun: string | null;
}

/** Group nouns that only ever mean people. */
const PERSON_GROUP_NOUNS = new Set(['men']);
/** Group nouns for people in office: "the two leaders" are two people, not two countries. */
const LEADER_GROUP_NOUNS = new Set(['leaders', 'presidents', 'premiers', 'ministers', 'counterparts', 'heads']);

/**
 * The two most salient people in office of different countries before `start` (every mention
 * counts, weighed less the further back it is), none of them `excluded`: "Pashinyan will hold talks
 * with Putin … The two leaders are expected to discuss …".
 */
function salientLeaders(stage: Stage, start: number, excluded: ReadonlySet<EntityDraft>, noun: string): EntityDraft[] {
  const inOffice = (draft: EntityDraft): boolean => draft.type === 'PERSON' && !draft.members && !excluded.has(draft) && Boolean(draft.actor?.country) && draft.actor?.sector === 'GOV';
  const weight = salienceBefore(stage, start, (record) => (inOffice(record.draft) ? record.draft : undefined), () => 1);
  const pairOf = (ranked: [EntityDraft, number][]): EntityDraft[] => {
    const first = ranked[0]?.[0];
    const second = ranked.find(([draft]) => draft.actor?.country !== first?.actor?.country)?.[0];
    return first && second ? [first, second] : [];
  };
  const ranked = [...weight].sort((a, b) => b[1] - a[1]);
  // "Both leaders" are heads of state or government when the passage names two of them.
  const heads = HEAD_GROUP_NOUNS.has(noun) ? pairOf(ranked.filter(([draft]) => isHeadOfStateOrGovernment(draft))) : [];
  return heads.length > 0 ? heads : pairOf(ranked);
}

/** Group nouns for heads of state or government only ("both leaders", "the two presidents"). */
const HEAD_GROUP_NOUNS = new Set(['leaders', 'presidents', 'premiers']);

/** Does the person hold a head-of-state or head-of-government title (not a vice or deputy one)? */
function isHeadOfStateOrGovernment(draft: EntityDraft): boolean {
  return draft.roles.some((role) => isHeadOfStateTitle(role.title));
}

/** The latest plural phrase within three sentences whose head is the group noun ("two Azerbaijani men" for "the men"). */
function sameHeadPlural(stage: Stage, site: GroupSite, startChar: number): EntityDraft | null {
  const { view } = stage;
  if (!site.noun || site.coordination) return null;
  const sentence = sentenceOf(view, site.tokenStart);
  const records = stage.builder.sortedMentions();
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    if (record.start >= startChar) continue;
    if (sentence - sentenceOf(view, record.tokenStart) > SENTENCES_BACK) break;
    if (!record.draft.members && view.lower[record.tokenEnd - 1] === site.noun) return record.draft;
  }
  return null;
}

const COUNTRY_GROUP_NOUNS = new Set(['countries', 'nations', 'states', 'republics', 'capitals', 'neighbours', 'neighbors']);

/** The latest group fitting the noun: groups of countries for "the two countries", any group otherwise. */
function lastGroupBefore(stage: Stage, start: number, noun: string | null, excluded: ReadonlySet<EntityDraft>): EntityDraft | null {
  const records = stage.builder.sortedMentions();
  for (let i = records.length - 1; i >= 0; i--) {
    const members = records[i].draft.members;
    if (records[i].start >= start || !members || members.length < 2 || excluded.has(records[i].draft)) continue;
    if (noun && COUNTRY_GROUP_NOUNS.has(noun) && !members.every((member) => countryEntry(stage, member))) continue;
    // "The ministers" are people or the governments they lead, not the two towns named last.
    if (noun && (LEADER_GROUP_NOUNS.has(noun) || PERSON_GROUP_NOUNS.has(noun)) && !members.every((member) => member.type === 'PERSON' || member.actor?.sector === 'GOV')) continue;
    // "Both leaders" after "Rubio and Pashinyan" met: a minister among them makes the pair no leaders.
    if (noun && HEAD_GROUP_NOUNS.has(noun) && members.some((member) => member.type === 'PERSON' && member.roles.length > 0 && !isHeadOfStateOrGovernment(member))) continue;
    return records[i].draft;
  }
  return null;
}

/**
 * What a referring phrase that is not its clause's subject cannot mean: the subject of its own
 * sentence and that subject's members ("the US and Saudi Arabia urged the two sides" — the sides
 * are someone else), as a pronoun object is not its clause's subject either. A sector of the pair
 * ("The Parties welcomed rules ratified by the parliaments of both countries") names other bodies
 * of the same countries, so nothing is excluded.
 */
function boundBySubject(stage: Stage, site: GroupSite): Set<EntityDraft> {
  const { view } = stage;
  const excluded = new Set<EntityDraft>();
  if (isSubject(view, site.tokenStart, site.tokenEnd) || siteSector(stage, site)) return excluded;
  const sentence = sentenceOf(view, site.tokenStart);
  for (const record of stage.builder.sortedMentions()) {
    if (record.tokenStart >= site.tokenStart || !record.subject || sentenceOf(view, record.tokenStart) !== sentence) continue;
    // "The leaders of the two republics met": the subject's head owns the phrase, it is not someone else.
    if (view.lower[record.tokenEnd] === 'of' && site.tokenStart - record.tokenEnd <= 2) continue;
    excluded.add(record.draft);
    for (const member of record.draft.members ?? []) excluded.add(member);
  }
  return excluded;
}

/**
 * "the leaders of Armenia and Azerbaijan", "the foreign ministries of both countries": a group of
 * each member country's sector (GOV here). Member names inside the phrase become metonyms of it.
 */
/** The sector words before "of" a group phrase ("the parliaments of both countries"), with the "of" token. */
function siteSector(stage: Stage, site: GroupSite): { start: number; sector: string; ofToken: number } | null {
  let ofToken = site.tokenStart - 1;
  if (stage.view.lower[ofToken] === 'the' || stage.view.lower[ofToken] === 'both') ofToken--;
  const sector = sectorBeforeOf(stage, ofToken);
  return sector ? { ...sector, ofToken } : null;
}

function sectorGroup(stage: Stage, site: GroupSite, base: EntityDraft[]): MentionRecord | null {
  const sector = siteSector(stage, site);
  if (!sector) return null;
  const ofToken = sector.ofToken;
  const entries = base.map((member) => countryEntry(stage, member));
  if (entries.some((entry) => !entry)) return null;
  const members = entries.map((entry) => sectorDraft(stage, entry!, sector.sector));
  if (site.coordination) {
    // "the leaders of Armenia and Azerbaijan": each name stands for its country's government.
    site.coordination.members.forEach((record, index) => {
      record.draft = members[index];
      record.kind = 'metonym';
    });
  } else {
    // "the foreign ministries of both countries": the sector words describe each member.
    for (const member of members) stage.builder.addMention(mentionRecord(stage, member, 'description', sector.start, ofToken));
  }
  return mentionRecord(stage, groupDraft(stage, members), 'group', sector.start, site.tokenEnd, true);
}

/** Sentences back within which the latest pair named is what "the two countries" refers to. */
const GROUP_SENTENCES_BACK = 2;

/**
 * The pair "the two sides" refers to. The latest pair named, unless it was named in passing (not
 * as a subject: "a peace deal between Armenia and Azerbaijan", "the crossing between Russia and
 * Georgia") before the phrase's sentence: then a pair the story has named as often or more wins, and a passing pair paragraphs back
 * yields to the most salient pair of countries (null here).
 */
function pairAntecedent(stage: Stage, site: GroupSite, latest: EntityDraft | null, excluded: ReadonlySet<EntityDraft>): EntityDraft | null {
  const { view } = stage;
  if (!latest || (site.noun && (LEADER_GROUP_NOUNS.has(site.noun) || PERSON_GROUP_NOUNS.has(site.noun)))) return latest;
  const startChar = view.tokens[site.tokenStart].start;
  const earlier = stage.builder.sortedMentions().filter((record) => record.start < startChar);
  const lastMention = earlier.filter((record) => record.draft === latest).pop();
  // Named lately as a subject, or countries named in the same sentence ("relations between Azerbaijan and
  // Russia … arrests in both countries"; not "flights between Istanbul and Yerevan … the sides"): that pair.
  const countries = (latest.members ?? []).every((member) => countryEntry(stage, member));
  if (!lastMention || lastMention.subject || (countries && sentenceOf(view, lastMention.tokenStart) === sentenceOf(view, site.tokenStart))) return latest;
  const counts = new Map<EntityDraft, number>();
  for (const record of earlier) {
    const members = record.draft.members;
    if (!members || members.length < 2 || excluded.has(record.draft)) continue;
    if (site.noun && COUNTRY_GROUP_NOUNS.has(site.noun) && !members.every((member) => countryEntry(stage, member))) continue;
    counts.set(record.draft, (counts.get(record.draft) ?? 0) + 1);
  }
  const latestCount = counts.get(latest) ?? 0;
  const dominant = [...counts].filter(([draft, count]) => draft !== latest && count >= latestCount).sort((a, b) => b[1] - a[1])[0];
  if (dominant) return dominant[0];
  if (sentenceOf(view, site.tokenStart) - sentenceOf(view, lastMention.tokenStart) <= GROUP_SENTENCES_BACK) return latest;
  const pair = salientPair(stage, startChar, excluded).map((draft) => countryEntry(stage, draft)?.id);
  const members = (latest.members ?? []).map((member) => countryEntry(stage, member)?.id);
  return pair.length === 2 && !pair.every((id) => members.includes(id)) ? null : latest;
}

/** Coordinations acting together, phrases referring back to a pair, and sector phrases over them, in text order. */
export function findGroups(stage: Stage): void {
  const { view, builder } = stage;
  const sites: GroupSite[] = coordinations(stage, builder.sortedMentions()).map((coordination) => ({
    tokenStart: coordination.tokenStart,
    tokenEnd: coordination.tokenEnd,
    coordination,
    noun: null,
  }));
  for (let k = 0; k < view.words.length; k++) {
    const phrase = view.ignored[k] ? null : groupPhraseAt(view, k);
    if (!phrase) continue;
    sites.push({ tokenStart: phrase.start, tokenEnd: phrase.end, coordination: null, noun: view.lower[phrase.end - 1] });
    k = phrase.end - 1;
  }
  sites.sort((a, b) => a.tokenStart - b.tokenStart);
  sites.forEach((site, index) => {
    const startChar = view.tokens[site.tokenStart].start;
    let base: EntityDraft[];
    // "The two foreign ministers, Jeyhun Bayramov and Ararat Mirzoyan, …": the people set off after a phrase for people are its members.
    const next = !site.coordination && view.words[site.tokenEnd] === ',' && site.noun && LEADER_GROUP_NOUNS.has(site.noun) ? sites[index + 1] : undefined;
    const apposed = next?.coordination?.members.every((member) => member.draft.type === 'PERSON') ? next : undefined;
    if (site.coordination) {
      base = site.coordination.members.map((m) => m.draft);
    } else if (apposed?.coordination && apposed.tokenStart === site.tokenEnd + 1) {
      base = apposed.coordination.members.map((m) => m.draft);
    } else {
      // "two Azerbaijani men … one of the men": the plural phrase with the same head noun, not a new group.
      const namedAlike = sameHeadPlural(stage, site, startChar);
      if (namedAlike) {
        builder.addMention(mentionRecord(stage, namedAlike, 'description', site.tokenStart, site.tokenEnd, true));
        return;
      }
      const excluded = boundBySubject(stage, site);
      const latest = lastGroupBefore(stage, startChar, site.noun, excluded);
      const antecedent = pairAntecedent(stage, site, latest, excluded);
      // Two countries named last stand in for a pair of states, sides or governments, never for "the men".
      const leaders = site.noun && LEADER_GROUP_NOUNS.has(site.noun) ? salientLeaders(stage, startChar, excluded, site.noun) : [];
      base = antecedent?.members ?? (leaders.length > 0 ? leaders : site.noun && PERSON_GROUP_NOUNS.has(site.noun) ? [] : salientPair(stage, startChar, excluded));
      if (base.length < 2) return;
    }
    // "The three men" are not a pair.
    const counted = GROUP_SIZES[view.lower[site.tokenStart]];
    if (!site.coordination && counted !== undefined && counted !== base.length) return;
    const bySector = sectorGroup(stage, site, base);
    if (bySector) {
      builder.addMention(bySector);
      return;
    }
    if (site.coordination && !actsTogether(view, site.coordination)) return;
    builder.addMention(mentionRecord(stage, groupDraft(stage, base), 'group', site.tokenStart, site.tokenEnd, true));
  });
}

/** How many members a group phrase's opening word counts. */
const GROUP_SIZES: Readonly<Record<string, number>> = { two: 2, both: 2, three: 3 };

/** Is the pronoun at `k` the subject of a verb of saying ("he said", "she added", "he told reporters")? */
function pronounSpeaks(view: TokenView, k: number): boolean {
  if (view.language) {
    const verb = subjectVerb(view.language, k, k + 1);
    if (verb >= 0) return SPEECH_VERBS.has(view.lower[verb]);
  }
  return SPEECH_VERBS.has(view.lower[k + 1] ?? '') || (/^(also|then|later|again)$/.test(view.lower[k + 1] ?? '') && SPEECH_VERBS.has(view.lower[k + 2] ?? ''));
}

/** "It was not immediately clear …", "it is expected that …", "it takes us three days": no referent. */
function isExpletiveIt(view: TokenView, k: number): boolean {
  const next = view.lower[k + 1] ?? '';
  // "It takes us three days", "it will take years": time taken, not a doer ("it took control" keeps its referent).
  const takes = next === 'takes' || next === 'took' || (/^(will|would|could|may|might)$/.test(next) && view.lower[k + 2] === 'take');
  if (takes && view.lower.slice(k + 2, k + 6).some((word) => /^(days?|weeks?|months?|years?|hours?|decades?|minutes?|time|long|ages)$/.test(word))) return true;
  const after = view.lower.slice(k + 2, k + 5).join(' ');
  return /^(is|was|'s|seems|seemed|appears|appeared|remains|remained|has|had)$/.test(next) &&
    /\b(not|clear|unclear|likely|unlikely|possible|expected|reported|said|time|important|difficult|been|believed|true|hard|easy|necessary)\b/.test(after);
}

/** Agreement: number (groups and plural descriptions for "they"), person or not, and gender when known. */
function compatible(pronoun: PronounInfo, record: MentionRecord): boolean {
  const draft = record.draft;
  if (record.kind === 'demonym') return false;
  if (pronoun.number === 'plural') return Boolean(draft.members && draft.members.length > 1) || record.plural;
  if (draft.members || record.plural) return false;
  if (pronoun.gender === 'neuter') return draft.type !== 'PERSON' && draft.type !== 'NORP' && draft.type !== 'EVENT' && draft.type !== 'OTHER';
  if (draft.type !== 'PERSON') return false;
  return !draft.gender || draft.gender === pronoun.gender;
}

/** Is the pronoun at `k` an object ("accused it", "told them")? Then its own clause subject is excluded. */
function isObjectPronoun(view: TokenView, k: number, pronoun: PronounInfo): boolean {
  if (view.language) return /^(obj|iobj)$/.test(view.language.deprel[k]);
  if (pronoun.object) return true;
  const previous = view.lower[k - 1] ?? '';
  return view.lower[k] === 'it' && /^[a-z]+(ed|s)$/.test(previous) && previous !== 'as';
}

function clauseSubject(view: TokenView, record: MentionRecord, pronounToken: number): boolean {
  if (!record.subject || sentenceOf(view, record.tokenStart) !== sentenceOf(view, pronounToken)) return false;
  for (let k = record.tokenEnd; k < pronounToken; k++) if (/^(that|which|who|because|while|,)$/.test(view.lower[k]) && view.lower[k] !== ',') return false;
  return true;
}

const SPEAKER_SENTENCES_BACK = 12;
/**
 * Salience added when a candidate's known gender matches the pronoun's. Most people in political
 * news whose gender the text never states are men, so a known woman is strong evidence for "she"
 * while a known man is only weak evidence for "he" (a man first seen through an earlier "he" must
 * not outweigh the speaker of the sentence just before).
 */
const KNOWN_GENDER_BONUS = { female: 90, male: 20 } as const;
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their']);

/** "…,” he added": the pronoun follows a closing quotation mark and comes before a verb of saying. */
function afterQuote(view: TokenView, k: number): boolean {
  const before = view.words.slice(Math.max(0, k - 2), k).join('');
  return /[”"»]$/.test(before) && SPEECH_VERBS.has(view.lower[k + 1] ?? '');
}

/**
 * The speaker the quote before "…,” he added" continues: the latest compatible mention outside
 * quotes that is the subject of a verb of saying, looking past long quotations, or the subject of
 * a sentence outside quotes that introduced the speaker ("Maria Zakharova was scathing. “…,” she
 * said"). A person whose gender is unknown yields to an earlier one of the pronoun's gender within
 * the same reach only for "she" (see KNOWN_GENDER_BONUS: "he" assumes nothing).
 */
function lastSpeaker(stage: Stage, history: MentionRecord[], pronoun: PronounInfo, sentence: number): MentionRecord | null {
  let unknownGender: MentionRecord | null = null;
  for (let i = history.length - 1; i >= 0; i--) {
    const record = history[i];
    if (sentence - sentenceOf(stage.view, record.tokenStart) > SPEAKER_SENTENCES_BACK) break;
    if (!(record.speaker || record.subject) || record.quoted || !compatible(pronoun, record)) continue;
    if (pronoun.gender !== 'female' || record.draft.gender === 'female') return record;
    unknownGender ??= record;
  }
  return unknownGender;
}

/** Whether a mention already read covers the character at `at`. */
function coveredBy(history: readonly MentionRecord[], at: number): boolean {
  return coveringRecord(history, at) !== undefined;
}

/**
 * "Five opposition figures were arrested … Their lawyers said …": a plural pronoun opening a sentence
 * continues the first subject of the sentence before when it is plural; when no entity names it, the
 * pronoun stays unresolved rather than going to an actor named farther back.
 */
function continuesUnnamedSubject(view: TokenView, k: number, history: readonly MentionRecord[]): boolean {
  const language = view.language;
  const start = view.sentenceStart[k];
  if (!language || k - start > 1 || start === 0) return false;
  const previousStart = view.sentenceStart[start - 1];
  // The sentence's first subject, whatever clause the parse hung it on ("Five figures were arrested …, prosecutors said").
  for (let i = previousStart; i < start; i++) {
    if (!language.deprel[i].startsWith('nsubj')) continue;
    return language.xpos[i] === 'NNS' && !coveredBy(history, view.tokens[i].start);
  }
  return false;
}

/**
 * "Rosselkhoznadzor said last week it had tightened …", "the respondents said they were undecided":
 * the subject of a reported clause is the speaker when the speaker is a name no entity took or
 * people no entity names; the pronoun then stays unresolved rather than going to an actor named earlier.
 */
function speaksOfItselfUnnamed(view: TokenView, k: number, pronoun: PronounInfo, history: readonly MentionRecord[]): boolean {
  const language = view.language;
  if (!language || !/^(it|they)$/.test(view.lower[k])) return false;
  // The saying verb shortly before the pronoun ("said last week it had …"), however the parse hung the clause.
  let verb = -1;
  for (let index = k - 1; index >= Math.max(view.sentenceStart[k], k - 5) && verb < 0; index--) {
    if (language.upos[index] === 'VERB' && SPEECH_VERBS.has(view.lower[index])) verb = index;
  }
  if (verb < 0 || (view.lower[verb + 1] !== 'that' && verb + 1 !== k && language.upos[verb + 1] !== 'ADJ' && language.upos[verb + 1] !== 'ADV' && language.upos[verb + 1] !== 'ADP')) return false;
  let speaker = -1;
  for (let index = view.sentenceStart[k]; index < k && speaker < 0; index++) if (language.head[index] === verb && language.deprel[index] === 'nsubj') speaker = index;
  if (speaker < 0) return false;
  // A name no entity took, or people ("respondents", "officials"); "the ministry said it …" is left to the bodies named before.
  const plural = /^NNP?S$/.test(language.xpos[speaker]);
  if (!(language.upos[speaker] === 'PROPN' || (language.upos[speaker] === 'NOUN' && plural)) || plural !== (pronoun.number === 'plural')) return false;
  return !coveredBy(history, view.tokens[speaker].start);
}

/**
 * "The route … Iran might try to disrupt it", "the office … no plans to reopen it": an "it" that is
 * done something to usually stands for the thing just talked about, not for a country or town (a
 * route or a building named as an entity may still be it). True when a noun no mention covers is an
 * argument (subject, object or oblique) of this sentence or the one before; the pronoun is then left
 * unresolved rather than given to a country or town.
 */
function objectOfThing(view: TokenView, k: number, history: readonly MentionRecord[]): boolean {
  const language = view.language;
  if (!language || !/^(obj|iobj|obl)/.test(language.deprel[k])) return false;
  const previousSentence = view.sentenceStart[Math.max(0, view.sentenceStart[k] - 1)];
  for (let index = k - 1; index >= previousSentence; index--) {
    if (language.xpos[index] !== 'NN' || !/^(nsubj|obj|nsubj:pass|obl)$/.test(language.deprel[index])) continue;
    if (!coveredBy(history, view.tokens[index].start)) return true;
  }
  return false;
}

/** Nouns of time, amount or manner: never what "it" or "their" stands for. */
const NOT_ANTECEDENT_NOUNS = /^(day|week|month|year|time|morning|afternoon|evening|night|weekend|hour|minute|decade|century|percent|cent|part|number|lot|kind|sort|way|end|beginning|start|today|tomorrow|yesterday|moment|period)$/;
/** Common nouns for a state, a body or an outlet: an actor the text names elsewhere ("the paper … it quoted"), no mere thing. */
const ACTOR_NOUNS = new Set(['country', 'state', 'nation', 'republic', 'side', 'capital', 'paper', 'newspaper', 'daily', 'site', 'website', 'outlet', 'channel', 'broadcaster', 'network', 'magazine', 'partner', 'ally', 'neighbour', 'neighbor', 'rival']);

/** Does the lemma name an actor rather than a thing: a person, a state, a body, an outlet, a sector ("police", "officials")? */
function namesActor(stage: Stage, lemma: string): boolean {
  return PERSON_NOUN.test(lemma) || ACTOR_NOUNS.has(lemma) || ORGANISATION_NOUNS.has(lemma) || COMPANY_NOUNS.has(lemma) ||
    COLLECTIVE_SECTOR_NOUNS.has(lemma) || stage.kb.sectorOf(lemma) !== null;
}

/** Verbs only a person, a body or an outlet does, beside the verbs of saying ("it quoted a diplomat", "it cited …"). */
const AUTHOR_VERB_LEMMAS = new Set(['quote', 'cite', 'publish', 'report', 'accuse', 'deny', 'write']);

/** Is the pronoun at `k` the subject of a verb of saying, quoting or publishing? No thing does that. */
function speaksOrWrites(view: TokenView, k: number): boolean {
  if (SPEECH_VERBS.has(view.lower[k + 1] ?? '')) return true;
  const language = view.language;
  const verb = language ? subjectVerb(language, k, k + 1) : -1;
  return verb >= 0 && (SPEECH_VERBS.has(view.lower[verb]) || AUTHOR_VERB_LEMMAS.has(language!.lemma[verb].toLowerCase()));
}

/**
 * Is token `i` the head of an argument (subject, object, oblique) that is a thing no entity names, of
 * the pronoun's number? A declaration or treaty named as an EVENT counts as a thing; nouns for people,
 * states, bodies and outlets do not (an actor the text names, or one no entity holds).
 */
function isThingArgument(stage: Stage, i: number, pronoun: PronounInfo, history: readonly MentionRecord[]): boolean {
  const { view } = stage;
  const language = view.language;
  if (!language || language.upos[i] !== 'NOUN' || language.xpos[i] !== (pronoun.number === 'plural' ? 'NNS' : 'NN')) return false;
  if (!/^(nsubj|nsubj:pass|obj|iobj|obl)$/.test(language.deprel[i])) return false;
  const lemma = language.lemma[i].toLowerCase();
  if (NOT_ANTECEDENT_NOUNS.test(lemma) || namesActor(stage, lemma)) return false;
  const covering = coveringRecord(history, view.tokens[i].start);
  return !covering || covering.draft.type === 'EVENT';
}

/** Longest span a mention covers, in characters: how far back from a position a covering mention can start. */
const MENTION_REACH = 300;

/** The mention read so far that covers the character at `at`, searched from the latest (`history` runs in text order). */
function coveringRecord(history: readonly MentionRecord[], at: number): MentionRecord | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const record = history[i];
    if (record.start <= at && at < record.end) return record;
    if (record.start < at - MENTION_REACH) return undefined;
  }
  return undefined;
}

const SUBJECT_WEIGHT = 80;
/** A subject of an adverbial clause ("… were detained when police raided …") is less salient. */
const ADVERBIAL_SUBJECT_WEIGHT = 40;

/** Where a candidate antecedent stands: sentences back, its subject weight, whether it is an object, inside quotes, its first token. */
interface CandidatePlace {
  distance: number;
  subjectWeight: number;
  objectRole: boolean;
  quoted: boolean;
  token: number;
}

/**
 * The salience a candidate's place gives it, for names and things alike: 100 halved per sentence
 * back, its subject weight, +40 for the main subject of the sentence before when the pronoun opens
 * its sentence ("Azerbaijan's defence ministry gave a different account. It said …"), +50 for an
 * object named before an object pronoun in its sentence ("Zakharova criticised Baku, accusing it of
 * …"), −60 across a quotation boundary, and closer winning ties.
 */
function placeSalience(view: TokenView, k: number, place: CandidatePlace, object: boolean): number {
  let score = 100 / 2 ** place.distance + place.subjectWeight;
  if (view.sentenceStart[k] === k && place.distance === 1 && place.subjectWeight === SUBJECT_WEIGHT) score += 40;
  if (object && place.distance === 0 && place.objectRole) score += 50;
  if (place.quoted !== view.insideQuote[k]) score -= 60;
  return score + (place.token - k) / 1000;
}

/**
 * Lappin & Leass weigh every noun phrase, not only names: in "Chile made a counter-offer, but Bolivia
 * turned it down" and "The explosion killed two soldiers, the army said. It was the third blast", the
 * most salient antecedent is a thing no entity names. Returns the salience of the best such noun, in
 * the pronoun's sentence before it or in the sentence before, scored as entity mentions are (closer
 * wins ties), so that a pronoun it outranks stays unresolved rather than going to an actor.
 */
function thingSalience(stage: Stage, k: number, pronoun: PronounInfo, history: readonly MentionRecord[], object: boolean): number {
  const { view } = stage;
  const sentence = view.sentenceStart[k];
  const from = sentence > 0 ? view.sentenceStart[sentence - 1] : 0;
  let best = -Infinity;
  for (let i = from; i < k; i++) {
    if (!isThingArgument(stage, i, pronoun, history)) continue;
    const role = view.language!.deprel[i];
    const place = { distance: view.sentenceStart[i] === sentence ? 0 : 1, subjectWeight: role.startsWith('nsubj') ? SUBJECT_WEIGHT : 0, objectRole: role === 'obj', quoted: view.insideQuote[i], token: i };
    best = Math.max(best, placeSalience(view, k, place, object));
  }
  return best;
}

/** Words before "of them" that pick some of a set ("either of them", "three of them", "most of their …"). */
const PARTITIVE_WORDS = /^(either|neither|both|all|some|none|many|most|each|any|few|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|half|majority|\d+)$/;

/** Is the pronoun at `k` a plural after "among" or a partitive "X of" ("among them", "either of them")? */
function isPartitive(view: TokenView, k: number, pronoun: PronounInfo): boolean {
  const previous = view.lower[k - 1] ?? '';
  return pronoun.number === 'plural' && (previous === 'among' || (previous === 'of' && PARTITIVE_WORDS.test(view.lower[k - 2] ?? '')));
}

/**
 * "… the 23 Armenians still held in Baku, among them two former leaders", "he and Xi agreed that either of
 * them …": a plural pronoun after "among" or a partitive "X of" picks from the set named last in its
 * sentence, whatever the salience of the subject. Returns that mention, `'thing'` when the set is a noun no
 * entity holds ("12 officers were injured, three of them seriously"), or null when the sentence names no
 * set (the pronoun is then resolved among entities only: a set is no single thing).
 */
function partitiveAntecedent(stage: Stage, k: number, pronoun: PronounInfo, history: readonly MentionRecord[]): MentionRecord | 'thing' | null {
  const { view } = stage;
  const sentence = view.sentenceStart[k];
  // Its own sentence, else for a count the one before ("Police detained 30 protesters. … ten of them had been
  // beaten"); "either of them" with no pair in its sentence is left to salience.
  const counted = view.lower[k - 1] === 'of' && !/^(either|neither|both)$/.test(view.lower[k - 2] ?? '');
  for (const from of [sentence, counted && sentence > 0 ? view.sentenceStart[sentence - 1] : -1]) {
    if (from < 0) break;
    let entity: MentionRecord | null = null;
    for (let i = history.length - 1; i >= 0 && history[i].tokenStart >= from && !entity; i--) if (compatible(pronoun, history[i])) entity = history[i];
    const end = from === sentence ? k - 2 : sentence - 1;
    for (let i = end; i >= from && i >= (entity?.tokenEnd ?? from); i--) if (isThingArgument(stage, i, pronoun, history)) return 'thing';
    if (entity) return entity;
    // "47 people were detained, 12 of them …": a counted set no entity names, in the pronoun's own sentence.
    if (from === sentence && countedSetBefore(stage, from, k - 2)) return 'thing';
  }
  return null;
}

/**
 * Is there a number counting a plural noun of no state body ("47 people", "dozens of residents") between
 * `from` and `to`? ("12 officers were injured, three of them …" are the police, left to salience.)
 */
function countedSetBefore(stage: Stage, from: number, to: number): boolean {
  const { view, kb } = stage;
  const language = view.language;
  if (!language) return false;
  for (let i = from; i < to; i++) {
    if (language.upos[i] !== 'NUM') continue;
    const noun = language.head[i];
    if (noun <= i || noun > to || language.upos[noun] !== 'NOUN' || language.xpos[noun] !== 'NNS') continue;
    const sector = kb.sectorOf(view.lower[noun]) ?? '';
    if (!STATE_SECTORS.has(sector.slice(0, 3))) return true;
  }
  return false;
}

/**
 * Is the mention the possessor opening an apposition ("Ruiz, Boric's adviser, …")? It only describes
 * the name before it. (The possessor of a subject itself, "Netanyahu's office said … his cabinet", stays salient.)
 */
function possessor(view: TokenView, record: MentionRecord): boolean {
  return (view.possessive[record.tokenEnd - 1] || view.possessiveMarker[record.tokenEnd] === true) && view.words[record.tokenStart - 1] === ',';
}

/** Is the mention the subject of an adverbial clause ("… were detained when police raided …")? Such subjects are less salient. */
function subjectOfAdverbialClause(view: TokenView, record: MentionRecord): boolean {
  const language = view.language;
  if (!language) return false;
  const verb = subjectVerb(language, record.tokenStart, record.tokenEnd);
  return verb >= 0 && language.deprel[verb] === 'advcl';
}

/**
 * Is the mention a name qualifying the noun of a subject whose verb of saying comes right before the
 * pronoun at `k` ("The Civic Front party said it", "the Vega family said that they")?
 */
function nameBeforeItsNoun(view: TokenView, record: MentionRecord, k: number): boolean {
  const language = view.language;
  if (!language) return false;
  const verb = view.lower[k - 1] === 'that' ? k - 2 : k - 1;
  if (verb <= record.tokenEnd || verb - record.tokenEnd > 2 || !SPEECH_VERBS.has(view.lower[verb])) return false;
  for (let i = record.tokenEnd; i < verb; i++) if (language.upos[i] !== 'NOUN') return false;
  return /^nsubj/.test(language.deprel[verb - 1]) && language.head[verb - 1] === verb;
}

/** Resolves he/she/it/they and their forms to the most salient compatible earlier mention. */
export function resolvePronouns(stage: Stage): void {
  const { view, builder } = stage;
  const records = builder.sortedMentions();
  let cursor = 0;
  const history: MentionRecord[] = [];
  for (let k = 0; k < view.words.length; k++) {
    const pronoun = PRONOUNS.get(view.lower[k]);
    const tokenStart = view.tokens[k].start;
    while (cursor < records.length && records[cursor].start < tokenStart) history.push(records[cursor++]);
    if (!pronoun || view.ignored[k]) continue;
    // "IT specialists": the acronym, not the pronoun.
    if (view.words[k] === 'IT' && view.sentenceStart[k] !== k) continue;
    if (view.lower[k] === 'it' && isExpletiveIt(view, k)) continue;
    if (pronoun.number === 'plural' && continuesUnnamedSubject(view, k, history)) continue;
    if (speaksOfItselfUnnamed(view, k, pronoun, history)) continue;
    const sentence = sentenceOf(view, k);
    const object = isObjectPronoun(view, k, pronoun);
    const partitiveSet = isPartitive(view, k, pronoun);
    const partitive = partitiveSet ? partitiveAntecedent(stage, k, pronoun, history) : null;
    if (partitive === 'thing') continue;
    let best: MentionRecord | null = partitive ?? (afterQuote(view, k) ? lastSpeaker(stage, history, pronoun, sentence) : null);
    let bestScore = -Infinity;
    // Binding: an object pronoun never refers to its own clause's subject, by any of its mentions.
    const bound = new Set(object ? history.filter((record) => clauseSubject(view, record, k)).map((record) => record.draft) : []);
    // "…, it said": whoever speaks is an organisation or a state, not a mere place.
    const speaking = pronoun.gender === 'neuter' && SPEECH_VERBS.has(view.lower[k + 1] ?? '');
    // "He added …" continues the last speaker; "He accused …" the last subject (a speaker is only weighed as such for "he said").
    const speaks = !/^(he|she)$/.test(view.lower[k]) || pronounSpeaks(view, k);
    for (let i = best ? -1 : history.length - 1; i >= 0; i--) {
      const record = history[i];
      const distance = sentence - sentenceOf(view, record.tokenStart);
      if (distance > SENTENCES_BACK) break;
      // Every mention of an entity competes: its most salient one counts.
      if (!compatible(pronoun, record)) continue;
      if (bound.has(record.draft)) continue;
      if (speaking && record.draft.type !== 'ORG' && !record.draft.actor?.code) continue;
      // A possessor in the subject's apposition ("Ruiz, Boric's adviser, denied …") is not the subject.
      // "The Civic Front party said it …": a name qualifying the subject's own noun stands for the subject.
      const namedSubject = distance === 0 && !record.subject && nameBeforeItsNoun(view, record, k);
      const subject = (record.subject || namedSubject) && !possessor(view, record);
      const subjectWeight = subject ? (subjectOfAdverbialClause(view, record) ? ADVERBIAL_SUBJECT_WEIGHT : SUBJECT_WEIGHT) : 0;
      let score = placeSalience(view, k, { distance, subjectWeight, objectRole: view.language?.deprel[record.tokenEnd - 1] === 'obj', quoted: record.quoted, token: record.tokenStart }, object) +
        (record.speaker && speaks && !possessor(view, record) ? 60 : 0);
      // "Russia denied that it had …", "Moscow said it would …": the subject of the verb right before
      // the pronoun's clause is its antecedent, whoever spoke in the sentence before.
      if (distance === 0 && ((record.subject && k - record.tokenEnd <= 3 && (view.lower[k - 1] === 'that' || looksLikeVerb(view, record.tokenEnd))) || namedSubject)) score += 40;
      // "The Civic Front party said it …": a name heading a subject whose own noun follows it ("party", "ministry").
      // "Kilic is expected to meet his counterpart": a possessive within its own clause belongs to that clause's subject.
      if (POSSESSIVE_PRONOUNS.has(view.lower[k]) && clauseSubject(view, record, k)) score += 60;
      // A gender known to match (from a title, a first name, earlier pronouns) beats one merely not excluded.
      if ((pronoun.gender === 'male' || pronoun.gender === 'female') && record.draft.gender === pronoun.gender) score += KNOWN_GENDER_BONUS[pronoun.gender];
      // Inside a quotation the speaker says "I"; "he" there is someone else.
      if (view.insideQuote[k] && record.speaker && !record.quoted) score -= 100;
      if (score > bestScore) {
        best = record;
        bestScore = score;
      }
    }
    // Cataphora: "In a clash with his counterpart, … Aliyev demanded" → the sentence's subject after it.
    best ??= records.find((record) => record.start > tokenStart && sentenceOf(view, record.tokenStart) === sentence &&
      record.subject && looksLikeVerb(view, record.tokenEnd) && compatible(pronoun, record)) ?? null;
    if (!best) continue;
    if (view.lower[k] === 'it' && best.draft.type === 'GPE' && objectOfThing(view, k, history)) continue;
    if (pronoun.gender !== 'male' && pronoun.gender !== 'female' && bestScore > -Infinity && !partitiveSet && !speaksOrWrites(view, k) && thingSalience(stage, k, pronoun, history, object) > bestScore) continue;
    if (pronoun.gender === 'male' || pronoun.gender === 'female') best.draft.gender ??= pronoun.gender;
    const record = mentionRecord(stage, best.draft, 'pronoun', k, k + 1, pronoun.number === 'plural');
    builder.addMention(record);
    history.push(record);
  }
}

/** The first person plural of a body speaking for itself. */
const ISSUER_VOICE = new Set(['we', 'us', 'our', 'ours']);

/** In a press release, "we" and "our" outside quotations are the body that issued it. */
export function linkIssuerVoice(stage: Stage): void {
  const issuer = issuerDraft(stage);
  if (!issuer) return;
  const { view, builder } = stage;
  for (let k = 0; k < view.words.length; k++) {
    if (ISSUER_VOICE.has(view.lower[k]) && !view.insideQuote[k] && !view.ignored[k]) builder.addMention(mentionRecord(stage, issuer, 'pronoun', k, k + 1, true));
  }
}
