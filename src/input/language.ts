/**
 * Language identification for the pipeline's "is this English?" decision. First the writing
 * system (Han, Kana, Hangul, Cyrillic, Arabic, Greek, Hebrew, Devanagari …, with letters that set
 * Ukrainian apart from Russian or Persian from Arabic); for Latin script, the share of words that
 * are each language's commonest function words. Written here rather than taken from a library
 * because the decision needs a few hundred words of data, not a trigram model, and it stays exact
 * on short news text where English proper nouns and loanwords abound.
 */

export interface DetectedLanguage {
  /** ISO 639-1 code, or 'und' when the text gives too little to decide. */
  code: string;
  /** 0–1. */
  confidence: number;
}

const FUNCTION_WORDS: Record<string, string> = {
  en: "the of and to in a i is that for on it with as was he be by at are said from his have has this not but an they which were will their who had been its after would she we there or you my me your our us them him her what when can could should just about all if so no do does did don't i'm it's he's she's that's won't can't isn't didn't doesn't we're they're i've you're there's than then also very more",
  fr: 'le la les de des du et est un une que qui dans pour pas sur au aux par avec il elle ont été ce cette sont mais ne se son sa ses leur plus nous vous a était',
  de: 'der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als wurde werden bei nach aus hat sind sie er wir ich noch wie',
  es: 'el la los las de del y a que en un una es por con para no se su al lo como más pero sus ha fue este esta entre sobre también ya o muy',
  it: 'il la le di che e è a un una per non del della dei con sono nel alla gli si da ha anche come più questo ma delle degli stato essere',
  pt: 'o a os as de do da dos das e que em um uma para com não por no na se é mais ao pelo pela foi são também já ou muito seu sua',
  nl: 'de het een en van is dat op te in niet met voor zijn er aan ook als door maar bij werd wordt naar om heeft hij zij ze',
  sv: 'och att det som en är på av för med till den inte har om ett var jag men de sig från vi kan efter också',
  da: 'og at det som en er på af for med til den ikke har om et var jeg men de sig fra vi kan efter også',
  pl: 'i w na się z do że nie jest o jak po ale dla przez od są był została był jego oraz który także',
  tr: 've bir bu da de için ile olarak çok daha gibi ne ama en olan olduğu sonra kadar ise değil her',
  id: 'yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena adalah oleh telah mereka',
  ro: 'și în de la cu a pe o nu un care din este pentru mai sau fost să au una acest lui',
  cs: 'a v se na je že to s z do o ve jako ale by pro jsou bylo také jeho který která',
  sk: 'a v na sa je že to s z do o ako ale by pre sú bolo aj sme som už ktorý ktorá',
  hr: 'i u je da se na za su od ne s sa kao što ali ili bi će koji koja ako samo još',
  ca: 'el la els les de del i que en un una és per amb no es va al com més però seu seva als ha aquest aquesta també',
  no: 'og i det som en er på av for med til den ikke har om et var jeg men de seg fra vi kan etter også hun ble',
  af: 'die en van is in nie het wat te op vir met dat sy was hy ek ons word',
  hu: 'a az és hogy nem egy is meg van volt csak már mint még ki azt ezt ez pedig amely kell szerint',
  fi: 'ja on ei se että hän oli ovat mutta tai kun myös sen niin kuin jo joka ole mitä tämä olla hänen siitä',
  vi: 'và của là có không được cho với các những một trong người đã này để khi từ về cũng như đến theo sẽ rằng vào thì mà nhưng bị ra',
  sw: 'na ya wa kwa ni za la katika kuwa hiyo hii pia lakini au kama cha vya baada',
  tl: 'ang ng sa mga na at ay si ni para hindi ito kay may siya nila niya',
};

const WORD_SETS: ReadonlyArray<[string, Set<string>]> = Object.entries(FUNCTION_WORDS).map(([code, words]) => [code, new Set(words.split(' '))]);

/** Scripts recognised by Unicode property, with the language they imply unless refined below. */
const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Han', /\p{Script=Han}/u],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Tamil', /\p{Script=Tamil}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Armenian', /\p{Script=Armenian}/u],
];

const SCRIPT_LANGUAGE: Record<string, string> = {
  Hangul: 'ko', Greek: 'el', Hebrew: 'he', Devanagari: 'hi', Bengali: 'bn', Tamil: 'ta', Thai: 'th', Georgian: 'ka', Armenian: 'hy',
};

/** Every code `detectLanguage` can return besides 'und'. */
export const DETECTABLE_LANGUAGES: ReadonlySet<string> = new Set([
  ...Object.keys(FUNCTION_WORDS),
  ...Object.values(SCRIPT_LANGUAGE),
  'zh', 'ja', 'ru', 'uk', 'sr', 'bg', 'ar', 'fa', 'ur',
]);

const UNDETERMINED: DetectedLanguage = { code: 'und', confidence: 0 };

function countScripts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    const script = SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return counts;
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Languages written in Cyrillic or Arabic script, told apart by their own letters. */
function refineScript(script: string, text: string, kanaShare: number): string | null {
  switch (script) {
    case 'Han':
      return kanaShare > 0.05 ? 'ja' : 'zh';
    case 'Kana':
      return 'ja';
    case 'Cyrillic':
      if (countMatches(text, /[іїєґІЇЄҐ]/g) > 0) return 'uk';
      if (countMatches(text, /[ђјљњћџЂЈЉЊЋЏ]/g) > 0) return 'sr';
      if (countMatches(text, /[ыэЫЭ]/g) === 0 && countMatches(text, /[ъЪ]/g) > 0) return 'bg';
      return 'ru';
    case 'Arabic':
      if (countMatches(text, /[ٹڈڑںے]/g) > 0) return 'ur';
      if (countMatches(text, /[پچژگکی]/g) > 0) return 'fa';
      return 'ar';
    default:
      return SCRIPT_LANGUAGE[script] ?? null;
  }
}

/**
 * Lower-cased words, apostrophes unified. A single letter followed by a full stop is an initial or
 * part of an abbreviation ("U.S.", "J. Smith"), not a word such as "a" or "y", and is skipped.
 */
function wordsOf(text: string): string[] {
  const normalised = text.toLowerCase().replace(/’/g, "'");
  return Array.from(normalised.matchAll(/\p{L}+(?:'\p{L}+)?/gu))
    .filter((match) => match[0].length > 1 || normalised[match.index + 1] !== '.')
    .map((match) => match[0]);
}

function detectLatin(text: string): DetectedLanguage {
  const words = wordsOf(text);
  if (words.length < 3) return UNDETERMINED;
  const scores = WORD_SETS.map(([code, set]) => ({ code, hits: words.filter((word) => set.has(word)).length }))
    .sort((a, b) => b.hits - a.hits);
  const [best, second] = scores;
  if (best.hits < 2) return UNDETERMINED;
  // Saying "not English" costs the whole analysis, so it takes three common words of that language:
  // "… met protesters in La Paz" holds only two Dutch ones ("met", "in").
  if (best.code !== 'en' && best.hits < 3) return UNDETERMINED;
  // Coverage (the share of function words) says the text is running prose in this language family;
  // the lead over the runner-up separates close relatives (es/ca, cs/sk, da/no) and matters less.
  const lead = (best.hits - second.hits) / best.hits;
  const coverage = Math.min(1, best.hits / words.length / 0.2);
  const confidence = Number(((0.6 + 0.4 * lead) * coverage).toFixed(2));
  return confidence < 0.25 ? { code: 'und', confidence } : { code: best.code, confidence };
}

/** The language of `text` as an ISO 639-1 code with a confidence; 'und' when unsure. */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const counts = countScripts(sample);
  const letters = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (letters < 10) return UNDETERMINED;
  const [script, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  // Kana-heavy Japanese still has many Han characters: let either count as Japanese.
  const kanaShare = (counts.get('Kana') ?? 0) / letters;
  if (script !== 'Latin') {
    const code = refineScript(script, sample, kanaShare);
    if (code) return { code, confidence: Number((count / letters).toFixed(2)) };
    return UNDETERMINED;
  }
  return detectLatin(sample);
}
