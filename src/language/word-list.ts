/**
 * An English word list with each word's possible Penn Treebank tags (en-lexicon: about 112,000
 * spellings, from tagged news and general text), read when a tagger is trained. The tagger bakes
 * what it needs into its model file, so tagging never reads this list: it only tells the tagger,
 * for a word its treebank never showed or showed rarely, which tags the word can take at all
 * ("arises" VBZ, "suburban" JJ). Web treebanks are small; this is the lexical knowledge they lack.
 * The package is loaded on first use, not on import: as a JavaScript object of 112,000 properties
 * it costs about 45 MB of memory, which analysing text never needs.
 */
import { createRequire } from 'node:module';

/** Each spelling of the list and its tag set, the tags in one canonical order ("JJ|NNP"). */
export function wordTagLexicon(): Map<string, string> {
  const { lexicon } = createRequire(import.meta.url)('en-lexicon') as { lexicon: Record<string, string> };
  return new Map(Object.entries(lexicon).map(([word, tags]) => [word, [...new Set(tags.split('|'))].sort().join('|')]));
}
