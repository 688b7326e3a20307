/**
 * Document features of the second-stage (stacked) NER model, after Krishnan and Manning (2006):
 * a first model tags the whole document, and its tags, aggregated over the document, become
 * features of a second model that tags it again. Per word:
 * - the first stage's tag of the word (alone and with whether the word is capitalised) and the
 *   tags of its two neighbours;
 * - token vote: how the first stage tagged the other occurrences of the same word (lower case)
 *   in the document — the type they were most often given inside a name, and the share of them
 *   inside a name, in four bins;
 * - phrase vote: for every word sequence of the sentence that the first stage tagged as a name
 *   elsewhere in the document, the type it was most often given there, with the word's position
 *   in that sequence and whether the first stage tagged this very occurrence the same way.
 * These carry what one sense per document and first-mention revisiting did as hand-written passes,
 * but weighted by learning: the second model is trained on first-stage tags of the training
 * documents produced by models that never saw them (jack-knifing, see nerTrainer.ts), so it learns
 * how far to trust the first stage rather than copying it.
 */
import { spansOf } from './nerCorpus.js';
import { GAZETTEER_MAX_WORDS, lowerHashes, phraseKey } from './nerFeatures.js';
import { hashFeature, hashString } from './perceptron.js';

/** Feature templates, numbered apart from nerFeatures.ts's. */
const enum S {
  Tag = 501, TagAt, TagCapitalised, TokenVote, TokenVoteNone, PhraseVote, PhraseVoteOwn,
}

const BEFORE = -1;
const AFTER = -2;

/**
 * Per sentence and word, the hashed stacked features of a document (see the module comment), from
 * its words and the first stage's IOB2 tags over `types`.
 */
export function stackedFeatures(sentences: readonly (readonly string[])[], firstTags: readonly (readonly string[])[], types: readonly string[]): number[][][] {
  const typeCount = types.length + 1;
  const typeOf = (tag: string): number => (tag === 'O' ? 0 : types.indexOf(tag.slice(2)) + 1);
  const lowered = sentences.map((words) => lowerHashes(words));
  const spans = firstTags.map((tags) => spansOf([...tags]));

  // Token vote counts: lower-case word → occurrences per type (0 = outside a name).
  const tokenCounts = new Map<number, Int32Array>();
  sentences.forEach((_words, s) => {
    lowered[s].forEach((key, i) => {
      const counts = tokenCounts.get(key) ?? new Int32Array(typeCount);
      counts[typeOf(firstTags[s][i])]++;
      tokenCounts.set(key, counts);
    });
  });

  // Phrase vote counts: phrase key → spans per type, and the keys that begin a longer tagged phrase.
  const phraseCounts = new Map<number, Int32Array>();
  const prefixes = new Set<number>();
  spans.forEach((sentenceSpans, s) => {
    for (const span of sentenceSpans) {
      if (span.end - span.start > GAZETTEER_MAX_WORDS) continue;
      const key = phraseKey(lowered[s], span.start, span.end);
      const counts = phraseCounts.get(key) ?? new Int32Array(typeCount);
      counts[typeOf('B-' + span.type)]++;
      phraseCounts.set(key, counts);
      for (let end = span.start + 1; end < span.end; end++) prefixes.add(phraseKey(lowered[s], span.start, end));
    }
  });

  const scratch = new Int32Array(typeCount);
  return sentences.map((words, s) => {
    const tags = firstTags[s];
    const tagHashes = tags.map((tag) => hashString(tag));
    const features = words.map((word, i) => {
      const capitalised = word.charAt(0) !== word.charAt(0).toLowerCase() ? 1 : 0;
      const list = [
        hashFeature(S.Tag, tagHashes[i]),
        hashFeature(S.TagAt, BEFORE, i > 0 ? tagHashes[i - 1] : 0),
        hashFeature(S.TagAt, AFTER, i + 1 < words.length ? tagHashes[i + 1] : 0),
        hashFeature(S.TagCapitalised, tagHashes[i], capitalised),
      ];
      const counts = tokenCounts.get(lowered[s][i]);
      const own = typeOf(tags[i]);
      let others = 0;
      let named = 0;
      let majority = 0;
      if (counts) {
        for (let t = 0; t < typeCount; t++) {
          scratch[t] = counts[t] - (t === own ? 1 : 0);
          others += scratch[t];
          if (t > 0) named += scratch[t];
          if (t > 0 && scratch[t] > (majority === 0 ? 0 : scratch[majority])) majority = t;
        }
      }
      if (others === 0) list.push(hashFeature(S.TokenVoteNone, capitalised));
      else list.push(hashFeature(S.TokenVote, majority, shareBin(named, others), capitalised));
      return list;
    });
    addPhraseVotes(lowered[s], spans[s], typeOf, phraseCounts, prefixes, features);
    return features;
  });
}

/** Share of a word's other occurrences that lie inside a name: none, under half, half or more, all. */
function shareBin(named: number, total: number): number {
  if (named === 0) return 0;
  if (named === total) return 3;
  return 2 * named >= total ? 2 : 1;
}

/** Adds the phrase-vote features of one sentence to `features` (see the module comment). */
function addPhraseVotes(
  lowered: Int32Array,
  spans: readonly { start: number; end: number; type: string }[],
  typeOf: (tag: string) => number,
  phraseCounts: ReadonlyMap<number, Int32Array>,
  prefixes: ReadonlySet<number>,
  features: number[][],
): void {
  const n = lowered.length;
  for (let start = 0; start < n; start++) {
    for (let end = start + 1; end <= Math.min(n, start + GAZETTEER_MAX_WORDS); end++) {
      const key = phraseKey(lowered, start, end);
      const counts = phraseCounts.get(key);
      if (!counts && !prefixes.has(key)) break;
      if (!counts) continue;
      const ownSpan = spans.find((span) => span.start === start && span.end === end);
      const ownType = ownSpan ? typeOf('B-' + ownSpan.type) : 0;
      let majority = 0;
      for (let t = 1; t < counts.length; t++) {
        const other = counts[t] - (t === ownType ? 1 : 0);
        if (other > 0 && (majority === 0 || other > counts[majority] - (majority === ownType ? 1 : 0))) majority = t;
      }
      if (majority === 0) continue;
      for (let i = start; i < end; i++) {
        const position = end - start === 1 ? 0 : i === start ? 1 : i === end - 1 ? 3 : 2;
        features[i].push(hashFeature(S.PhraseVote, majority, position), hashFeature(S.PhraseVoteOwn, majority, position, ownType));
      }
    }
  }
}
