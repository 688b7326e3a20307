/**
 * `compareAnalyses`: several `storyline.analysis/1` objects on one story → one `storyline.story/1`:
 * the documents, entities and events merged across them (each event with the reports that describe
 * it), quotes by speaker, the discrepancies, and what each document alone reports. Pure: it reads
 * only its arguments.
 */
import type { Analysis, EventOut, EventStatus } from '../contract/types.js';
import type { Discrepancy, DocumentExclusives, Story, StoryDocument, StoryEvent } from '../contract/story.js';
import { STORY_SCHEMA_ID } from '../contract/story.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { CAMEO_TABLE } from '../extraction/lexicon/cameo-table.js';
import { mostCommon, resolveEntities } from './entities.js';
import { clusterEvents, eventMentions } from './events.js';
import type { EventCluster } from './events.js';
import { eventDiscrepancies, internalDiscrepancies, numberDiscrepancies, speakerDiscrepancies, withoutRepeatedClaims } from './discrepancies.js';
import { mergeQuotes } from './quotes.js';

function storyDocument(analysis: Analysis): StoryDocument {
  const { id, title, outlet, agency, published, url } = analysis.document;
  return { id, title, outlet, agency, published, source: url };
}

/** Document ids must be unique in a story: a repeated text gets `#2`, `#3` … */
function withUniqueIds(analyses: readonly Analysis[]): Analysis[] {
  const seen = new Map<string, number>();
  return analyses.map((analysis) => {
    const count = (seen.get(analysis.document.id) ?? 0) + 1;
    seen.set(analysis.document.id, count);
    return count === 1 ? analysis : { ...analysis, document: { ...analysis.document, id: `${analysis.document.id}#${count}` } };
  });
}

function union(lists: readonly string[][]): string[] {
  return [...new Set(lists.flat())];
}

/** The doers the reports name; those inferred from a place only when no report names one. */
function sourceActors(events: readonly EventOut[]): string[] {
  const named = union(events.filter((event) => !event.source_inferred).map((event) => event.source_actors));
  return named.length > 0 ? named : union(events.map((event) => event.source_actors));
}

/** What the story event as a whole says, from the reports that make it up. */
function storyEvent(cluster: EventCluster, id: string): StoryEvent {
  const mentions = cluster.mentions;
  const cameo = mostCommon(mentions.map((mention) => mention.event.cameo))!;
  const typical = mentions.find((mention) => mention.event.cameo === cameo)!.event;
  const status: EventStatus = mentions.find((mention) => mention.event.status === 'occurred')?.event.status ?? mostCommon(mentions.map((mention) => mention.event.status))!;
  return {
    id,
    cameo,
    root: typical.root,
    plover: typical.plover,
    label: CAMEO_TABLE[cameo]?.[0] ?? typical.trigger.text,
    source: union(mentions.map((mention) => mention.sourceIds)),
    target: union(mentions.map((mention) => mention.targetIds)),
    source_actors: sourceActors(mentions.map((mention) => mention.event)),
    target_actors: union(mentions.map((mention) => mention.event.target_actors)),
    time: cluster.time,
    place: { name: cluster.place?.name ?? null, entity: cluster.place?.entity ?? null, country: cluster.place?.country ?? null },
    status,
    documents: [...new Set(mentions.map((mention) => mention.analysis.document.id))],
    reports: mentions.map(({ analysis, event, time, place }) => ({
      document: analysis.document.id,
      event: event.id,
      trigger: { document: analysis.document.id, ...event.trigger },
      evidence: { document: analysis.document.id, start: event.evidence.start, end: event.evidence.end, text: analysis.document.text.slice(event.evidence.start, event.evidence.end) },
      status: event.status,
      time,
      place: place?.name ?? null,
      attribution: event.attribution,
      hedge: event.hedge,
    })),
  };
}

/** Orders story events by time (undated last), then by first appearance. */
function chronological(events: StoryEvent[]): StoryEvent[] {
  return events
    .map((event, order) => ({ event, order }))
    .sort((a, b) => {
      if (a.event.time && b.event.time && a.event.time !== b.event.time) return a.event.time < b.event.time ? -1 : 1;
      if (Boolean(a.event.time) !== Boolean(b.event.time)) return a.event.time ? -1 : 1;
      return a.order - b.order;
    })
    .map(({ event }) => event);
}

/** Compares analyses of one story: merged entities, events and quotes, discrepancies, exclusives. */
export function compareAnalyses(analyses: Analysis[], kb: KnowledgeBase): Story {
  const documents = withUniqueIds(analyses);
  const resolution = resolveEntities(documents);
  const mentions = eventMentions(documents, resolution, kb);
  const clusters = clusterEvents(mentions);
  const events: StoryEvent[] = [];
  const discrepancies: Discrepancy[] = [];
  for (const cluster of clusters) {
    const event = storyEvent(cluster, `V${events.length + 1}`);
    events.push(event);
    discrepancies.push(...eventDiscrepancies(cluster, event.id, event.label));
  }
  discrepancies.push(...numberDiscrepancies(documents), ...internalDiscrepancies(mentions));
  const quotes = mergeQuotes(documents, resolution);
  discrepancies.push(...speakerDiscrepancies(quotes, documents));
  const exclusive = new Map<string, DocumentExclusives>(documents.map(({ document }) => [document.id, { document: document.id, events: [], quotes: [] }]));
  for (const event of events) if (event.documents.length === 1) exclusive.get(event.documents[0])!.events.push(event.id);
  for (const quote of quotes) if (quote.documents.length === 1) exclusive.get(quote.documents[0])!.quotes.push(quote.id);
  return {
    schema: STORY_SCHEMA_ID,
    documents: documents.map(storyDocument),
    entities: resolution.entities,
    events: chronological(events),
    quotes,
    discrepancies: withoutRepeatedClaims(discrepancies),
    exclusive: [...exclusive.values()],
  };
}
