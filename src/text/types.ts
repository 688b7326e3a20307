/**
 * The text stage's interface: blocks, sentences and tokens with exact character spans into the
 * document text. Sentences never cross blocks; tokens never cross sentences.
 */
import type { BlockKind } from '../contract/types.js';

export interface TextBlock {
  kind: BlockKind;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the block holding this sentence. */
  block: number;
  /** Token range [tokenStart, tokenEnd) in `TextStructure.tokens`. */
  tokenStart: number;
  tokenEnd: number;
}

export interface Token {
  start: number;
  end: number;
  /** The token's text; equals `text.slice(start, end)`. */
  text: string;
  /** Index of its sentence. */
  sentence: number;
  /** True when whitespace follows the token in the text. */
  spaceAfter: boolean;
}

export interface TextStructure {
  blocks: TextBlock[];
  sentences: Sentence[];
  tokens: Token[];
  /** Set from a byline such as "Story By Agence France-Presse (AFP)". */
  agency: string | null;
  /** The author(s) a byline at the top of the story names ("By Ana Ruiz and Luis Soto, AP" → "Ana Ruiz, Luis Soto"). */
  author: string | null;
}
