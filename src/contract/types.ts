/**
 * The output contract `storyline.analysis/1` as TypeScript types. The JSON Schema next to this file
 * (analysis.schema.json) is the published form; tests validate real CLI output against it.
 * Spans are `[start, end)` JavaScript string indices into `document.text`.
 */

export const ANALYSIS_SCHEMA_ID = 'storyline.analysis/1';

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export type PublishedSource = 'given' | 'header' | 'metadata' | 'inferred';

export interface DocumentInfo {
  id: string;
  title: string | null;
  outlet: string | null;
  agency: string | null;
  author: string | null;
  url: string | null;
  published: string | null;
  published_source: PublishedSource | null;
  language: string;
  text: string;
}

export type BlockKind = 'paragraph' | 'heading' | 'byline' | 'dateline' | 'boilerplate';

export interface Block extends Span {
  kind: BlockKind;
}

export interface SentenceOut extends Span {}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC' | 'EVENT' | 'OTHER';
export type MentionKind = 'name' | 'title' | 'pronoun' | 'metonym' | 'demonym' | 'description' | 'group';

export interface Actor {
  code: string;
  country: string | null;
  sector: string | null;
}

export interface Role {
  title: string;
  of: string | null;
}

export interface Mention extends TextSpan {
  kind: MentionKind;
}

/** How an inference was made and how sure it is. */
export interface Provenance {
  method: 'rule' | 'model' | 'kb';
  confidence: number;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  actor: Actor | null;
  roles: Role[];
  /** For group entities ("the two countries"): the ids of the member entities. */
  members?: string[];
  kb_id?: string | null;
  mentions: Mention[];
  provenance: Provenance;
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type TimeMod = 'START' | 'MID' | 'END' | 'APPROX' | 'BEFORE' | 'AFTER' | 'MORE_THAN' | 'LESS_THAN' | 'EQUAL_OR_MORE' | 'EQUAL_OR_LESS';
export type TimeAnchor = 'absolute' | 'publication' | 'narrative';

export interface TimeExpression extends TextSpan {
  id: string;
  type: TimeType;
  value: string;
  mod: TimeMod | null;
  anchor: TimeAnchor;
  provenance: Provenance;
}

export type Approx = 'exact' | 'about' | 'more_than' | 'less_than' | 'at_least' | 'at_most';

export interface Quantity extends TextSpan {
  id: string;
  value: number;
  /** Upper bound of a range ("10 to 15"), else null. */
  value_max?: number | null;
  approx: Approx;
  unit: string | null;
  of: number | null;
  provenance: Provenance;
}

export type QuoteKind = 'direct' | 'partial' | 'indirect';

export interface Quote extends TextSpan {
  id: string;
  kind: QuoteKind;
  /** Entity id of the speaker, or null when the words naming them match no entity. */
  speaker: string | null;
  /** The words naming the speaker ("the minister", "officials"), whether or not they match an entity. */
  source: TextSpan | null;
  cue: TextSpan | null;
  provenance: Provenance;
}

export type EventStatus =
  | 'occurred'
  | 'ongoing'
  | 'planned'
  | 'possible'
  | 'demanded'
  | 'hoped'
  | 'denied'
  | 'negated'
  | 'hypothetical';

export interface EventOut {
  id: string;
  trigger: TextSpan;
  evidence: Span;
  cameo: string;
  root: string;
  goldstein: number;
  quad: number | null;
  plover: string | null;
  plover_mode: string | null;
  source: string[];
  target: string[];
  source_actors: string[];
  target_actors: string[];
  /**
   * Set when the text names no doer and `source_actors` are inferred: an act only a state does (an arrest,
   * a sentence, a deportation) told at a place is its country's authorities', read from the place entity `from`.
   */
  source_inferred?: { from: string; method: 'rule'; confidence: number };
  /** No counterpart named: the targets are the parties of the earlier event `event` this act answers ("rejected the accusation"). */
  target_inferred?: { event: string; method: 'rule'; confidence: number };
  /** `carried`: the date is the paragraph's story day, set by the time `time` in an earlier sentence. */
  when: { time: string | null; value: string | null; carried?: boolean };
  where: { entity: string | null; name: string | null };
  status: EventStatus;
  attribution: { speaker: string | null; cue: string | null; quote: string | null } | null;
  hedge: string | null;
  confidence: number;
  provenance: Provenance;
}

export interface TokenOut extends TextSpan {
  upos: string;
  xpos: string;
  lemma: string;
  /** Index of the head token within the document's token list, or -1 for the root. */
  head: number;
  deprel: string;
  ner: string;
}

export interface Analysis {
  schema: typeof ANALYSIS_SCHEMA_ID;
  document: DocumentInfo;
  blocks: Block[];
  sentences: SentenceOut[];
  tokens?: TokenOut[];
  entities: Entity[];
  times: TimeExpression[];
  quantities: Quantity[];
  quotes: Quote[];
  events: EventOut[];
  warnings: string[];
}
