/**
 * From knowledge-base facts to the contract's entity fields: the entity type of a KB entry, the
 * CAMEO actor (country + sector) of an entry on the publication date, and the `of` of a role.
 */
import type { Actor, EntityType } from '../../contract/types.js';
import type { KbEntry, KbMatch, KnowledgeBase, OfficeTerm } from '../../knowledge/types.js';

const ISO3 = /^[A-Z]{3}$/;

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
  return { code: `${country ?? ''}${sector ?? ''}`, country, sector };
}

/** The actor of an office: a state office gives country+sector, an IGO office the IGO's code. */
export function officeActor(office: OfficeTerm, kb: KnowledgeBase): Actor {
  if (ISO3.test(office.of)) return { code: office.of + office.sector, country: office.of, sector: office.sector };
  const igo = kb.lookup(office.of)[0]?.entry;
  return { code: igo?.code ?? `IGO${office.of}`, country: null, sector: 'IGO' };
}

/**
 * The actor of a KB match on the document's date. Persons take the office they hold (looked up
 * by the KB for the date); without one, the entry's own code or country. A metonym such as
 * "the Kremlin" carries the match's sector (GOV), so it becomes RUSGOV rather than RUS.
 */
export function matchActor(match: KbMatch, kb: KnowledgeBase, sectorOverride: string | null = null): Actor | null {
  const entry = match.entry;
  if (entry.kind === 'person') {
    if (match.office) return officeActor(match.office, kb);
    if (entry.code) return { code: entry.code, country: entry.country, sector: entry.sector };
    return actorFrom(entry.country, entry.sector);
  }
  const sector = sectorOverride ?? (match.via === 'metonym' || match.via === 'capital' ? match.sector : null);
  if (sector && entry.country && sector !== entry.sector) return actorFrom(entry.country, sector);
  if (entry.code) return { code: entry.code, country: entry.country, sector: entry.sector };
  return actorFrom(entry.country, entry.sector);
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
