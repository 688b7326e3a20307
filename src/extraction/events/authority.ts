/**
 * Acts only a state does (arresting, charging, sentencing, deporting, confiscating, banning, a police
 * raid): when the text names no doer, the authorities of the country where the act took place did it
 * ("Two journalists were detained in Lima" → PERGOV). The source is then inferred, not read: the
 * event keeps no source entity, takes the country's code with the body the words name (police COP,
 * a court or prosecutor JUD, else GOV) and says which place it was inferred from and how sure it is.
 */
import type { DocumentView, Frame } from './document.js';

/** CAMEO codes of acts of state power: confiscation (171), administrative sanctions (172), arrest, charge or sentence (173), expulsion (174), repression (175). */
const STATE_ACT_ROOTS = ['171', '172', '173', '174', '175'];
/** Generic coercion (170) is a state act only for a search or raid. */
const STATE_COERCION_LEMMAS: ReadonlySet<string> = new Set(['raid', 'search']);

/** Words of the doer's phrase that name which body of the state acted. */
const BODY_CODES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(police|policeman|policemen|officer|officers|gendarmes?|militia)$/, 'COP'],
  [/^(court|courts|judge|judges|tribunal|prosecutor|prosecutors)$/, 'JUD'],
];

/** How sure the inference is: a state's own territory is where it arrests, but not always whose arrest a text tells. */
export const INFERRED_AUTHORITY_CONFIDENCE = 0.6;

/** Is the frame an act only a state does? */
function isStateAct(view: DocumentView, code: string, trigger: number): boolean {
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

/** The state body the sentence names as the doer ("by a court in Arequipa", "Police in Cusco arrested"), else the government. */
function bodyCode(view: DocumentView, trigger: number): string {
  for (const doer of doerPhrases(view, trigger)) {
    const found = BODY_CODES.find(([pattern]) => pattern.test(view.lower[doer]));
    if (found) return found[1];
  }
  return 'GOV';
}

/**
 * The place whose country did a state act: where it happened, or the country someone was expelled
 * from ("were deported from Peru"); null when neither lies in a known country.
 */
export function stateActPlace(view: DocumentView, code: string, trigger: number, place: Frame['place']): string | null {
  if (!isStateAct(view, code, trigger)) return null;
  if (place?.entity && countryOfPlace(view, place.entity)) return place.entity;
  const parse = view.parse;
  if (!parse || !code.startsWith('174')) return null;
  for (const child of parse.children[trigger]) {
    const from = parse.deprel[child].startsWith('obl') && parse.children[child].some((marker) => parse.deprel[marker] === 'case' && view.lower[marker] === 'from');
    const entity = from ? view.entityOfToken[child] : null;
    if (entity && countryOfPlace(view, entity)) return entity;
  }
  return null;
}

/**
 * A state act with no doer named, told at a place in a known country, was done by that country's
 * authorities: the frame gains an inferred source (codes and the place read), its sources stay empty.
 */
export function withInferredAuthority(view: DocumentView, frame: Frame): Frame {
  if (frame.sources.length > 0) return frame;
  const from = stateActPlace(view, frame.code, frame.trigger[0], frame.place);
  const country = countryOfPlace(view, from);
  if (!from || !country) return frame;
  return { ...frame, inferredSource: { codes: [country + bodyCode(view, frame.trigger[0])], from } };
}
