/**
 * The language stage: runs the syntax models (tagger, lemmatiser, parser) and the named-entity
 * recogniser over each sentence's tokens and lays their output onto the document's token list
 * (heads become document-level token indices).
 */
import type { TextStructure } from '../text/types.js';
import type { LanguageAnnotation, NerSpan } from './types.js';
import { annotateSyntax, loadSyntaxModels } from './syntax.js';
import type { SyntaxModels } from './syntax.js';
import { loadNerModel } from './ner.js';
import type { NerModel } from './ner.js';

export interface LanguageModels {
  syntax: SyntaxModels;
  ner: NerModel;
}

/** Loads the shipped models from `models/`. */
export function loadLanguageModels(): LanguageModels {
  return { syntax: loadSyntaxModels(), ner: loadNerModel() };
}

/** Collects IOB2 tags of one sentence into spans (an I- without a matching B- starts a span). */
function spansFromTags(
  tags: readonly string[],
  confidences: readonly number[],
  offset: number,
  structure: TextStructure,
): NerSpan[] {
  const spans: NerSpan[] = [];
  let open: { type: string; from: number; confidence: number } | null = null;
  const close = (until: number): void => {
    if (!open) return;
    const first = structure.tokens[offset + open.from];
    const last = structure.tokens[offset + until - 1];
    spans.push({
      tokenStart: offset + open.from,
      tokenEnd: offset + until,
      type: open.type,
      start: first.start,
      end: last.end,
      confidence: open.confidence / (until - open.from),
    });
    open = null;
  };
  tags.forEach((tag, index) => {
    const type = tag.length > 2 ? tag.slice(2) : '';
    if (tag === 'O' || tag.startsWith('B-') || (tag.startsWith('I-') && open?.type !== type)) close(index);
    if (tag !== 'O') {
      if (!open) open = { type, from: index, confidence: 0 };
      open.confidence += confidences[index] ?? 0;
    }
  });
  close(tags.length);
  return spans;
}

/** Tags, lemmatises, parses and recognises entities in every sentence of the document. */
export function annotateLanguage(models: LanguageModels, _text: string, structure: TextStructure): LanguageAnnotation {
  const count = structure.tokens.length;
  const annotation: LanguageAnnotation = {
    upos: new Array<string>(count),
    xpos: new Array<string>(count),
    lemma: new Array<string>(count),
    head: new Int32Array(count),
    deprel: new Array<string>(count),
    ner: new Array<string>(count),
    nerSpans: [],
  };
  const sentenceWords = structure.sentences.map((sentence) =>
    structure.tokens.slice(sentence.tokenStart, sentence.tokenEnd).map((token) => token.text),
  );
  const syntax = annotateSyntax(models.syntax, sentenceWords);
  // The NER model reads the whole document so later mentions can use what earlier ones were tagged.
  const named = models.ner.recogniseDocument(sentenceWords);
  structure.sentences.forEach((sentence, sentenceIndex) => {
    const offset = sentence.tokenStart;
    const words = sentenceWords[sentenceIndex];
    const parsed = syntax[sentenceIndex];
    const entities = named[sentenceIndex];
    for (let i = 0; i < words.length; i++) {
      const at = offset + i;
      annotation.upos[at] = parsed.upos[i];
      annotation.xpos[at] = parsed.xpos[i];
      annotation.lemma[at] = parsed.lemma[i];
      annotation.head[at] = parsed.head[i] < 0 ? -1 : offset + parsed.head[i];
      annotation.deprel[at] = parsed.deprel[i];
      annotation.ner[at] = entities.tags[i];
    }
    annotation.nerSpans.push(...spansFromTags(entities.tags, entities.confidences, offset, structure));
  });
  return annotation;
}
