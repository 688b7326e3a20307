/**
 * Event coreference across (and within) documents: two event mentions are one real-world happening
 * when their types are compatible (same CAMEO root, or codes known to co-describe one happening:
 * talks/meeting, an agreement and its signing, the kinds of force), their actors overlap (codes or
 * story entities; groups count as their members), their times are compatible at their precision
 * (2025-07 ⊇ 2025-07-09; an unknown time is compatible but weaker) and their places agree (same
 * place or same country through the knowledge base). Two reports from different documents that
 * agree on everything but the day (within a few days) or the place (on the same day) still merge —
 * that is what a `date` or `place` discrepancy is.
 *
 * Scale: merged events are indexed by (actor key, type family, month); a new mention only looks at
 * the buckets its own actors, families and time can reach, never at all pairs of events.
 */
import type { Analysis, EventOut, EventStatus } from '../contract/types.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { EntityResolution } from './entities.js';

export interface Place {
  name: string | null;
  /** Story entity id of the place, when the analysis linked one. */
  entity: string | null;
  /** ISO 3166 alpha-3 of the country the place lies in, when known. */
  country: string | null;
  /** Whether it is a town or city (a named settlement below country level, not a building or region). */
  town: boolean;
}

/** One event mention with what linking needs to know about it. */
export interface EventMention {
  documentIndex: number;
  analysis: Analysis;
  event: EventOut;
  families: string[];
  actorKeys: Set<string>;
  /** Actor keys of the source side only (for `actor` discrepancies). */
  sourceKeys: Set<string>;
  /** Actor keys of the target side only. */
  targetKeys: Set<string>;
  sourceIds: string[];
  targetIds: string[];
  time: string | null;
  place: Place | null;
  /** Lower-case words of the evidence, to recognise the same sentence retold (wire copies). */
  evidenceWords: Set<string>;
}

export interface EventCluster {
  mentions: EventMention[];
  families: Set<string>;
  actorKeys: Set<string>;
  time: string | null;
  place: Place | null;
  /** The cluster's mentions per document, so checks cost the same however large the cluster grows. */
  byDocument: Map<number, EventMention[]>;
  /** Up to RETOLD_SAMPLE mentions per CAMEO code. */
  byCode: Map<string, EventMention[]>;
}

const DATE_VALUE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
/** Reports of the same happening whose days differ by at most this many still merge (a `date` discrepancy). */
const DATE_SLACK_DAYS = 3;

/** A calendar value usable for comparison (YYYY, YYYY-MM, YYYY-MM-DD), else null. */
export function dateValue(value: string | null | undefined): string | null {
  return value && DATE_VALUE.test(value) ? value : null;
}

/** True when two calendar values can name the same time at their precision (2025-07 ⊇ 2025-07-09). */
export function timesCompatible(a: string | null, b: string | null): boolean {
  return a === null || b === null || a.startsWith(b) || b.startsWith(a);
}

function dayNumber(value: string): number {
  return Date.parse(`${value}T00:00:00Z`) / 86_400_000;
}

function closeDays(a: string | null, b: string | null): boolean {
  if (!a || !b || a.length !== 10 || b.length !== 10 || a.slice(0, 7) !== b.slice(0, 7)) return false;
  return Math.abs(dayNumber(a) - dayNumber(b)) <= DATE_SLACK_DAYS;
}

/**
 * Type families an event belongs to: its CAMEO root, plus families shared by codes that describe
 * one happening from different angles (a meeting and its talks are root 04 / PLOVER CONSULT; an
 * agreement (03) and the signing of it (057); fighting, assault and mass violence (18–20)).
 */
export function typeFamilies(event: Pick<EventOut, 'cameo' | 'root' | 'plover'>): string[] {
  const families = new Set<string>([`r${event.root}`]);
  if (event.plover === 'CONSULT') families.add('r04');
  if (event.cameo.startsWith('057') || event.root === '03' || event.plover === 'AGREE') families.add('agreement');
  if (['18', '19', '20'].includes(event.root)) families.add('force');
  return [...families];
}

/** An actor code reduced to what two outlets would agree on: the country, or the whole IGO code. */
export function actorKey(code: string): string {
  return code.startsWith('IGO') ? code : code.slice(0, 3);
}

/** True when the second place can be the first one (same story entity, or same country), or either is unknown. */
export function placesCompatible(a: Place | null, b: Place | null): boolean {
  if (!a || !b) return true;
  if (a.entity && a.entity === b.entity) return true;
  if (a.country && b.country) return a.country === b.country;
  return true;
}

function placeOf(analysis: Analysis, documentIndex: number, event: EventOut, resolution: EntityResolution, kb: KnowledgeBase): Place | null {
  const local = event.where.entity ? analysis.entities.find((entity) => entity.id === event.where.entity) : undefined;
  const name = event.where.name ?? local?.name ?? null;
  if (!name && !local) return null;
  let country = local?.actor?.country ?? null;
  const entry = local?.kb_id ? kb.get(local.kb_id) : undefined;
  if (!country) country = entry?.country ?? null;
  const looked = name ? kb.lookup(name)[0]?.entry : undefined;
  if (!country) country = looked?.country ?? null;
  const known = entry ?? looked;
  // A capital is a town when named as a place ("met in Bern"), though the knowledge base files it under its country.
  const capital = known?.kind === 'country' && name !== null && known.capital?.toLowerCase() === name.toLowerCase();
  const town = local?.type === 'GPE' && (!known || known.kind === 'place' || capital);
  return { name, entity: local ? resolution.storyIdOf(documentIndex, local.id) : null, country, town };
}

/** Builds the linking view of every event of every analysis. */
export function eventMentions(analyses: readonly Analysis[], resolution: EntityResolution, kb: KnowledgeBase): EventMention[] {
  const mentions: EventMention[] = [];
  analyses.forEach((analysis, documentIndex) => {
    const localById = new Map(analysis.entities.map((entity) => [entity.id, entity]));
    const expand = (ids: readonly string[]): string[] =>
      ids.flatMap((id) => {
        const members = localById.get(id)?.members;
        return members && members.length > 0 ? members : [id];
      });
    const keysOf = (localIds: readonly string[], codes: readonly string[]): Set<string> => {
      const keys = new Set(codes.map(actorKey));
      for (const id of expand(localIds)) {
        const code = localById.get(id)?.actor?.code;
        const storyId = resolution.storyIdOf(documentIndex, id);
        if (code) keys.add(actorKey(code));
        else if (storyId) keys.add(storyId);
      }
      return keys;
    };
    for (const event of analysis.events) {
      // An inferred doer is no outlet's word: it neither joins nor separates reports.
      const sourceKeys = event.source_inferred ? new Set<string>() : keysOf(event.source, event.source_actors);
      const targetKeys = keysOf(event.target, event.target_actors);
      const storyIds = (ids: readonly string[]): string[] => [
        ...new Set(ids.map((id) => resolution.storyIdOf(documentIndex, id)).filter((id): id is string => id !== null)),
      ];
      mentions.push({
        documentIndex,
        analysis,
        event,
        families: typeFamilies(event),
        // An act with only an inferred doer ("Both men were detained in Baku") joins others by that doer alone.
        actorKeys: sourceKeys.size + targetKeys.size > 0 || !event.source_inferred ? new Set([...sourceKeys, ...targetKeys]) : keysOf([], event.source_actors),
        sourceKeys,
        targetKeys,
        sourceIds: storyIds(event.source),
        targetIds: storyIds(event.target),
        time: dateValue(event.when.value),
        place: placeOf(analysis, documentIndex, event, resolution, kb),
        evidenceWords: new Set(analysis.document.text.slice(event.evidence.start, event.evidence.end).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)),
      });
    }
  });
  return mentions;
}

function overlapCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const key of a) if (b.has(key)) count++;
  return count;
}

function previousMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, '0')}`;
}

/** The time buckets a mention may find its partners in (an undated one: around publication). */
function lookupBuckets(mention: EventMention): string[] {
  const time = mention.time;
  if (time && time.length >= 7) return [time.slice(0, 7), time.slice(0, 4), 'none'];
  if (time) return [time, ...Array.from({ length: 12 }, (_, index) => `${time}-${String(index + 1).padStart(2, '0')}`), 'none'];
  const published = dateValue(mention.analysis.document.published);
  if (!published || published.length < 7) return ['none'];
  const month = published.slice(0, 7);
  return ['none', month, previousMonth(month), published.slice(0, 4)];
}

function indexBucket(time: string | null): string {
  if (!time) return 'none';
  return time.length >= 7 ? time.slice(0, 7) : time;
}

function spansOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Share of the shorter evidence's words found in the other for two sentences to count as one retold. */
const RETOLD = 0.6;
/** How many of a cluster's reports a new mention's evidence is compared with. */
const RETOLD_SAMPLE = 5;

function retold(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return false;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size >= RETOLD;
}

/** Articles published this many days apart or less may tell the same undated event. */
const PUBLISHED_WINDOW_DAYS = 7;

function publishedClose(a: string | null, b: string | null): boolean {
  const dayA = dateValue(a);
  const dayB = dateValue(b);
  return dayA !== null && dayB !== null && dayA.length === 10 && dayB.length === 10 && Math.abs(dayNumber(dayA) - dayNumber(dayB)) <= PUBLISHED_WINDOW_DAYS;
}

/** Content words (four letters or more) an event told on another day must share with a report of it. */
const CLOSE_DAY_SHARED_WORDS = 3;

function sharedContentWords(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (word.length >= 4 && b.has(word)) shared++;
  return shared;
}

/** Mentions of one document closer than this (in characters) may describe one happening without a date. */
const NEAR_CHARS = 300;

function modality(status: EventStatus): 'asserted' | 'uncertain' | 'negated' {
  if (status === 'possible' || status === 'hypothetical' || status === 'hoped') return 'uncertain';
  if (status === 'negated' || status === 'denied') return 'negated';
  return 'asserted';
}

/** Families whose actors play symmetric parts (who met whom is neither a disagreement nor another act). */
export const SYMMETRIC_FAMILIES = new Set(['r04', 'agreement', 'r03', 'r05', 'r06']);

/**
 * The same kind of act done the other way round ("Azerbaijan freed 12 Armenians", "Armenia freed two
 * Azerbaijanis"), or with one report's doer among the other's addressees and no doer shared: the two
 * halves of an exchange, or two acts, not one event told twice. Protests and force
 * (roots 14–20) are left to merge: outlets that blame opposite sides for one clash tell one event
 * and disagree on who did it.
 */
function reversed(a: EventMention, b: EventMention): boolean {
  if (a.event.root >= '14' || b.event.root >= '14') return false;
  if (a.families.some((family) => SYMMETRIC_FAMILIES.has(family)) || b.families.some((family) => SYMMETRIC_FAMILIES.has(family))) return false;
  if (a.sourceKeys.size === 0 || b.sourceKeys.size === 0 || overlapCount(a.sourceKeys, b.sourceKeys) > 0) return false;
  // (One way is enough: "Azerbaijan demanded that Russia …" and "Western officials urged Moscow and Baku" are two demands.)
  return overlapCount(a.sourceKeys, b.targetKeys) > 0 || overlapCount(b.sourceKeys, a.targetKeys) > 0;
}

/** How well a mention fits a cluster, or null when it cannot be the same happening. */
function fit(mention: EventMention, cluster: EventCluster): number | null {
  // Type and actors are checked against the cluster's first reports, not the union of all of them,
  // so a large cluster does not drift into a magnet for every event of its actors.
  if (mention.actorKeys.size === 0) return null;
  let overlap = 0;
  for (const anchor of cluster.mentions.slice(0, RETOLD_SAMPLE)) {
    if (!mention.families.some((family) => anchor.families.includes(family)) || reversed(mention, anchor)) continue;
    const shared = overlapCount(mention.actorKeys, anchor.actorKeys);
    if (shared > 0 && shared >= Math.min(2, mention.actorKeys.size, anchor.actorKeys.size)) overlap = Math.max(overlap, shared);
  }
  if (overlap === 0) return null;
  const sameDocument = cluster.byDocument.get(mention.documentIndex) ?? [];
  const otherDocument = sameDocument.length === 0;
  const sameSentence = sameDocument.some((other) => spansOverlap(other.event.evidence, mention.event.evidence));
  const near = sameDocument.some((other) => Math.abs(other.event.evidence.start - mention.event.evidence.start) <= NEAR_CHARS);
  // Within one text, a denied or merely possible event is another claim unless it is in the same sentence.
  if (!sameSentence && sameDocument.some((other) => modality(other.event.status) !== modality(mention.event.status))) return null;
  const sameCode = cluster.byCode.get(mention.event.cameo) ?? [];
  // Statements are many small happenings: two 'X said' are one only in one sentence or in the same words.
  if (mention.event.root === '01' && !sameSentence && !sameCode.some((other) => retold(other.evidenceWords, mention.evidenceWords))) return null;
  // An undated side only joins a neighbour in its own text, or elsewhere the same coded event told in
  // much the same words, or with the same actors in an article published within days of it.
  if (!mention.time || !cluster.time) {
    const joins = (other: EventMention): boolean =>
      retold(other.evidenceWords, mention.evidenceWords) || (overlap >= 2 && publishedClose(other.analysis.document.published, mention.analysis.document.published));
    if (otherDocument ? !sameCode.some(joins) : !near) return null;
  }
  const compatibleTime = timesCompatible(mention.time, cluster.time);
  // Days apart across outlets: the same happening told with another day when two actors match, or one
  // actor and the same coded act in overlapping words (then the dates are a disagreement to show).
  const closeRetelling = otherDocument && closeDays(mention.time, cluster.time) && (overlap >= 2 || sameCode.some((other) => sharedContentWords(other.evidenceWords, mention.evidenceWords) >= CLOSE_DAY_SHARED_WORDS));
  if (!compatibleTime && !closeRetelling) return null;
  const sameDay = mention.time !== null && mention.time === cluster.time && mention.time.length === 10;
  if (!placesCompatible(mention.place, cluster.place) && !(otherDocument && overlap >= 2 && sameDay)) return null;
  let score = overlap * 2;
  if (mention.time && cluster.time) score += mention.time === cluster.time ? 3 : compatibleTime ? 2 : 0;
  if (mention.place && cluster.place && placesCompatible(mention.place, cluster.place)) score += 1;
  if (sameCode.length > 0) score += 1;
  if (near) score += 2;
  if (sameSentence) score += 2;
  return score;
}

function moreSpecificPlace(current: Place | null, incoming: Place | null): Place | null {
  if (!current) return incoming;
  if (!incoming || !placesCompatible(current, incoming)) return current;
  const currentIsCountry = current.country !== null && current.entity === null;
  return currentIsCountry && incoming.entity !== null ? incoming : current;
}

function addToCluster(cluster: EventCluster, mention: EventMention): void {
  const ofDocument = cluster.byDocument.get(mention.documentIndex);
  if (ofDocument) ofDocument.push(mention);
  else cluster.byDocument.set(mention.documentIndex, [mention]);
  const ofCode = cluster.byCode.get(mention.event.cameo);
  if (!ofCode) cluster.byCode.set(mention.event.cameo, [mention]);
  else if (ofCode.length < RETOLD_SAMPLE) ofCode.push(mention);
}

/** Groups event mentions into real-world happenings. */
export function clusterEvents(mentions: readonly EventMention[]): EventCluster[] {
  const clusters: EventCluster[] = [];
  const index = new Map<string, EventCluster[]>();
  const indexed = new Map<EventCluster, Set<string>>();
  const addToIndex = (cluster: EventCluster): void => {
    const keys = indexed.get(cluster) ?? new Set<string>();
    indexed.set(cluster, keys);
    const bucket = indexBucket(cluster.time);
    for (const actor of cluster.actorKeys) {
      for (const family of cluster.families) {
        const key = `${actor}|${family}|${bucket}`;
        if (keys.has(key)) continue;
        keys.add(key);
        const list = index.get(key);
        if (list) list.push(cluster);
        else index.set(key, [cluster]);
      }
    }
  };
  for (const mention of mentions) {
    const seen = new Set<EventCluster>();
    let best: EventCluster | null = null;
    let bestScore = -1;
    for (const bucket of lookupBuckets(mention)) {
      for (const actor of mention.actorKeys) {
        for (const family of mention.families) {
          for (const cluster of index.get(`${actor}|${family}|${bucket}`) ?? []) {
            if (seen.has(cluster)) continue;
            seen.add(cluster);
            const score = fit(mention, cluster);
            if (score !== null && score > bestScore) {
              best = cluster;
              bestScore = score;
            }
          }
        }
      }
    }
    if (best) {
      best.mentions.push(mention);
      addToCluster(best, mention);
      for (const family of mention.families) best.families.add(family);
      for (const key of mention.actorKeys) best.actorKeys.add(key);
      if (mention.time && (!best.time || (mention.time.startsWith(best.time) && mention.time.length > best.time.length))) best.time = mention.time;
      best.place = moreSpecificPlace(best.place, mention.place);
      addToIndex(best);
    } else {
      const cluster: EventCluster = {
        mentions: [mention],
        families: new Set(mention.families),
        actorKeys: new Set(mention.actorKeys),
        time: mention.time,
        place: mention.place,
        byDocument: new Map(),
        byCode: new Map(),
      };
      addToCluster(cluster, mention);
      clusters.push(cluster);
      addToIndex(cluster);
    }
  }
  return clusters;
}
