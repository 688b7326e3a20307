/**
 * Hand-built `storyline.analysis/1` objects for linking tests: a short text, its entities and its
 * coded events, so each merge rule is tested on exactly the facts it reads, independent of the
 * upstream extractors.
 */
import type { Analysis, Entity, EntityType, EventOut, EventStatus } from '../../src/contract/types.js';
import { ANALYSIS_SCHEMA_ID } from '../../src/contract/types.js';

export interface EntitySpec {
  id: string;
  name: string;
  type?: EntityType;
  code?: string;
  kb?: string;
  members?: string[];
}

export interface EventSpec {
  id: string;
  /** The trigger word; its first occurrence in the text is the trigger span, its sentence the evidence. */
  trigger: string;
  cameo: string;
  plover?: string | null;
  source: string[];
  target?: string[];
  time?: string | null;
  place?: string | null;
  status?: EventStatus;
}

export function syntheticAnalysis(id: string, text: string, entities: EntitySpec[], events: EventSpec[], published = '2025-08-07'): Analysis {
  const entityOut: Entity[] = entities.map((spec) => {
    const start = Math.max(0, text.indexOf(spec.name));
    return {
      id: spec.id,
      name: spec.name,
      type: spec.type ?? 'GPE',
      actor: spec.code ? { code: spec.code, country: spec.code.slice(0, 3), sector: spec.code.slice(3) || null } : null,
      roles: [],
      kb_id: spec.kb ?? null,
      ...(spec.members ? { members: spec.members } : {}),
      mentions: [{ start, end: start + spec.name.length, text: text.slice(start, start + spec.name.length), kind: 'name' }],
      provenance: { method: 'rule', confidence: 1 },
    };
  });
  const codeOf = (ids: string[]): string[] => ids.map((entityId) => entities.find((entity) => entity.id === entityId)?.code).filter((code): code is string => Boolean(code));
  const eventOut: EventOut[] = events.map((spec) => {
    const start = text.indexOf(spec.trigger);
    if (start < 0) throw new Error(`trigger '${spec.trigger}' not in text`);
    const sentenceStart = text.lastIndexOf('.', start) + 1;
    const sentenceEnd = text.indexOf('.', start) < 0 ? text.length : text.indexOf('.', start) + 1;
    const place = spec.place ? entityOut.find((entity) => entity.id === spec.place) : undefined;
    return {
      id: spec.id,
      trigger: { start, end: start + spec.trigger.length, text: spec.trigger },
      evidence: { start: sentenceStart, end: sentenceEnd },
      cameo: spec.cameo,
      root: spec.cameo.slice(0, 2),
      goldstein: 0,
      quad: null,
      plover: spec.plover ?? (spec.cameo.startsWith('04') ? 'CONSULT' : null),
      plover_mode: null,
      source: spec.source,
      target: spec.target ?? [],
      source_actors: codeOf(spec.source),
      target_actors: codeOf(spec.target ?? []),
      when: { time: null, value: spec.time ?? null },
      where: { entity: place?.id ?? null, name: place?.name ?? null },
      status: spec.status ?? 'occurred',
      attribution: null,
      hedge: null,
      confidence: 1,
      provenance: { method: 'rule', confidence: 1 },
    };
  });
  return {
    schema: ANALYSIS_SCHEMA_ID,
    document: { id, title: null, outlet: null, agency: null, author: null, url: null, published, published_source: 'given', language: 'en', text },
    blocks: [],
    sentences: [{ start: 0, end: text.length }],
    entities: entityOut,
    times: [],
    quantities: [],
    quotes: [],
    events: eventOut,
    warnings: [],
  };
}
