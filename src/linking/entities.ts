/**
 * Entity resolution across documents: entities that share a knowledge-base entry (and type and
 * actor code), or whose names are compatible ("Trump" inside "Donald Trump", same type, one
 * candidate only), become one story entity; groups ("the two countries") merge when their members
 * do. Union-find over (document, local entity) keeps it near-linear in the number of mentions.
 */
import type { Analysis, Entity } from '../contract/types.js';
import type { StoryEntity } from '../contract/story.js';

/** Where a document's local entity ended up: `${documentIndex}:${localId}` → story entity id. */
export interface EntityResolution {
  entities: StoryEntity[];
  storyIdOf(documentIndex: number, localId: string): string | null;
  byId: ReadonlyMap<string, StoryEntity>;
}

class UnionFind {
  private readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(item: number): number {
    let root = item;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[item] !== root) {
      const next = this.parent[item];
      this.parent[item] = root;
      item = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
}

/** Lower-case word tokens of a name, possessives and punctuation dropped. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

function hasProperName(entity: Entity): boolean {
  return entity.mentions.some((mention) => mention.kind === 'name');
}

interface Item {
  documentIndex: number;
  entity: Entity;
  node: number;
}

/** Merges every analysis's entities into story entities. */
export function resolveEntities(analyses: readonly Analysis[]): EntityResolution {
  const sets = new UnionFind();
  const items: Item[] = [];
  const nodeOf = new Map<string, number>();
  const byKey = new Map<string, number>();
  const joinOnKey = (key: string, node: number): void => {
    const existing = byKey.get(key);
    if (existing === undefined) byKey.set(key, node);
    else sets.union(existing, node);
  };
  analyses.forEach((analysis, documentIndex) => {
    for (const entity of analysis.entities) {
      const node = sets.add();
      items.push({ documentIndex, entity, node });
      nodeOf.set(`${documentIndex}:${entity.id}`, node);
      if (entity.members && entity.members.length > 0) continue;
      if (entity.kb_id) joinOnKey(`kb|${entity.kb_id}|${entity.type}|${entity.actor?.code ?? ''}`, node);
      else if (hasProperName(entity)) joinOnKey(`name|${entity.type}|${nameTokens(entity.name).join(' ')}`, node);
    }
  });

  // Short names join the one longer name of the same type that contains them ("Trump" → "Donald Trump").
  // Compared per distinct name, so a thousand "Trump"s cost one comparison each.
  const byLastToken = new Map<string, Map<string, Item[]>>();
  for (const item of items) {
    if (item.entity.members?.length || !hasProperName(item.entity)) continue;
    const tokens = nameTokens(item.entity.name);
    if (tokens.length === 0) continue;
    const key = `${item.entity.type}|${tokens[tokens.length - 1]}`;
    const names = byLastToken.get(key) ?? new Map<string, Item[]>();
    byLastToken.set(key, names);
    const name = tokens.join(' ');
    const sameName = names.get(name);
    if (sameName) sameName.push(item);
    else names.set(name, [item]);
  }
  for (const names of byLastToken.values()) {
    for (const [shortName, shortItems] of names) {
      const shortTokens = shortName.split(' ');
      const containers = new Set<number>();
      let containerNode = -1;
      for (const [longName, longItems] of names) {
        const longTokens = longName.split(' ');
        if (longTokens.length <= shortTokens.length || !shortTokens.every((token) => longTokens.includes(token))) continue;
        for (const long of longItems) containers.add(sets.find(long.node));
        containerNode = longItems[0].node;
      }
      if (containers.size === 1) for (const short of shortItems) sets.union(short.node, containerNode);
    }
  }

  // Groups merge when their members resolve to the same story entities.
  for (const item of items) {
    const members = item.entity.members;
    if (!members || members.length === 0) continue;
    const memberRoots = members
      .map((member) => nodeOf.get(`${item.documentIndex}:${member}`))
      .filter((node): node is number => node !== undefined)
      .map((node) => sets.find(node));
    joinOnKey(`group|${[...new Set(memberRoots)].sort((a, b) => a - b).join(',')}`, item.node);
  }

  const storyIdByRoot = new Map<number, string>();
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const root = sets.find(item.node);
    let storyId = storyIdByRoot.get(root);
    if (!storyId) {
      storyId = `E${storyIdByRoot.size + 1}`;
      storyIdByRoot.set(root, storyId);
      groups.set(storyId, []);
    }
    groups.get(storyId)!.push(item);
  }
  const storyIdOf = (documentIndex: number, localId: string): string | null => {
    const node = nodeOf.get(`${documentIndex}:${localId}`);
    return node === undefined ? null : storyIdByRoot.get(sets.find(node)) ?? null;
  };
  const entities: StoryEntity[] = [];
  for (const [id, members] of groups) {
    const representative = members.reduce((best, item) => (nameTokens(item.entity.name).length > nameTokens(best.entity.name).length ? item : best));
    const codes = members.map((item) => item.entity.actor?.code).filter((code): code is string => Boolean(code));
    const memberIds = representative.entity.members
      ?.map((member) => storyIdOf(representative.documentIndex, member))
      .filter((member): member is string => member !== null);
    const story: StoryEntity = {
      id,
      name: representative.entity.name,
      type: representative.entity.type,
      actor: mostCommon(codes),
      kb_id: members.find((item) => item.entity.kb_id)?.entity.kb_id ?? null,
      documents: [...new Set(members.map((item) => analyses[item.documentIndex].document.id))],
      occurrences: members.map((item) => ({ document: analyses[item.documentIndex].document.id, entity: item.entity.id, name: item.entity.name })),
    };
    if (memberIds && memberIds.length > 0) story.members = [...new Set(memberIds)];
    entities.push(story);
  }
  return { entities, storyIdOf, byId: new Map(entities.map((entity) => [entity.id, entity])) };
}

/** The most frequent value (first seen wins a tie), or null for an empty list. */
export function mostCommon<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
