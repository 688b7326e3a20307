/**
 * Collects entities while the stage works: each draft is found again by a key (a KB id, an actor
 * code, a normalised name), mentions are added to it, and `finish` numbers the entities "e1", "e2",
 * … in order of first mention and turns group members into ids. Mention records keep token
 * positions and syntax facts that coreference needs later.
 */
import type { Actor, Entity, EntityType, MentionKind, Provenance, Role } from '../../contract/types.js';
import type { PronounGender } from './words.js';

export interface EntityDraft {
  key: string;
  name: string;
  type: EntityType;
  actor: Actor | null;
  roles: Role[];
  kbId: string | null;
  members: EntityDraft[] | null;
  gender: PronounGender | null;
  provenance: Provenance;
}

export interface MentionRecord {
  draft: EntityDraft;
  kind: MentionKind;
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  subject: boolean;
  /** Subject of a verb of saying ("Trump wrote", "he said"). */
  speaker: boolean;
  quoted: boolean;
  /** A plural description ("Russian police") or a people ("ethnic Armenians"): antecedent of "they". */
  plural: boolean;
}

export type DraftInit = Omit<EntityDraft, 'key' | 'roles' | 'members' | 'gender'> & Partial<Pick<EntityDraft, 'roles' | 'members' | 'gender'>>;

export class EntityBuilder {
  private readonly drafts = new Map<string, EntityDraft>();
  readonly mentions: MentionRecord[] = [];

  constructor(private readonly text: string) {}

  draft(key: string, init: () => DraftInit): EntityDraft {
    let draft = this.drafts.get(key);
    if (!draft) {
      draft = { roles: [], members: null, gender: null, ...init(), key };
      this.drafts.set(key, draft);
    }
    return draft;
  }

  addMention(record: MentionRecord): void {
    this.mentions.push(record);
  }

  /** Mentions in text order (stable for equal starts: longer first). */
  sortedMentions(): MentionRecord[] {
    return [...this.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  }

  addRole(draft: EntityDraft, role: Role): void {
    const title = role.title.toLowerCase();
    const existing = draft.roles.find((r) => r.title.toLowerCase() === title);
    if (existing) {
      existing.of ??= role.of;
      return;
    }
    draft.roles.push(role);
  }

  finish(): Entity[] {
    const firstMention = new Map<EntityDraft, number>();
    const mentionsOf = new Map<EntityDraft, MentionRecord[]>();
    for (const record of this.sortedMentions()) {
      if (!firstMention.has(record.draft)) firstMention.set(record.draft, record.start);
      const list = mentionsOf.get(record.draft) ?? [];
      if (!list.some((m) => m.start === record.start && m.end === record.end)) list.push(record);
      mentionsOf.set(record.draft, list);
    }
    // Only entities with at least one mention are output (the contract requires one); groups keep
    // the members that are.
    const ordered = [...firstMention.keys()].sort((a, b) => firstMention.get(a)! - firstMention.get(b)!);
    const ids = new Map<EntityDraft, string>(ordered.map((draft, index) => [draft, `e${index + 1}`]));
    return ordered.map((draft): Entity => {
      const entity: Entity = {
        id: ids.get(draft)!,
        name: draft.name,
        type: draft.type,
        actor: draft.actor,
        roles: draft.roles,
        kb_id: draft.kbId,
        mentions: mentionsOf.get(draft)!.map((m) => ({ start: m.start, end: m.end, text: this.text.slice(m.start, m.end), kind: m.kind })),
        provenance: draft.provenance,
      };
      if (draft.members) entity.members = draft.members.map((member) => ids.get(member)).filter((id): id is string => id !== undefined);
      return entity;
    });
  }
}
