/**
 * Armed force or unconventional violence: the same verbs ("attack", "kill", "hit", "raid") code as
 * military force (19x) when an armed actor acts, as assault (18x) or coercion (a police raid, 17x)
 * otherwise. Shared by the parse-based and the shallow readings after their actors are known.
 */
import type { DocumentView, Frame } from './document.js';

export const MILITARY_WORDS: ReadonlySet<string> = new Set([
  'army', 'troops', 'troop', 'force', 'forces', 'soldier', 'soldiers', 'aircraft', 'jet', 'jets', 'warplane', 'warplanes', 'helicopter',
  'helicopters', 'tank', 'tanks', 'artillery', 'navy', 'military', 'drone', 'drones', 'defences', 'defenses', 'gunship', 'gunships',
  'predator', 'missile', 'missiles',
]);
/** Attack nouns as subjects ("US Predator attacks have killed …") mark military force too. */
export const ATTACK_NOUNS: ReadonlySet<string> = new Set(['attack', 'strike', 'airstrike', 'raid', 'shelling', 'bombardment', 'offensive']);
const FORCE_VERBS = new Set(['attack', 'kill', 'hit', 'strike', 'bomb', 'raid', 'shoot', 'fire', 'down']);

function armed(view: DocumentView, frame: Frame): boolean {
  if (frame.armed) return true;
  for (const id of frame.sources) {
    const actor = view.entityById.get(id)?.actor;
    if (actor && (actor.sector === 'MIL' || actor.code.includes('MIL'))) return true;
  }
  // The subject phrase just before the verb ("British aircraft using guided missiles killed …").
  const trigger = frame.trigger[0];
  const sentence = view.tokens[trigger].sentence;
  for (let index = trigger - 1; index >= Math.max(0, trigger - 6) && view.tokens[index].sentence === sentence; index--) {
    if (MILITARY_WORDS.has(view.lower[index])) return true;
  }
  return false;
}

/** The frame's code with force verbs placed by who uses the force. */
export function forceCode(view: DocumentView, frame: Frame): string {
  const lemma = view.lemma[frame.trigger[0]];
  if (!FORCE_VERBS.has(lemma)) return frame.code;
  if (armed(view, frame)) return frame.code.startsWith('19') ? frame.code : lemma === 'bomb' ? '195' : '190';
  if (frame.code === '190' && frame.sources.length > 0) return lemma === 'raid' ? '170' : '180';
  return frame.code;
}
