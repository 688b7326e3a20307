/**
 * What every extractor receives: the document, its text structure and (when the models are
 * loaded and the text is English) the language annotation.
 */
import type { DocumentInfo } from '../contract/types.js';
import type { LanguageAnnotation } from '../language/types.js';
import type { TextStructure } from '../text/types.js';

export interface AnalysisContext {
  document: DocumentInfo;
  text: string;
  structure: TextStructure;
  language: LanguageAnnotation | null;
}
