/**
 * The entity stage of `analyze`: mentions (names, demonyms, metonyms, actor descriptions, titles,
 * pronouns, groups) linked to entities with KB actors for the publication date, roles from titles
 * and appositions, and within-document coreference. Works with the language stage's NER and parse
 * when present and falls back to capitalisation and KB longest-match without them.
 * `entityAt` answers "which entity is this span?" for quotes and events.
 */
import type { Entity } from '../../contract/types.js';
import type { KnowledgeBase } from '../../knowledge/types.js';
import type { AnalysisContext } from '../types.js';
import { EntityBuilder } from './builder.js';
import { findGroups, linkCapitalReferences, linkDescriptionsForward, linkIssuerVoice, linkOfficerReferences, linkOrganisationReferences, linkSectorReferences, linkTitleReferences, mergeAppositiveDescriptions, resolvePronouns } from './coreference.js';
import { describePlacedSectorPhrases, describeTownBodies, resolveNames, type Stage } from './named.js';
import { findNames } from './names.js';
import { PLACE_TYPES } from './actors.js';
import { assignRoles } from './roles.js';
import { buildTokenView } from './view.js';

export function extractEntities(ctx: AnalysisContext, kb: KnowledgeBase): Entity[] {
  const view = buildTokenView(ctx);
  const stage: Stage = { view, kb, date: ctx.document.published, builder: new EntityBuilder(ctx.text), outlet: ctx.document.outlet };
  const named = resolveNames(stage, findNames(view, kb, stage.date));
  assignRoles(stage, named);
  for (const record of [...named, ...describePlacedSectorPhrases(stage, named), ...describeTownBodies(stage, named)]) stage.builder.addMention(record);
  linkTitleReferences(stage);
  linkSectorReferences(stage);
  linkOfficerReferences(stage);
  linkOrganisationReferences(stage);
  linkCapitalReferences(stage);
  mergeAppositiveDescriptions(stage);
  linkDescriptionsForward(stage);
  findGroups(stage);
  resolvePronouns(stage);
  linkIssuerVoice(stage);
  return stage.builder.finish();
}

/**
 * The entity a span refers to: the one whose mention covers the span most tightly, else the one
 * with the best mention inside the span (a person's name rather than a demonym or a title:
 * "Armenian Prime Minister Nikol Pashinyan" → Pashinyan). Given the text, a possessor is no head
 * ("Russia's state news agency TASS" → TASS).
 */
export function entityAt(entities: Entity[], start: number, end: number, text?: string): Entity | undefined {
  let covering: { entity: Entity; size: number; group: boolean } | undefined;
  let inside: { entity: Entity; score: number } | undefined;
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      const size = mention.end - mention.start;
      if (mention.start <= start && mention.end >= end) {
        if (!covering || size < covering.size) covering = { entity, size, group: mention.kind === 'group' };
      } else if (mention.start >= start && mention.end <= end) {
        const possessor = text !== undefined && mention.end < end && /^['’]s?(?:\s|$)/u.test(text.slice(mention.end, mention.end + 3));
        const score = (mention.kind === 'demonym' || possessor ? 0 : 10_000) + (mention.kind === 'name' ? 2_000 : 0) + (entity.type === 'PERSON' ? 5_000 : 0) + size;
        if (!inside || score > inside.score) inside = { entity, score };
      }
    }
  }
  // A span that holds one member's name and title inside a wider group mention is that member.
  if (covering?.group && covering.size > end - start && inside && covering.entity.members?.includes(inside.entity.id)) return inside.entity;
  return covering?.entity ?? inside?.entity;
}

/**
 * The entity a quote's source names as its speaker: as `entityAt`, except that a relative pronoun
 * stands for the name before it, and that a person who only owns the source speaks through someone
 * else ("his lawyer", "his spokeswoman" are not him; then no entity is the speaker, and the quote
 * keeps the source's words) unless that is an office, which speaks for him ("Netanyahu's office").
 */
export function speakerAt(entities: Entity[], text: string, start: number, end: number): Entity | undefined {
  // "…beside Trump, who said …": a relative pronoun speaks for the name right before it.
  if (/^(who|which)$/i.test(text.slice(start, end))) {
    const before = text.slice(0, start).replace(/[\s,]+$/u, '').length;
    return entities.find((candidate) => candidate.mentions.some((mention) => mention.end === before && mention.kind !== 'demonym'));
  }
  let entity = entityAt(entities, start, end, text);
  // "An industry source in Baku said", "Officials in Moscow said": a place that only locates the speaker does not speak.
  const placing = entity?.mentions.some((mention) => mention.start > start && mention.end <= end && /\b(?:in|from|at|near)\s+(?:the\s+)?$/i.test(text.slice(start, mention.start)));
  if (entity && placing && PLACE_TYPES.has(entity.type) && !entity.mentions.some((mention) => mention.start <= start && mention.end >= end)) {
    const place = entity;
    entity = entityAt(entities.filter((candidate) => candidate !== place), start, end, text);
  }
  if (!entity || entity.type !== 'PERSON') return entity;
  const covers = entity.mentions.some((mention) => mention.start <= start && mention.end >= end);
  if (covers) return entity;
  const owner = entity.mentions.find((mention) => mention.start >= start && mention.end <= end);
  if (!owner) return entity;
  const possessor = /^(his|her|their)$/i.test(owner.text) || /^['’]s?\b/.test(text.slice(owner.end, end));
  const owned = text.slice(owner.end, end).replace(/^['’]s?/, '').trim().toLowerCase();
  // "Netanyahu's office said": an office speaks for its owner; "his lawyer" or "his spokeswoman" is someone else.
  if (MOUTHPIECES.test(owned)) return entity;
  return possessor && /\p{L}/u.test(owned) ? undefined : entity;
}

/** The institutional voice of the person who owns it ("Netanyahu's office", "his press service"). */
const MOUTHPIECES = /^(?:own )?(office|press office|media office|press service|secretariat)$/;

