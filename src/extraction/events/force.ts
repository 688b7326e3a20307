/**
 * Armed force or unconventional violence: the same verbs ("attack", "kill", "hit", "raid") code as
 * military force (19x) when an armed actor acts, as assault (18x) or coercion (a police raid, 17x)
 * otherwise; and no force at all when nature did it ("floods killed 45 people", "the quake
 * destroyed 300 homes"), which no political event code describes; an unarmed clash is a violent
 * protest or a quarrel. Shared by the parse-based and
 * the shallow readings after their actors are known.
 */
import type { DocumentView, Frame } from './document.js';

export const MILITARY_WORDS: ReadonlySet<string> = new Set([
  'army', 'troops', 'troop', 'force', 'forces', 'soldier', 'soldiers', 'aircraft', 'jet', 'jets', 'warplane', 'warplanes', 'helicopter',
  'helicopters', 'tank', 'tanks', 'artillery', 'navy', 'military', 'drone', 'drones', 'defences', 'defenses', 'gunship', 'gunships',
  'predator', 'missile', 'missiles',
]);
/** Attack nouns as subjects ("US Predator attacks have killed …") mark military force too. */
export const ATTACK_NOUNS: ReadonlySet<string> = new Set(['attack', 'strike', 'airstrike', 'raid', 'shelling', 'bombardment', 'offensive']);
const FORCE_VERBS = new Set(['attack', 'kill', 'hit', 'strike', 'bomb', 'raid', 'shoot', 'fire', 'down', 'clash', 'storm', 'wound', 'injure']);
/** Weapons named as the agent after a passive ("wounded by Peruvian fire", "killed by artillery shelling"). */
const WEAPON_WORDS: ReadonlySet<string> = new Set(['fire', 'gunfire', 'shelling', 'shells', 'shell', 'artillery', 'mortar', 'mortars', 'rocket', 'rockets', 'missile', 'missiles', 'drone', 'drones', 'sniper', 'snipers', 'troops', 'forces', 'soldiers', 'airstrike', 'airstrikes']);
/** Crowds and the police who face them: an unarmed clash among them is a violent protest (145). */
const CROWD_WORDS: ReadonlySet<string> = new Set(['protesters', 'protestors', 'demonstrators', 'rioters', 'crowd', 'crowds', 'supporters', 'fans', 'police', 'riot', 'students', 'youths']);

function armed(view: DocumentView, frame: Frame): boolean {
  if (frame.armed) return true;
  for (const id of frame.sources) {
    const actor = view.entityById.get(id)?.actor;
    if (actor && (actor.sector === 'MIL' || actor.code.includes('MIL'))) return true;
  }
  // The subject phrase just before the verb ("British aircraft using guided missiles killed …").
  if (near(view, frame.trigger[0], MILITARY_WORDS, 6, -1)) return true;
  // A weapon or armed body as the passive's agent ("were wounded by Chilean fire").
  return byWeapon(view, frame.trigger[0]);
}

/** "by" within the next two words, then a weapon within three more. */
function byWeapon(view: DocumentView, trigger: number): boolean {
  const sentence = view.tokens[trigger].sentence;
  for (let by = trigger + 1; by <= trigger + 2 && by < view.tokens.length && view.tokens[by].sentence === sentence; by++) {
    if (view.lower[by] !== 'by') continue;
    for (let index = by + 1; index <= by + 3 && index < view.tokens.length && view.tokens[index].sentence === sentence; index++) {
      if (WEAPON_WORDS.has(view.lower[index])) return true;
    }
  }
  return false;
}

/** Sectors of bodies that bear arms or speak for a state: a clash among them is no mere quarrel. */
const STATE_OR_ARMED_SECTORS = new Set(['GOV', 'MIL', 'COP', 'REB', 'INS', 'SPY', 'UAF']);

/** Whether every source (at least one) is a person or a civil body (a church, a party, a company). */
function civilOnly(view: DocumentView, frame: Frame): boolean {
  return frame.sources.length > 0 && frame.sources.every((id) => {
    const entity = view.entityById.get(id);
    if (!entity) return false;
    if (entity.type === 'PERSON') return true;
    const sector = entity.actor?.sector ?? '';
    return entity.type === 'ORG' && sector !== '' && !STATE_OR_ARMED_SECTORS.has(sector.slice(0, 3));
  });
}

/** Whether one of `words` stands in the trigger's sentence from `before` words before it to `after` words after it. */
function near(view: DocumentView, trigger: number, words: ReadonlySet<string>, before: number, after: number): boolean {
  const sentence = view.tokens[trigger].sentence;
  for (let index = Math.max(0, trigger - before); index <= trigger + after && index < view.tokens.length; index++) {
    if (view.tokens[index].sentence === sentence && words.has(view.lower[index])) return true;
  }
  return false;
}

/** The frame's code with force verbs placed by who uses the force. */
export function forceCode(view: DocumentView, frame: Frame): string {
  const lemma = view.lemma[frame.trigger[0]];
  if (!FORCE_VERBS.has(lemma)) return frame.code;
  if (armed(view, frame)) return frame.code.startsWith('19') ? frame.code : lemma === 'bomb' ? '195' : '190';
  // Unarmed, a clash is a street fight between crowds and police, or a quarrel when only people and
  // civil bodies take part ("the church, which has clashed with the prime minister"); between states it
  // stays a fight. Crowds storming a building riot (the noun "storm" keeps its code; without a parse,
  // a determiner before the word marks a noun).
  const trigger = frame.trigger[0];
  if (lemma === 'clash') return near(view, trigger, CROWD_WORDS, 6, 4) ? '145' : civilOnly(view, frame) ? '110' : frame.code;
  const verb = view.parse ? view.parse.upos[trigger] !== 'NOUN' : !/^(the|a|an|these|those|their|its|new|deadly|fresh)$/.test(view.lower[trigger - 1] ?? '');
  if (lemma === 'storm' && verb && near(view, trigger, CROWD_WORDS, 6, 4)) return '145';
  if (frame.code === '190' && frame.sources.length > 0) return lemma === 'raid' ? '170' : '180';
  return frame.code;
}

/** Verbs whose "at" names what they are aimed at ("fired at", "hurled stones at"); after any other verb "at" names a venue. */
export const AIMING_VERBS: ReadonlySet<string> = new Set(['fire', 'shoot', 'aim', 'throw', 'hurl', 'strike', 'lash', 'swipe', 'point', 'launch', 'direct', 'shout', 'yell', 'protest', 'jab', 'hit']);

/** Natural hazards, diseases, accidents, and wars and violence as such: causes, never actors ("a conflict that has killed thousands"). */
const NATURAL_CAUSES: ReadonlySet<string> = new Set([
  'conflict', 'conflicts', 'war', 'wars', 'fighting', 'violence', 'unrest', 'insurgency',
  'flood', 'floods', 'flooding', 'earthquake', 'earthquakes', 'quake', 'quakes', 'tremor', 'tremors', 'aftershock', 'aftershocks', 'storm', 'storms',
  'hurricane', 'typhoon', 'cyclone', 'tornado', 'tornadoes', 'rain', 'rains', 'rainfall', 'downpour', 'downpours', 'cloudburst', 'monsoon',
  'landslide', 'landslides', 'mudslide', 'mudslides', 'avalanche', 'avalanches', 'wildfire', 'wildfires', 'blaze', 'drought', 'heatwave',
  'heat', 'snowstorm', 'blizzard', 'tsunami', 'eruption', 'lightning', 'disease', 'outbreak', 'epidemic', 'pandemic', 'virus', 'cholera',
  'accident', 'crash', 'collision', 'disaster', 'weather',
]);

/** What vehicles and buildings do in an accident. */
const ACCIDENT_VERBS: ReadonlySet<string> = new Set(['crash', 'collapse', 'capsize', 'sink', 'derail', 'overturn', 'collide']);

/**
 * An act whose doer is a natural hazard or an accident: the subject just before the trigger
 * ("Flash floods killed …", "the quake has destroyed …"), whatever actor a reading guessed from
 * farther away, its agent after a passive ("were killed by a landslide"), a participle after an
 * accident or a hazard ("crashed, killing 38"), or, when nobody acts, a hazard in the clause right
 * after it ("were killed when an earthquake struck").
 */
export function causedByNature(view: DocumentView, frame: Frame): boolean {
  const trigger = frame.trigger[0];
  const sentence = view.tokens[trigger].sentence;
  const parse = view.parse;
  if (parse) {
    // "a jet that crashed …, killing 38", "floods swept the valley, killing 12": a participle telling what an accident or a hazard did.
    const governor = parse.head[trigger];
    if (governor >= 0 && parse.deprel[trigger] === 'advcl' && parse.xpos[trigger] === 'VBG') {
      if (ACCIDENT_VERBS.has(view.lemma[governor])) return true;
      if (parse.children[governor].some((child) => parse.deprel[child] === 'nsubj' && NATURAL_CAUSES.has(view.lower[child]))) return true;
    }
    for (const child of parse.children[trigger]) {
      const relation = parse.deprel[child];
      // "a conflict that has killed thousands": the relative pronoun stands for the noun the clause describes.
      const subject = relation === 'nsubj' && /^(that|which)$/.test(view.lower[child]) && parse.deprel[trigger] === 'acl:relcl' ? parse.head[trigger] : child;
      if ((relation === 'nsubj' || relation === 'obl:agent' || relation === 'obl') && NATURAL_CAUSES.has(view.lower[subject])) {
        if (relation !== 'obl' || parse.children[child].some((grand) => view.lower[grand] === 'by')) return true;
      }
    }
  }
  // "A plane crashed in December, killing 38" however the parse hung the participle: an -ing form after a
  // comma, in a sentence whose clause before it tells of an accident.
  if (/ing$/.test(view.lower[trigger]) && view.lower[trigger - 1] === ',') {
    for (let index = trigger - 2; index >= 0 && view.tokens[index].sentence === sentence && view.lower[index] !== ';'; index--) {
      if (ACCIDENT_VERBS.has(view.lemma[index])) return true;
    }
  }
  // The word before the verb, past auxiliaries and adverbs, heads its subject ("the quake has destroyed"),
  // unlike a modifier further back ("earthquake relief convoys were attacked").
  for (let index = trigger - 1; index >= Math.max(0, trigger - 4) && view.tokens[index].sentence === sentence; index--) {
    if (/^(has|have|had|also|reportedly|then|later|already)$/.test(view.lower[index])) continue;
    if (NATURAL_CAUSES.has(view.lower[index])) return true;
    break;
  }
  if ((view.lower[trigger + 1] === 'by' && NATURAL_CAUSES.has(view.lower[trigger + 2] ?? '')) || (view.lower[trigger + 2] === 'by' && NATURAL_CAUSES.has(view.lower[trigger + 3] ?? ''))) return true;
  // With nobody acting, a hazard in the clause right after it: "were killed when an earthquake struck".
  if (frame.sources.length > 0) return false;
  for (let index = trigger + 1; index < trigger + 8 && index < view.tokens.length && view.tokens[index].sentence === sentence; index++) {
    if (view.lower[index] !== 'when' && view.lower[index] !== 'after' && view.lower[index] !== 'as') continue;
    for (let next = index + 1; next < index + 6 && next < view.tokens.length && view.tokens[next].sentence === sentence; next++) if (NATURAL_CAUSES.has(view.lower[next])) return true;
    return false;
  }
  return false;
}
