// Named-entity recogniser: learning from a corpus slice, model files, determinism, and what the
// shipped news model finds in news prose (our own sentences and a real seed article).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedPath } from '../../src/paths.js';
import { WEB_NER_MODEL, loadNerModel, tagRepeatedNames, trimPunctuationEdges } from '../../src/language/ner.js';
import type { NerModel, NerResult } from '../../src/language/ner.js';
import { parseNerText, readNerFile, spansOf, toIob2 } from '../../src/language/nerCorpus.js';
import type { NerDocument } from '../../src/language/nerCorpus.js';
import { SpanScorer, evaluateNer } from '../../src/language/nerScore.js';
import {
  PLAIN_TEXT_FOLDER,
  limitSentences,
  nerTrainer,
  readKnownNames,
  readPlainTexts,
  readTrainingFiles,
  splitHyphenatedWords,
  trainNerModel,
} from '../../src/language/nerTrainer.js';
import { structureText } from '../../src/text/index.js';
import { ByteLexicon, casingClass, isLowerCaseSentence, trueCased } from '../../src/language/nerFeatures.js';
import { hashString } from '../../src/language/perceptron.js';

const conllTrain = sharedPath('corpora', 'conll2003', 'conllpp_train.txt');
const conllDev = sharedPath('corpora', 'conll2003', 'valid.txt');

/** Entities of one sentence as "words/TYPE" strings. */
function entities(model: NerModel, sentence: string): string[] {
  const words = sentence.split(' ');
  return spansOf(model.recognise(words).tags).map((span) => `${words.slice(span.start, span.end).join(' ')}/${span.type}`);
}

/** A trivial baseline: each word gets the tag it most often had in training, repaired to IOB2. */
function memorisationF1(train: NerDocument[], dev: NerDocument[]): number {
  const votes = new Map<string, Map<string, number>>();
  for (const { sentences } of train) {
    for (const { words, tags } of sentences) {
      words.forEach((word, i) => {
        const counts = votes.get(word) ?? new Map<string, number>();
        counts.set(tags[i], (counts.get(tags[i]) ?? 0) + 1);
        votes.set(word, counts);
      });
    }
  }
  const scorer = new SpanScorer();
  for (const { sentences } of dev) {
    for (const { words, tags } of sentences) {
      const guessed = words.map((word) => {
        const counts = [...(votes.get(word) ?? new Map<string, number>())];
        return counts.length === 0 ? 'O' : counts.sort((a, b) => b[1] - a[1])[0][0];
      });
      scorer.add(tags, toIob2(guessed));
    }
  }
  return scorer.scores().f1;
}

test('reads CoNLL-2003 and IOB2 text, normalising IOB1 and finding documents', () => {
  const conll = parseNerText('-DOCSTART- -X- -X- O\n\nRain NN O O\nhit VBD O O\nOslo NNP I-NP I-LOC\n\n-DOCSTART- -X- -X- O\n\nAnn NNP I-NP I-PER\nLee NNP I-NP I-PER\n');
  assert.equal(conll.length, 2);
  assert.deepEqual(conll[0].sentences[0].tags, ['O', 'O', 'B-LOC']);
  assert.deepEqual(conll[1].sentences[0].tags, ['B-PER', 'I-PER']);
  const iob2 = parseNerText('# newdoc id = a\n# text = visit new york\n1\tvisit\tO\t-\t-\n2\tnew\tB-LOC\t-\t-\n3\tyork\tI-LOC\t-\t-\n');
  assert.deepEqual(iob2[0].sentences[0], { words: ['visit', 'new', 'york'], tags: ['O', 'B-LOC', 'I-LOC'] });
  assert.deepEqual(spansOf(['B-PER', 'I-PER', 'O', 'I-ORG', 'B-ORG']), [
    { start: 0, end: 2, type: 'PER' },
    { start: 3, end: 4, type: 'ORG' },
    { start: 4, end: 5, type: 'ORG' },
  ]);
});

test('training words are split at hyphens as the tokenizer splits them, names staying whole', () => {
  const split = splitHyphenatedWords({
    sentences: [{ words: ['Talks', 'in', 'Port-au-Prince', 'were', 'well-known', '.'], tags: ['O', 'O', 'B-LOC', 'O', 'O', 'O'] }],
  });
  const { words, tags } = split.sentences[0];
  assert.deepEqual(words.slice(2, 7), ['Port', '-', 'au', '-', 'Prince']);
  assert.deepEqual(tags.slice(2, 7), ['B-LOC', 'I-LOC', 'I-LOC', 'I-LOC', 'I-LOC']);
  assert.deepEqual(spansOf(tags), [{ start: 2, end: 7, type: 'LOC' }]);
  assert.ok(tags.slice(7).every((tag) => tag === 'O'));
});

test('training files combine: the first sets the types and a *N suffix weights a file N times', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'storyline-ner-files-'));
  try {
    const web = path.join(dir, 'web.iob2');
    const news = path.join(dir, 'news.txt');
    writeFileSync(web, '# newdoc id = a\n1\tmet\tO\t-\t-\n2\tdana\tB-PER\t-\t-\n3\tin\tO\t-\t-\n4\tquito\tB-LOC\t-\t-\n');
    writeFileSync(news, '-DOCSTART- -X- -X- O\n\nCup NNP O B-MISC\nin IN O O\nLima NNP O B-LOC\n');
    const documents = readTrainingFiles(`${web}*3,${news}`);
    assert.deepEqual(documents.map((document) => document.weight ?? 1), [3, 1]);
    assert.deepEqual(documents[1].sentences[0].tags, ['O', 'O', 'B-LOC']);
    assert.deepEqual(splitHyphenatedWords(documents[0]).weight, 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('recovers article boundaries from datelines when a CoNLL file has no -DOCSTART- lines', () => {
  const text = [
    'TALKS NNS O O\nEND VBP O O\n',
    'GENEVA NNP O B-LOC\n1996-08-22 CD O O\n',
    'They PRP O O\nleft VBD O O\n',
    'MARKETS NNS O O\nFALL VBP O O\n',
    'TOKYO NNP O B-LOC\n1996-08-23 CD O O\n',
  ].join('\n');
  const documents = parseNerText(text);
  assert.deepEqual(documents.map((document) => document.sentences.length), [3, 2]);
});

test('a model trained on a small news slice beats word memorisation by a wide margin', () => {
  const train = limitSentences(readNerFile(conllTrain), 2500);
  const dev = limitSentences(readNerFile(conllDev), 600);
  const model = trainNerModel(train, { iterations: 4, seed: 3 });
  const f1 = evaluateNer(model, dev).f1;
  const baseline = memorisationF1(train, dev);
  assert.ok(f1 > 0.65, `F1 ${f1}`);
  assert.ok(f1 > baseline + 0.15, `F1 ${f1} vs memorisation ${baseline}`);

  // Frequent words never inside a name are listed as outside words and tagged O unscored, with
  // full confidence; a frequent word that was part of a name is not listed.
  const occurrences = new Map<string, { count: number; inName: boolean }>();
  for (const { sentences } of train) {
    for (const { words, tags } of sentences) {
      words.forEach((word, i) => {
        const entry = occurrences.get(word) ?? { count: 0, inName: false };
        entry.count++;
        entry.inName ||= tags[i] !== 'O';
        occurrences.set(word, entry);
      });
    }
  }
  const byCount = [...occurrences].sort((a, b) => b[1].count - a[1].count);
  const plainWord = byCount.find(([word, entry]) => !entry.inName && /^[a-z]+$/.test(word))![0];
  const nameWord = byCount.find(([, entry]) => entry.inName)![0];
  assert.equal(model.parts.outsideWords.get(hashString(plainWord)), 1, plainWord);
  assert.equal(model.parts.outsideWords.get(hashString(nameWord)), 0, nameWord);
  const tagged = model.recognise(['Maria', 'Lopez', plainWord, 'Berlin', '.']);
  assert.equal(tagged.tags[2], 'O');
  assert.equal(tagged.confidences[2], 1);
});

test('model files round-trip, and training is deterministic for a seed', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'storyline-ner-'));
  try {
    const file = (name: string): string => path.join(dir, name);
    await nerTrainer.train({ data: conllTrain, out: file('cli.bin.gz'), iterations: 2, seed: 7, limit: 400 });
    const slice = limitSentences(readNerFile(conllTrain), 400);
    const plainTexts = readPlainTexts(PLAIN_TEXT_FOLDER);
    const knownNames = readKnownNames();
    const train = (seed: number): NerModel => trainNerModel(slice, { iterations: 2, seed, plainTexts, knownNames });
    const inMemory = train(7);
    inMemory.save(file('a.bin.gz'));
    train(8).save(file('c.bin.gz'));
    const bytes = (name: string): Buffer => readFileSync(file(name));
    assert.ok(bytes('cli.bin.gz').equals(bytes('a.bin.gz')), 'same data and seed, same model file');
    assert.ok(!bytes('a.bin.gz').equals(bytes('c.bin.gz')), 'another seed shuffles differently');

    const reloaded = loadNerModel(file('a.bin.gz'));
    assert.ok(reloaded.parts.outsideWords.encode().equals(inMemory.parts.outsideWords.encode()), 'outside words survive saving');
    const words = 'Officials in Lagos said Mary Okafor would lead the Central Bank team .'.split(' ');
    const before = inMemory.recognise(words);
    const after = reloaded.recognise(words);
    assert.deepEqual(after.tags, before.tags);
    after.confidences.forEach((confidence, i) => assert.ok(Math.abs(confidence - before.confidences[i]) < 0.05));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the shipped news model finds people, places and organisations in news prose', () => {
  const model = loadNerModel();
  assert.deepEqual(model.types, ['PER', 'ORG', 'LOC', 'MISC']);
  const found = [
    ...entities(model, 'Chancellor Olaf Scholz flew to Kenya on Monday to meet President William Ruto .'),
    ...entities(model, 'The World Health Organization warned that cholera was spreading in Yemen and Sudan .'),
    ...entities(model, 'Shares of Toyota fell 3 percent in Tokyo after the company cut its forecast .'),
    // Hyphenated names arrive split by the tokenizer and must stay one span.
    ...entities(model, 'Foreign Minister Jean - Pierre Lacroix arrived in Port - au - Prince late on Sunday .'),
  ];
  const expectations = ['Olaf Scholz/PER', 'Kenya/LOC', 'William Ruto/PER', 'World Health Organization/ORG', 'Yemen/LOC', 'Sudan/LOC', 'Toyota/ORG', 'Tokyo/LOC'];
  for (const expected of [...expectations, 'Jean - Pierre Lacroix/PER', 'Port - au - Prince/LOC']) {
    assert.ok(found.includes(expected), `${expected} missing from ${found.join(', ')}`);
  }
  const result = model.recognise('Ministers met in Brussels .'.split(' '));
  assert.equal(result.tags.length, 5);
  for (const confidence of result.confidences) assert.ok(confidence >= 0 && confidence <= 1);
  assert.equal(result.tags[3], 'B-LOC');
  assert.ok(result.confidences[3] > 0.5 && result.confidences[4] > 0.9, result.confidences.join(' '));
});

test('the shipped model reads a real article: Pashinyan is a person, Azerbaijan a place', () => {
  const text = readFileSync(sharedPath('seeds', '000_e6b9d41a665ebffb.txt'), 'utf8');
  const structure = structureText(text);
  const sentences = structure.sentences.map((sentence) =>
    structure.tokens.slice(sentence.tokenStart, sentence.tokenEnd).map((token) => token.text),
  );
  const results = loadNerModel().recogniseDocument(sentences);
  const found = new Set<string>();
  results.forEach((result, s) => {
    for (const span of spansOf(result.tags)) found.add(`${sentences[s].slice(span.start, span.end).join(' ')}/${span.type}`);
  });
  assert.ok(found.has('Nikol Pashinyan/PER'), [...found].join(', '));
  assert.ok(found.has('Azerbaijan/LOC'), [...found].join(', '));
});

test('a model trained on a small slice of web text (IOB2) beats word memorisation', () => {
  const unerTrain = sharedPath('corpora', 'uner-english-ewt', 'en_ewt-ud-train.approx-cleaned.iob2');
  const unerDev = sharedPath('corpora', 'uner-english-ewt', 'en_ewt-ud-dev.iob2');
  const train = limitSentences(readNerFile(unerTrain), 3000);
  const dev = limitSentences(readNerFile(unerDev), 800);
  const model = trainNerModel(train, { iterations: 4, seed: 5 });
  assert.deepEqual(model.types, ['PER', 'ORG', 'LOC']);
  const f1 = evaluateNer(model, dev).f1;
  const baseline = memorisationF1(train, dev);
  assert.ok(f1 > baseline + 0.1, `F1 ${f1} vs memorisation ${baseline}`);
});

test('the byte lexicon maps keys to bytes, reads 0 for absent or cleared keys, and survives encoding', () => {
  const lexicon = new ByteLexicon();
  const keys = Array.from({ length: 3000 }, (_value, i) => hashString(`word-${i}`));
  keys.forEach((key, i) => lexicon.set(key, 1 + (i % 255)));
  keys.slice(0, 100).forEach((key) => lexicon.set(key, 7));
  keys.slice(100, 200).forEach((key) => lexicon.set(key, 0));
  const expected = (i: number): number => (i < 100 ? 7 : i < 200 ? 0 : 1 + (i % 255));
  const decoded = ByteLexicon.decode(lexicon.encode());
  keys.forEach((key, i) => {
    assert.equal(lexicon.get(key), expected(i));
    assert.equal(decoded.get(key), expected(i));
  });
  assert.equal(decoded.get(hashString('never-set')), 0);
  assert.equal(lexicon.encode().length, 5 * 2900, 'cleared keys are not written');
});

test('a model tags a document the same whatever it tagged before (its word cache keeps no document state)', () => {
  const first = [
    'The Port Authority said Ana Ruiz would inspect the docks in Valparaiso .'.split(' '),
    'Ruiz told reporters the Authority had hired extra staff .'.split(' '),
  ];
  const second = [
    'Ruiz Shipping , a firm based in Lima , won the contract .'.split(' '),
    'Officials in Valparaiso welcomed the decision by Ruiz Shipping .'.split(' '),
  ];
  const warm = loadNerModel();
  warm.recogniseDocument(first);
  const afterOther = warm.recogniseDocument(second);
  const fresh = loadNerModel().recogniseDocument(second);
  assert.deepEqual(afterOther, fresh);
  assert.deepEqual(warm.recogniseDocument(second), fresh, 'tagging again gives the same result');
});

test('a sentence typed in lower case is given its words\' usual capitals before tagging', () => {
  assert.equal(isLowerCaseSentence('we stayed two nights in lisbon .'.split(' ')), true);
  assert.equal(isLowerCaseSentence('We stayed in Lisbon .'.split(' ')), false);
  assert.equal(isLowerCaseSentence('été à québec'.split(' ')), true);
  assert.equal(isLowerCaseSentence('été à Québec'.split(' ')), false);
  assert.equal(isLowerCaseSentence(['ok', '!']), false, 'one word is not enough to call a sentence lower case');
  const casing = new ByteLexicon();
  casing.set(hashString('lisbon'), casingClass(0, 40, 0));
  casing.set(hashString('nato'), casingClass(1, 2, 30));
  casing.set(hashString('nights'), casingClass(50, 1, 0));
  assert.deepEqual(trueCased('we spent nights in lisbon with nato staff'.split(' '), casing), 'we spent nights in Lisbon with NATO staff'.split(' '));
  const written = 'We spent nights in lisbon'.split(' ');
  assert.equal(trueCased(written, casing), written, 'a sentence with capitals is left as written');

  // The shipped web model finds names in lower-case sentences that it misses without truecasing.
  const model = loadNerModel(WEB_NER_MODEL);
  const found = [
    ...entities(model, 'my cousin works for microsoft in seattle and loves it .'),
    ...entities(model, 'we took the train from paris to berlin and then flew to warsaw .'),
    ...entities(model, 'i think obama and clinton will both speak in ohio .'),
  ];
  for (const expected of ['microsoft/ORG', 'seattle/LOC', 'warsaw/LOC', 'obama/PER', 'clinton/PER']) {
    assert.ok(found.includes(expected), `${expected} missing from ${found.join(', ')}`);
  }
});

test('a name tagged once in a document is tagged where it recurs untagged, with its most frequent type', () => {
  const sentences = [
    'Staff at Blue Harbor Bakery were friendly .',
    'I asked Blue Harbor Bakery about the cake and the bakery said Dana could help .',
    'Blue Harbor Bakery is near the station .',
    'Dana from Blue Harbor Bakery called me .',
    'blue harbor bakery again ?',
  ].map((sentence) => sentence.split(' '));
  const tagged = (tags: string): NerResult => {
    const list = tags.split(' ');
    return { tags: list, confidences: list.map((tag) => (tag === 'O' ? 0.9 : 0.7)) };
  };
  const results = [
    tagged('O O B-ORG I-ORG I-ORG O O O'),
    tagged('O O O O O O O O O O O O B-PER O O O'),
    tagged('B-LOC I-LOC I-LOC O O O O O'),
    tagged('O O B-ORG I-ORG I-ORG O O O'),
    tagged('O O O O O'),
  ];
  tagRepeatedNames(sentences, results);
  assert.deepEqual(results[1].tags, 'O O B-ORG I-ORG I-ORG O O O O O O O B-PER O O O'.split(' '));
  assert.deepEqual(results[1].confidences.slice(2, 5), [0.7, 0.7, 0.7]);
  assert.deepEqual(results[2].tags, 'B-LOC I-LOC I-LOC O O O O O'.split(' '), 'a mention tagged otherwise keeps its tags');
  assert.deepEqual(results[3].tags, 'B-PER O B-ORG I-ORG I-ORG O O O'.split(' '), 'a name tagged later in the document reaches back');
  assert.deepEqual(results[4].tags, 'O O O O O'.split(' '), 'lower-case words are not a capitalised name');
});

test('a first mention is tagged again in the light of the whole document', () => {
  // Alone, each opening sentence leaves the bare name ambiguous; the later mentions settle it.
  const documents: [string[], string][] = [
    [['A statement from Castellan came late .', 'Castellan Bank said it would raise capital .', 'Castellan Bank has 40 branches .'], 'ORG'],
    [['Fenwick spoke to reporters on Tuesday .', 'Mayor Anna Fenwick said the budget was fair .', 'Anna Fenwick was elected in 2019 .'], 'PER'],
    [['Orlen said on Monday it would close two plants .', 'Orlen Corp , based in Bremen , makes pumps .', 'Shares of Orlen Corp fell 4 percent .'], 'ORG'],
  ];
  for (const model of [loadNerModel(), loadNerModel(WEB_NER_MODEL)]) {
    for (const [text, type] of documents) {
      const sentences = text.map((sentence) => sentence.split(' '));
      const name = sentences[0].find((word) => sentences[1].includes(word) && /^[A-Z]/.test(word)) ?? '';
      const position = sentences[0].indexOf(name);
      const [first] = model.recogniseDocument(sentences);
      assert.equal(first.tags[position], 'B-' + type, `${name} in "${text[0]}": ${first.tags.join(' ')}`);
    }
  }
});

test('a name never begins or ends with a dash, hyphen or comma; brackets inside a name stay', () => {
  const tags = ['O', 'B-ORG', 'I-ORG', 'O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'I-LOC', 'I-LOC'];
  const words = ['the', 'Hamas', '-', 'led', ',', 'Ana', 'Inter', '(', 'Milan', ')'];
  trimPunctuationEdges(words, tags);
  assert.deepEqual(tags, ['O', 'B-ORG', 'O', 'O', 'O', 'B-PER', 'B-LOC', 'I-LOC', 'I-LOC', 'I-LOC']);
  const dashOnly = ['B-MISC'];
  trimPunctuationEdges(['—'], dashOnly);
  assert.deepEqual(dashOnly, ['B-MISC'], 'a name of punctuation alone is left to the model');
});
