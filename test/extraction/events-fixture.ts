/**
 * Test fixture for the event coder: builds an AnalysisContext from a hand-parsed sentence (one
 * token per line: `form UPOS lemma head deprel [xpos]`, heads 1-based, 0 = root) and entity / time
 * specs, so tests exercise the coder's logic independently of the trained models.
 */
import type { Entity, EntityType, Quote, TimeExpression } from '../../src/contract/types.js';
import type { AnalysisContext } from '../../src/extraction/types.js';
import type { Token } from '../../src/text/types.js';

export interface EntitySpec {
  id: string;
  name: string;
  type?: EntityType;
  code?: string | null;
  /** Surface forms to mark as mentions (every occurrence of each). */
  mentions: string[];
  members?: string[];
  /** The knowledge-base id; by default `country:<code>` for a GPE with a three-letter code. */
  kbId?: string;
}

export interface TimeSpec {
  id: string;
  text: string;
  value: string;
  /** DATE unless given. */
  type?: TimeExpression['type'];
}

export interface Fixture {
  ctx: AnalysisContext;
  found: { entities: Entity[]; times: TimeExpression[]; quotes: Quote[] };
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  const pattern = new RegExp(`(?<![\\w])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
  for (const match of text.matchAll(pattern)) out.push(match.index ?? 0);
  return out;
}

/** `parsed` false drops the parse, to exercise the shallow analyser on the same tokens. */
export function fixture(conll: string, entities: EntitySpec[], times: TimeSpec[] = [], parsed = true, quotes: Quote[] = []): Fixture {
  const rows = conll
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  const tokens: Token[] = [];
  let text = '';
  for (const [form] of rows) {
    if (text.length > 0) text += ' ';
    tokens.push({ start: text.length, end: text.length + form.length, text: form, sentence: 0, spaceAfter: true });
    text += form;
  }
  const language = {
    upos: rows.map((row) => row[1]),
    xpos: rows.map((row) => row[5] ?? (row[1] === 'VERB' ? 'VBD' : row[1])),
    lemma: rows.map((row) => row[2]),
    head: Int32Array.from(rows.map((row) => Number(row[3]) - 1)),
    deprel: rows.map((row) => row[4]),
    ner: rows.map(() => 'O'),
    nerSpans: [],
  };
  const builtEntities: Entity[] = entities.map((spec) => ({
    id: spec.id,
    name: spec.name,
    type: spec.type ?? 'GPE',
    // As the knowledge base names them: a country by its code, a place by its own id.
    kb_id: spec.kbId ?? ((spec.type ?? 'GPE') === 'GPE' && spec.code?.length === 3 ? `country:${spec.code}` : null),
    actor: spec.code ? { code: spec.code, country: spec.code.slice(0, 3), sector: spec.code.length > 3 ? spec.code.slice(3, 6) : null } : null,
    roles: [],
    members: spec.members,
    mentions: spec.mentions.flatMap((surface) =>
      occurrences(text, surface).map((start) => ({ start, end: start + surface.length, text: surface, kind: 'name' as const })),
    ),
    provenance: { method: 'rule', confidence: 1 },
  }));
  const builtTimes: TimeExpression[] = times.flatMap((spec) =>
    occurrences(text, spec.text).map((start) => ({
      id: spec.id,
      start,
      end: start + spec.text.length,
      text: spec.text,
      type: spec.type ?? 'DATE',
      value: spec.value,
      mod: null,
      anchor: 'publication' as const,
      provenance: { method: 'rule' as const, confidence: 1 },
    })),
  );
  const ctx: AnalysisContext = {
    document: {
      id: 'test',
      title: null,
      outlet: null,
      agency: null,
      author: null,
      url: null,
      published: '2025-08-07',
      published_source: 'given',
      language: 'en',
      text,
    },
    text,
    structure: {
      blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
      sentences: [{ start: 0, end: text.length, block: 0, tokenStart: 0, tokenEnd: tokens.length }],
      tokens,
      agency: null,
      author: null,
    },
    language: parsed ? language : null,
  };
  return { ctx, found: { entities: builtEntities, times: builtTimes, quotes } };
}
