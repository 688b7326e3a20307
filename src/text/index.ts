/**
 * The text stage: turns a document's stored text into blocks, sentences and tokens, all with exact
 * `[start, end)` spans into that text. Sentences never cross blocks and tokens never cross sentences.
 */
import type { LineHint } from '../input/types.js';
import { segmentBlocks } from './blocks.js';
import { shippedBoundaryModel, type SentenceBoundaryModel } from './boundaryModel.js';
import { sentenceStarts } from './sentences.js';
import { tokenizeRange } from './tokenize.js';
import type { Sentence, TextBlock, TextStructure, Token } from './types.js';

export type { Sentence, TextBlock, TextStructure, Token } from './types.js';
export { tokenizeRange } from './tokenize.js';
export { bylineCredit, isDeskCredit, type Credit } from './blocks.js';
export { SentenceBoundaryModel } from './boundaryModel.js';

export interface StructureOptions {
  /** Sentence-boundary model to use: omitted → the shipped one (if present), null → rules only. */
  boundaryModel?: SentenceBoundaryModel | null;
  /** The element each line came from (an HTML page's `lineHints`); without them lines are classified by their shape. */
  hints?: readonly LineHint[];
}

/** Blocks, sentences and tokens of `text`, plus the news agency named in a byline or dateline and the author a byline names. */
export function structureText(text: string, options: StructureOptions = {}): TextStructure {
  const model = options.boundaryModel === undefined ? shippedBoundaryModel() : options.boundaryModel;
  const segmentation = segmentBlocks(text, options.hints);
  const blocks: TextBlock[] = [];
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  for (const segmented of segmentation.blocks) {
    const blockIndex = blocks.length;
    blocks.push({ kind: segmented.kind, start: segmented.start, end: segmented.end });
    const blockTokens = tokenizeRange(text, segmented.contentStart, segmented.end);
    if (blockTokens.length === 0) continue;
    const ruleStarts = sentenceStarts(blockTokens);
    const starts = segmented.oneSentence ? [] : model ? model.boundaries(blockTokens, ruleStarts) : ruleStarts;
    starts.push(blockTokens.length);
    let first = 0;
    for (const stop of starts) {
      const sentenceIndex = sentences.length;
      const tokenStart = tokens.length;
      for (let index = first; index < stop; index++) {
        const token = blockTokens[index];
        token.sentence = sentenceIndex;
        tokens.push(token);
      }
      sentences.push({
        start: blockTokens[first].start,
        end: blockTokens[stop - 1].end,
        block: blockIndex,
        tokenStart,
        tokenEnd: tokens.length,
      });
      first = stop;
    }
  }
  return { blocks, sentences, tokens, agency: segmentation.agency, author: segmentation.author };
}

/** Token range [from, to) whose characters fall inside [start, end). */
export function tokensWithin(tokens: readonly Token[], start: number, end: number): [number, number] {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].end <= start) low = mid + 1;
    else high = mid;
  }
  let to = low;
  while (to < tokens.length && tokens[to].start < end) to++;
  return [low, to];
}
