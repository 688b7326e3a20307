/**
 * From knowledge-base facts to the contract's entity fields: the entity type of a KB entry, actors
 * built from a country and a sector (descriptions, roles), and the `of` of a role. Actors of KB
 * matches come from the KB's own `actorCode`.
 */
import type { Actor, EntityType } from '../../contract/types.js';
import type { KbEntry } from '../../knowledge/types.js';

export function entityTypeOf(entry: KbEntry): EntityType {
  switch (entry.kind) {
    case 'person':
      return 'PERSON';
    case 'country':
      return 'GPE';
    case 'region':
      return 'LOC';
    case 'place':
      return 'GPE';
    default:
      return 'ORG';
  }
}

/** Builds an actor from a country (ISO alpha-3 or null) and a sector; null when both are unknown. */
export function actorFrom(country: string | null, sector: string | null): Actor | null {
  if (!country && !sector) return null;
  return { code: `${country ?? ''}${sector ?? ''}`, country, sector: sector ? sector.slice(0, 3) : null };
}

/** What a role's `of` holds: an ISO code for a state, the IGO's short code, or an organisation's name. */
export function roleOwnerOf(entry: KbEntry): string {
  if (entry.kind === 'country' && entry.country) return entry.country;
  if (entry.kind === 'igo') return shortIgoCode(entry);
  return entry.name;
}

/** "EU" for the European Union: the id's suffix or an upper-case alias, else the name. */
function shortIgoCode(entry: KbEntry): string {
  const suffix = entry.id.split(':')[1];
  if (suffix && /^[A-Z0-9]{2,8}$/.test(suffix)) return suffix;
  return entry.aliases.find((alias) => /^[A-Z]{2,8}$/.test(alias)) ?? entry.name;
}

/** Entity types of places (countries and towns, regions, sites). */
export const PLACE_TYPES: ReadonlySet<string> = new Set(['GPE', 'LOC', 'FAC']);
