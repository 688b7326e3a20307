/**
 * Office titles around a person's name: before it ("Armenian Prime Minister Nikol Pashinyan",
 * "Trump’s special envoy Steve Witkoff", "his Russian counterpart, Vladimir Putin"), after it
 * ("President Ilham Aliyev of Azerbaijan", "Jan Novak, the Ruritanian foreign minister,"). Each
 * title comes with its qualifier: the mention that says whose office it is (a demonym, a country,
 * a possessor, an organisation). `assignRoles` turns them into roles
 * and, for people the KB does not know, into actors; a name mistyped as a place or organisation
 * whose apposition only fits a person becomes a person first.
 */
import type { Actor } from '../../contract/types.js';
import { actorFrom, roleOwnerOf } from './actors.js';
import type { MentionRecord } from './builder.js';
import { homeCountry, STATE_SECTORS, type Stage } from './named.js';
import { isTitleWord, REMIT_REACH, remitStart } from './names.js';
import type { TokenView } from './view.js';
import { TITLE_HEADS, type PronounGender } from './words.js';

export interface TitleEvidence {
  title: string;
  /** Lower-cased last title word ("minister", "chief"). */
  head: string;
  tokenStart: number;
  tokenEnd: number;
  /** The mention naming whose office it is, if any (an unknown "Ruritanian" leaves it null). */
  qualifier: MentionRecord | null;
}

/** Adjectives between a qualifier and its title ("Lebanon’s new President …"). */
const TITLE_ADJECTIVES = new Set(['new', 'incoming', 'outgoing', 'current', 'then', 'late', 'longtime', 'veteran', 'powerful', 'embattled']);

/** Lower-case words of a public body between its owner and a post in it ("Armenia's foreign ministry spokeswoman"). */
const BODY_WORDS = new Set(['foreign', 'defence', 'defense', 'interior', 'justice', 'economy', 'finance', 'emergencies', 'ministry', 'office', 'press', 'service', 'presidential', 'administration', 'government', 'parliament', 'parliamentary', 'embassy', 'army', 'police']);

export type MentionLookup = (tokenEnd: number) => MentionRecord | undefined;
export type MentionStart = (tokenStart: number) => MentionRecord | undefined;

function hasHead(view: TokenView, start: number, end: number): string | null {
  let head: string | null = null;
  for (let k = start; k < end; k++) {
    const word = view.lower[k];
    if (TITLE_HEADS.has(word)) head = word;
    else if (word.includes('-') && word.split('-').some((part) => TITLE_HEADS.has(part))) head = word;
  }
  return head;
}

function isTitleToken(view: TokenView, k: number): boolean {
  return isTitleWord(view.lower[k]);
}

/** "-" and "in" of a title the tokenizer split ("editor - in - chief"). */
export function isHyphenInsideTitle(view: TokenView, k: number): boolean {
  const joined = (a: number, b: number) => a >= 0 && b < view.tokens.length && view.tokens[a].end === view.tokens[b].start;
  if (view.words[k] === '-') return joined(k - 1, k) && joined(k, k + 1);
  return view.lower[k] === 'in' && view.words[k - 1] === '-' && view.words[k + 1] === '-';
}

/** Leftmost token of a title ending at `end` (exclusive), allowing "of" inside ("Secretary of State"). */
function titleStartBefore(view: TokenView, end: number, floor: number): number {
  let k = end - 1;
  while (k >= floor) {
    if (view.possessive[k]) break;
    if (isTitleToken(view, k) || isHyphenInsideTitle(view, k)) k--;
    else if ((view.lower[k] === 'of' || view.lower[k] === 'for') && k - 1 >= floor && isTitleToken(view, k - 1) && k + 1 < end) k--;
    else break;
  }
  return k + 1;
}

/** The mention ending right before `titleStart` (past adjectives and a possessive): whose office it is. */
function qualifierBefore(view: TokenView, titleStart: number, floor: number, mentionEndingAt: MentionLookup): MentionRecord | null {
  let k = titleStart - 1;
  // "Armenia's foreign ministry spokeswoman": past the body in lower case to the country that owns it.
  while (k >= floor && (TITLE_ADJECTIVES.has(view.lower[k]) || (BODY_WORDS.has(view.words[k]) && titleStart - k <= 3))) k--;
  if (k >= floor && view.possessiveMarker[k]) k--;
  return k < floor ? null : mentionEndingAt(k + 1) ?? null;
}

/** "of Azerbaijan" right after `end`: the mention of the country or organisation. */
function ofQualifierAfter(view: TokenView, end: number, mentionStartingAt: MentionStart, head: string | null = null): MentionRecord | null {
  // "adviser to Supreme Leader Ali Khamenei" serves its owner; "ambassador to Russia" is only posted there.
  const serves = view.lower[end] === 'to' && head !== null && SERVING_HEADS.has(head);
  if (end >= view.words.length || (view.lower[end] !== 'of' && !serves)) return null;
  let k = end + 1;
  if (view.lower[k] === 'the') k++;
  if (serves) while (k < view.words.length && isTitleToken(view, k) && !mentionStartingAt(k)) k++;
  return mentionStartingAt(k) ?? null;
}

/** Titles whose "to X" names whom they serve, and so whose side they are on. */
const SERVING_HEADS = new Set(['adviser', 'advisor', 'aide', 'assistant', 'counsellor', 'counselor']);

/** The title before a name: "TITLE NAME", "QUALIFIER TITLE NAME", "QUALIFIER’s TITLE, NAME". */
export function titleBefore(view: TokenView, nameStart: number, mentionEndingAt: MentionLookup): TitleEvidence | null {
  const floor = view.sentenceStart[nameStart];
  let end = nameStart;
  if (end - 1 >= floor && view.words[end - 1] === ',') {
    end--;
    // "The EU's special representative for the South Caucasus, Magdalena Grono": the remit after the title is no part of it.
    for (let k = end - 1; k > floor && end - k <= REMIT_REACH; k--) {
      if (/^(for|on|in)$/.test(view.lower[k]) && TITLE_HEADS.has(view.lower[k - 1])) {
        end = k;
        break;
      }
      if (view.words[k] === ',' || isTitleToken(view, k)) break;
    }
  }
  // "Turkey's Special Envoy for normalisation Serdar Kilic": a lower-case remit between the title and the name.
  if (end === nameStart) end = remitStart(view, nameStart, floor) ?? end;
  const start = titleStartBefore(view, end, floor);
  if (start >= end) return end === nameStart ? officialTitleBefore(view, nameStart, floor, mentionEndingAt) : null;
  const head = hasHead(view, start, end);
  if (!head) return null;
  const title = view.text.slice(view.tokens[start].start, view.wordEnd[end - 1]);
  return { title, head, tokenStart: start, tokenEnd: end, qualifier: qualifierBefore(view, start, floor, mentionEndingAt) };
}

/**
 * The official style "Minister of Foreign Affairs of the Republic of Chile Elena Morales": the title,
 * "of" and its country run straight into the name; the country is the qualifier.
 */
function officialTitleBefore(view: TokenView, nameStart: number, floor: number, mentionEndingAt: MentionLookup): TitleEvidence | null {
  const country = mentionEndingAt(nameStart);
  if (!country || country.draft.type === 'PERSON' || !country.draft.actor?.country) return null;
  let of = country.tokenStart - 1;
  if (view.lower[of] === 'the') of--;
  if (of <= floor || view.lower[of] !== 'of') return null;
  const start = titleStartBefore(view, of, floor);
  const head = start < of ? hasHead(view, start, of) : null;
  if (!head) return null;
  const title = view.text.slice(view.tokens[start].start, view.wordEnd[of - 1]);
  return { title, head, tokenStart: start, tokenEnd: of, qualifier: country };
}

/** An apposition after a name: "NAME, the TITLE of X," / "NAME, X’s TITLE," / "NAME, a Ruritanian TITLE," (not ", and …": a list). */
export function titleAfter(view: TokenView, nameEnd: number, mentionStartingAt: MentionStart): TitleEvidence | null {
  if (nameEnd >= view.words.length || view.words[nameEnd] !== ',') return null;
  const sentence = view.tokens[nameEnd].sentence;
  let k = nameEnd + 1;
  if (/^(the|a|an)$/.test(view.lower[k] ?? '')) k++;
  const qualifier = mentionStartingAt(k) ?? null;
  if (qualifier) {
    k = qualifier.tokenEnd;
    if (view.possessiveMarker[k]) k++;
  }
  const start = k;
  while (k < view.words.length && view.tokens[k].sentence === sentence && isTitleToken(view, k)) k++;
  const head = hasHead(view, start, k);
  if (!head) return null;
  // "Netanyahu, Cambodia's Deputy Prime Minister, and others": the next item of a list, not an apposition.
  if (view.words[k] === ',' && /^(and|or)$/.test(view.lower[k + 1] ?? '')) return null;
  const title = view.text.slice(view.tokens[start].start, view.wordEnd[k - 1]);
  return { title, head, tokenStart: start, tokenEnd: k, qualifier: ofQualifierAfter(view, k, mentionStartingAt, head) ?? qualifier };
}

/**
 * The country a surname's ending all but names in this region ("Badalyan" Armenian, "Kobakhidze",
 * "Tsikhelashvili" Georgian): where an official's country is otherwise unsaid, it beats the dateline's.
 * Endings shared across countries ("-ov", "-oglu") say nothing here.
 */
function surnameCountry(name: string): string | null {
  const surname = name.split(/\s+/).pop()?.toLowerCase() ?? '';
  if (surname.length > 4 && surname.endsWith('yan')) return 'ARM';
  if (surname.length > 5 && (surname.endsWith('shvili') || surname.endsWith('dze'))) return 'GEO';
  return null;
}

/** A leader of a country governs it; a leader of a party or bloc leads its sector ("Hayastan's parliamentary leader" is OPP). */
function leaderSector(qualifier: MentionRecord): string {
  const sector = qualifier.draft.type === 'ORG' ? qualifier.draft.actor?.sector : null;
  return sector ?? 'GOV';
}

/** Title heads of posts inside an organisation: without a qualifier they belong to the last organisation named. */
const ORGANISATION_POSTS = new Set(['chief', 'editor', 'editor-in-chief', 'director', 'head', 'spokesman', 'spokeswoman', 'spokesperson', 'correspondent', 'ceo', 'founder', 'chairman', 'chairwoman']);
const RECENT_ORGANISATION_SENTENCES = 2;
/** The sector the KB gives people out of office (elites). */
const OUT_OF_OFFICE = 'ELI';
const FORMER = /\b(former|ex-|ex |late|then)\b/i;

interface Owner {
  of: string | null;
  actor: Actor | null;
}

/** Whose office: a country (ISO code), an IGO (its code), a person's country, or an organisation (its name and actor). */
function ownerOf(stage: Stage, qualifier: MentionRecord, sector: string | null): Owner {
  const draft = qualifier.draft;
  const entry = draft.kbId ? stage.kb.get(draft.kbId) : undefined;
  if (draft.type === 'PERSON') {
    const country = draft.actor?.country ?? null;
    return { of: country, actor: actorFrom(country, sector) };
  }
  if (entry?.kind === 'igo') return { of: roleOwnerOf(entry), actor: { code: entry.code ?? `IGO${roleOwnerOf(entry)}`, country: null, sector: 'IGO' } };
  if (entry && entry.kind !== 'country' && entry.kind !== 'region' && entry.kind !== 'place') {
    return { of: roleOwnerOf(entry), actor: draft.actor ?? actorFrom(entry.country, entry.sector) };
  }
  const country = draft.actor?.country ?? entry?.country ?? null;
  return { of: country, actor: actorFrom(country, sector) };
}

/** "spokeswoman", "chairman", "Queen": the gender a title states, if any. */
function genderOfTitle(title: string): PronounGender | null {
  const lower = title.toLowerCase();
  if (/(woman|women|\bqueen|\bprincess|\bmrs\b|\bms\b|\bduchess|\bempress)/.test(lower)) return 'female';
  if (/(\w)man\b|\bking\b|\bprince\b|\bduke\b|\bemperor\b/.test(lower)) return 'male';
  return null;
}

/** The latest organisation named within two sentences, a known (KB) one first. */
function recentOrganisation(stage: Stage, records: MentionRecord[], before: MentionRecord): MentionRecord | null {
  const sentence = stage.view.tokens[before.tokenStart].sentence;
  let unknown: MentionRecord | null = null;
  for (let i = records.indexOf(before) - 1; i >= 0; i--) {
    const record = records[i];
    if (sentence - stage.view.tokens[record.tokenStart].sentence > RECENT_ORGANISATION_SENTENCES) break;
    if (record.draft.type !== 'ORG' || record.kind !== 'name') continue;
    if (record.draft.kbId) return record;
    unknown ??= record;
  }
  return unknown;
}

function sameTitle(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x.includes(y) || y.includes(x);
}

/** Heads of an apposition that only ever describe a person ("a Russian-Armenian billionaire", "a local teacher"). */
const PERSON_APPOSITION_HEAD = /^(billionaire|millionaire|tycoon|oligarch|magnate|lawyer|attorney|priest|cleric|archbishop|bishop|imam|rabbi|monk|nun|student|teacher|doctor|nurse|farmer|worker|resident|citizen|veteran|mother|father|son|daughter|brother|sister|wife|husband|widow|boy|girl|\w+ist|\w*man|\w*woman)$/;
const PERSON_APPOSITION_SPAN = 5;

/**
 * "Samvel Karapetyan, a Russian-Armenian billionaire who …": a name the KB does not know that the
 * recogniser typed a place or an organisation, with an apposition only a person fits, is a person.
 */
function retypeAppositivePeople(view: TokenView, records: MentionRecord[]): void {
  for (const record of records) {
    const draft = record.draft;
    if (draft.kbId || record.kind !== 'name' || draft.type === 'PERSON' || view.words[record.tokenEnd] !== ',') continue;
    let k = record.tokenEnd + 1;
    if (!/^(a|an|the)$/.test(view.lower[k] ?? '')) continue;
    const sentence = view.tokens[record.tokenEnd].sentence;
    for (k++; k < Math.min(view.words.length, record.tokenEnd + 2 + PERSON_APPOSITION_SPAN) && view.tokens[k].sentence === sentence; k++) {
      if (!/^[\p{L}-]+$/u.test(view.words[k])) break;
      // The head ends the noun phrase: punctuation or a relative clause follows.
      const endsPhrase = !/^[\p{L}-]+$/u.test(view.words[k + 1] ?? '.') || /^(who|whose)$/.test(view.lower[k + 1]);
      if (/^[a-z]/.test(view.words[k]) && PERSON_APPOSITION_HEAD.test(view.lower[k]) && endsPhrase) {
        draft.type = 'PERSON';
        break;
      }
    }
  }
}

/**
 * Gives every person named next to a title its role; for a person the KB does not know, the role
 * also makes the actor (the owner's country + the title's sector: "Ruritanian Foreign Minister" →
 * country of "Ruritanian" if known, sector GOV).
 */
export function assignRoles(stage: Stage, records: MentionRecord[]): void {
  const { view, kb, builder } = stage;
  const byEnd = new Map<number, MentionRecord>();
  const byStart = new Map<number, MentionRecord>();
  for (const record of records) {
    byEnd.set(record.tokenEnd, record);
    byStart.set(record.tokenStart, record);
  }
  const endingAt: MentionLookup = (tokenEnd) => byEnd.get(tokenEnd);
  const startingAt: MentionStart = (tokenStart) => byStart.get(tokenStart);
  retypeAppositivePeople(view, records);

  for (const record of records) {
    const draft = record.draft;
    if (draft.type !== 'PERSON' || record.kind !== 'name') continue;
    const evidence = titleBefore(view, record.tokenStart, endingAt) ?? titleAfter(view, record.tokenEnd, startingAt);
    if (!evidence) continue;
    // "Russia's ambassador, Mikhail Yevdayev": the title is itself a description of a country's body.
    const described = byEnd.get(evidence.tokenEnd);
    const describing = described?.kind === 'description' && described.tokenStart <= evidence.tokenStart && described.draft.actor?.country ? described : null;
    const qualifier = evidence.qualifier ?? ofQualifierAfter(view, record.tokenEnd, startingAt) ?? describing ??
      (ORGANISATION_POSTS.has(evidence.head) ? recentOrganisation(stage, records, record) : null);
    // "Opposition leader Marco Reyes of the Broad Front": the title's own words name the sector before the body led does.
    const titleWords = evidence.title.toLowerCase() !== evidence.head ? kb.sectorOf(evidence.title.toLowerCase()) : null;
    const sector = kb.titleSector(evidence.title) ?? kb.titleSector(evidence.head) ?? (evidence.head === 'leader' && qualifier ? titleWords ?? leaderSector(qualifier) : null) ?? kb.sectorOf(evidence.title.toLowerCase());
    const owner: Owner = qualifier && qualifier.draft !== draft ? ownerOf(stage, qualifier, sector) : { of: null, actor: actorFrom(null, sector) };
    if (draft.kbId) {
      // The KB's office is the role; "counterpart" only repeats someone else's title.
      if (evidence.head !== 'counterpart' && !draft.roles.some((role) => sameTitle(role.title, evidence.title))) builder.addRole(draft, { title: evidence.title, of: owner.of });
      // Out of office on the date by the KB (or no office known), but the text gives a current title
      // ("President Obama" in an undated text): the text wins.
      const outOfOffice = !draft.actor?.sector || draft.actor.sector === OUT_OF_OFFICE;
      const country = owner.actor?.country ?? draft.actor?.country ?? null;
      if (outOfOffice && sector && country && !FORMER.test(evidence.title)) draft.actor = actorFrom(country, sector);
      continue;
    }
    // "Deputy Foreign Minister Vahan Kostanyan" with no country said: an official of the story's home country.
    // A body led that names no actor at all ("of the Broad Front party") leaves the home country too.
    const home = !owner.actor?.country && sector && (STATE_SECTORS.has(sector.slice(0, 3)) || sector === 'OPP') && !qualifier?.draft.actor?.code ? surnameCountry(draft.name) ?? homeCountry(stage) : null;
    builder.addRole(draft, { title: evidence.title, of: owner.of ?? home });
    if (!draft.actor || (!draft.actor.country && owner.actor?.country)) draft.actor = home ? actorFrom(home, sector) : owner.actor;
    draft.gender ??= genderOfTitle(evidence.title);
  }
}
