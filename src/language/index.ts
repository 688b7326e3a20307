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
import { spansOf } from './nerCorpus.js';

export interface LanguageModels {
  syntax: SyntaxModels;
  ner: NerModel;
}

/** Loads the shipped models from `models/`. */
export function loadLanguageModels(): LanguageModels {
  return { syntax: loadSyntaxModels(), ner: loadNerModel() };
}

/** One sentence's IOB2 tags as spans over the document's tokens, each with its mean tag confidence. */
function spansFromTags(tags: string[], confidences: readonly number[], offset: number, structure: TextStructure): NerSpan[] {
  return spansOf(tags).map(({ start, end, type }) => {
    let confidence = 0;
    for (let index = start; index < end; index++) confidence += confidences[index] ?? 0;
    return {
      tokenStart: offset + start,
      tokenEnd: offset + end,
      type,
      start: structure.tokens[offset + start].start,
      end: structure.tokens[offset + end - 1].end,
      confidence: confidence / (end - start),
    };
  });
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
