/**
 * Acts only a state does (arresting, charging, sentencing, deporting, confiscating, banning, a police
 * raid): when the text names no doer, the authorities of the country where the act took place did it
 * ("Two journalists were detained in Lima" → PERGOV). The source is then inferred, not read: the
 * event keeps no source entity, takes the country's code with the body the words name (police COP,
 * a court or prosecutor JUD, else GOV) and says which place it was inferred from and how sure it is.
 * An act told with no place at all ("Two co-defendants were given suspended sentences") is placed
 * where the story is filed from, its dateline ("LIMA (AFP) –"), and that inference is less sure.
 */
import { lastTokenOfSentence, type DocumentView, type Frame } from './document.js';

/** CAMEO codes of acts of state power: a guilty verdict (116), confiscation (171, not destruction 1712), administrative sanctions (172), arrest, charge or sentence (173), expulsion (174), repression (175). */
const STATE_ACT_ROOTS = ['116', '171', '172', '173', '174', '175'];
/** Generic coercion (170) is a state act only for a search or raid. */
const STATE_COERCION_LEMMAS: ReadonlySet<string> = new Set(['raid', 'search']);

/** Words of the doer's phrase that name which body of the state acted. */
const BODY_CODES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(police|policeman|policemen|officer|officers|gendarmes?|militia)$/, 'COP'],
  [/^(court|courts|judge|judges|tribunal|prosecutor|prosecutors)$/, 'JUD'],
];

/** How sure the inference is: a state's own territory is where it arrests, but not always whose arrest a text tells. */
export const INFERRED_AUTHORITY_CONFIDENCE = 0.6;
/** How sure it is when only the dateline places the act: stories filed from one capital also tell of acts elsewhere. */
export const DATELINE_AUTHORITY_CONFIDENCE = 0.5;

/** Is the frame an act only a state does? */
function isStateAct(view: DocumentView, code: string, trigger: number): boolean {
  // Property destroyed (1712) is as often shelling or a mob's work as a demolition order.
  if (code.startsWith('1712')) return false;
  return STATE_ACT_ROOTS.some((root) => code.startsWith(root)) || (code === '170' && STATE_COERCION_LEMMAS.has(view.lemma[trigger]));
}

/** The country code of a place entity: a country, or a town or region the knowledge base places in one. */
function countryOfPlace(view: DocumentView, entityId: string | null): string | null {
  const entity = entityId ? view.entityById.get(entityId) : undefined;
  const code = entity?.actor?.code;
  if (!entity || (entity.type !== 'GPE' && entity.type !== 'LOC') || !code || !/^[A-Z]{3}$/.test(code) || entity.members) return null;
  return code;
}

/** The phrases of the act's clause that could name its doer: subjects, and "by" phrases however deep the parser hung them ("sentenced to four years in prison by a court"). */
function doerPhrases(view: DocumentView, trigger: number): number[] {
  const parse = view.parse;
  if (!parse) return [];
  const byPhrase = (node: number): boolean => parse.children[node].some((child) => parse.deprel[child] === 'case' && view.lower[child] === 'by');
  const found: number[] = [];
  const visit = (node: number): void => {
    for (const child of parse.children[node]) {
      const relation = parse.deprel[child];
      // "a police raid": the body naming a noun act.
      if ((relation === 'nsubj' || relation === 'compound') && node === trigger) found.push(child);
      if (!/^(obl|nmod)/.test(relation)) continue;
      if (byPhrase(child)) found.push(child);
      visit(child);
    }
  };
  visit(trigger);
  return found;
}

/** Words of a verdict or a trial: only a court gives one ("was convicted", "were given suspended sentences", "will stand trial"). */
const JUDICIAL_WORDS: ReadonlySet<string> = new Set(['convict', 'sentence', 'acquit', 'trial']);

/** The state body the sentence names as the doer ("by a court in Arequipa", "Police in Cusco arrested"), else a court for a verdict, else the government. */
function bodyCode(view: DocumentView, trigger: number): string {
  for (const doer of doerPhrases(view, trigger)) {
    const found = BODY_CODES.find(([pattern]) => pattern.test(view.lower[doer]));
    if (found) return found[1];
  }
  const judicial = JUDICIAL_WORDS.has(view.lemma[trigger]) || (view.parse?.children[trigger].some((child) => JUDICIAL_WORDS.has(view.lemma[child])) ?? false);
  return judicial ? 'JUD' : 'GOV';
}

/**
 * The place whose country did a state act: where it happened, or the country someone was expelled
 * from ("were deported from Peru"); failing both, when the text names no place at all, the dateline's.
 * Null when none lies in a known country.
 */
function statePlace(view: DocumentView, code: string, trigger: number, place: Frame['place']): { entity: string; byDateline: boolean } | null {
  if (!isStateAct(view, code, trigger)) return null;
  if (place?.entity && countryOfPlace(view, place.entity)) return { entity: place.entity, byDateline: false };
  const parse = view.parse;
  if (parse && code.startsWith('174')) {
    for (const child of parse.children[trigger]) {
      const from = parse.deprel[child].startsWith('obl') && parse.children[child].some((marker) => parse.deprel[marker] === 'case' && view.lower[marker] === 'from');
      const entity = from ? view.entityOfToken[child] : null;
      if (entity && countryOfPlace(view, entity)) return { entity, byDateline: false };
    }
  }
  const filed = place ? null : datelineOf(view, trigger);
  return filed ? { entity: filed, byDateline: true } : null;
}

/** Verbs whose subject undergoes the act ("will stand trial", "faces trial"). */
const PATIENT_SUBJECT_VERBS: ReadonlySet<string> = new Set(['stand', 'face']);

/**
 * Where the story telling an unplaced act was filed from: the place of the last dateline before it,
 * when the act names no doer at all (a passive, not "accused the militias of looting") and is told by
 * a verb (a noun such as "the detentions" mostly refers back to an act told earlier); only when the
 * lead sentence after it names that country's actor first (a story filed from a mediator's capital
 * tells of acts elsewhere) and neither the act's paragraph so far nor its sentence names a town of
 * another country ("In Baku, police arrested … Two of them were detained" in a YEREVAN story).
 */
function datelineOf(view: DocumentView, trigger: number): string | null {
  const parse = view.parse;
  if (parse) {
    const subject = parse.children[trigger].some((child) => parse.deprel[child] === 'nsubj') && !PATIENT_SUBJECT_VERBS.has(view.lemma[trigger]);
    if (parse.upos[trigger] !== 'VERB' || parse.xpos[trigger] === 'VBG' || subject) return null;
  }
  const at = view.tokens[trigger].start;
  const dateline = view.datelines.filter((line) => line.start <= at).pop();
  const filed = dateline?.place ?? null;
  const country = countryOfPlace(view, filed);
  if (!dateline || !filed || !country || !inLeadAfter(view, dateline.end, country)) return null;
  const paragraphStart = view.blockStarts.filter((start) => start <= at).pop() ?? 0;
  const end = view.tokens[lastTokenOfSentence(view, trigger)].end;
  for (const entity of view.entityById.values()) {
    if (entity.kb_id?.startsWith('country:')) continue;
    const elsewhere = countryOfPlace(view, entity.id);
    if (elsewhere && elsewhere !== country && entity.mentions.some((mention) => mention.start >= paragraphStart && mention.end <= end)) return null;
  }
  return filed;
}

/** Is the first actor with a country in the sentence after the dateline ending at `end` one of `country`'s? */
function inLeadAfter(view: DocumentView, end: number, country: string): boolean {
  let first = 0;
  while (first < view.tokens.length && view.tokens[first].start < end) first++;
  if (first >= view.tokens.length) return false;
  const sentence = view.tokens[first].sentence;
  for (let index = first; index < view.tokens.length && view.tokens[index].sentence === sentence; index++) {
    const owner = view.entityById.get(view.entityOfToken[index] ?? '')?.actor?.country;
    if (owner) return owner === country;
  }
  return false;
}

/** The place entity whose country did a state act (see statePlace), or null. */
export function stateActPlace(view: DocumentView, code: string, trigger: number, place: Frame['place']): string | null {
  return statePlace(view, code, trigger, place)?.entity ?? null;
}

/**
 * A state act with no doer named, told at a place in a known country, was done by that country's
 * authorities: the frame gains an inferred source (codes and the place read), its sources stay empty.
 */
export function withInferredAuthority(view: DocumentView, frame: Frame): Frame {
  if (frame.sources.length > 0) return frame;
  const found = statePlace(view, frame.code, frame.trigger[0], frame.place);
  const country = countryOfPlace(view, found?.entity ?? null);
  if (!found || !country) return frame;
  const confidence = found.byDateline ? DATELINE_AUTHORITY_CONFIDENCE : INFERRED_AUTHORITY_CONFIDENCE;
  return { ...frame, inferredSource: { codes: [country + bodyCode(view, frame.trigger[0])], from: found.entity, confidence } };
}
