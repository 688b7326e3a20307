/**
 * The language stage's interface: per-token annotations, parallel to `TextStructure.tokens`.
 * Heads are document-level token indices (-1 for a sentence root).
 */
export interface LanguageAnnotation {
  upos: string[];
  xpos: string[];
  lemma: string[];
  head: Int32Array;
  deprel: string[];
  /** IOB2 tags, e.g. "B-PER", "I-ORG", "O". */
  ner: string[];
  /** Named-entity spans found by the NER model (token ranges [start, end) and type). */
  nerSpans: NerSpan[];
}

export interface NerSpan {
  tokenStart: number;
  tokenEnd: number;
  /** PER, ORG, LOC, GPE, NORP, MISC … as the model was trained. */
  type: string;
  start: number;
  end: number;
  confidence: number;
}
