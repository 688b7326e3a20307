/**
 * The cross-document output contract `storyline.story/1` as TypeScript types: what several articles on
 * one story share, what each adds and where they disagree. The JSON Schema next to this file
 * (story.schema.json) is the published form. Every span is `[start, end)` into the text of the
 * document named beside it.
 */
import type { EntityType, EventStatus } from './types.js';

export const STORY_SCHEMA_ID = 'storyline.story/1';

export interface StoryDocument {
  id: string;
  title: string | null;
  outlet: string | null;
  agency: string | null;
  published: string | null;
  /** Where the article came from (its URL), when known. */
  source: string | null;
}

/** A span of one document's text. */
export interface DocumentSpan {
  document: string;
  start: number;
  end: number;
  text: string;
}

export interface EntityOccurrence {
  document: string;
  /** The entity's id inside that document's analysis. */
  entity: string;
  name: string;
}

export interface StoryEntity {
  id: string;
  name: string;
  type: EntityType;
  actor: string | null;
  kb_id: string | null;
  /** For groups ("the two countries"): the story ids of their members. */
  members?: string[];
  documents: string[];
  occurrences: EntityOccurrence[];
}

export interface EventReport {
  document: string;
  /** The event's id inside that document's analysis. */
  event: string;
  trigger: DocumentSpan;
  evidence: DocumentSpan;
  status: EventStatus;
  time: string | null;
  place: string | null;
  attribution: { speaker: string | null; cue: string | null; quote: string | null } | null;
  hedge: string | null;
}

export interface StoryEvent {
  id: string;
  cameo: string;
  root: string;
  plover: string | null;
  label: string;
  source: string[];
  target: string[];
  source_actors: string[];
  target_actors: string[];
  time: string | null;
  place: { name: string | null; entity: string | null; country: string | null };
  status: EventStatus;
  documents: string[];
  reports: EventReport[];
}

export interface QuoteReport extends DocumentSpan {
  /** The quote's id inside that document's analysis. */
  quote: string;
  kind: 'direct' | 'partial' | 'indirect';
  /** The words that name the speaker in that article ("officials", "a government statement"), or null. */
  source: string | null;
}

export interface StoryQuote {
  id: string;
  /** Story entity id of the speaker, or null when unknown. */
  speaker: string | null;
  speaker_name: string | null;
  documents: string[];
  reports: QuoteReport[];
}

/** `speaker`: the same quoted words put in different mouths by different articles. */
export type DiscrepancyKind = 'number' | 'date' | 'place' | 'actor' | 'modality' | 'internal' | 'speaker';

export interface Claim extends DocumentSpan {
  value: string | number | null;
}

export interface Discrepancy {
  kind: DiscrepancyKind;
  note: string;
  /** The story event the claims are about, when there is one. */
  event: string | null;
  claims: Claim[];
  /** Set on a number discrepancy whose figures could all hold at once ("about 40" vs "40"): a weaker difference. */
  hedged?: true;
}

export interface DocumentExclusives {
  document: string;
  events: string[];
  quotes: string[];
}

export interface Story {
  schema: typeof STORY_SCHEMA_ID;
  documents: StoryDocument[];
  entities: StoryEntity[];
  events: StoryEvent[];
  quotes: StoryQuote[];
  discrepancies: Discrepancy[];
  exclusive: DocumentExclusives[];
}
