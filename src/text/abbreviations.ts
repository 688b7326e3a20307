/**
 * Word lists the tokenizer and the sentence splitter share: abbreviations that keep their full stop,
 * hyphen prefixes that English EWT keeps inside one token, and the words that usually open a new
 * sentence (used to decide whether an abbreviation such as "U.S." or "Inc." also ends one).
 * Hand-written because the lists are small, English-specific and tuned to the EWT conventions.
 */

/** Abbreviations that precede what they qualify ("Gen. Smith", "St. Louis", "Jan. 5"): never sentence-final. */
const LEADING_ABBREVIATIONS = [
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Dr', 'Prof', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cmdr', 'Adm', 'Sgt',
  'Cpl', 'Pvt', 'Sen', 'Rep', 'Gov', 'Pres', 'Rev', 'Hon', 'Fr', 'Supt', 'Insp', 'Det',
  'St', 'Mt', 'Ft', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov',
  'Dec', 'No', 'Nos', 'Art', 'Sec', 'Vol', 'Fig', 'vs', 'v', 'cf', 'ca', 'approx', 'Ph',
];

/** Abbreviations that may also close a sentence ("… of Acme Inc. The company …"). */
const TRAILING_ABBREVIATIONS = [
  'Inc', 'Co', 'Corp', 'Ltd', 'Bros', 'Dept', 'Univ', 'Assn', 'Jr', 'Sr', 'Ave', 'Blvd', 'Rd',
  'etc', 'al', 'est', 'pp', 'Esq', 'Mass', 'Calif', 'Fla', 'Ariz', 'Colo', 'Conn', 'Ill', 'Wash',
  'Tex', 'Penn', 'Mich', 'Minn', 'Wis', 'Tenn', 'Okla', 'Ore', 'Nev',
];

const leadingSet = new Set(LEADING_ABBREVIATIONS);
const trailingSet = new Set(TRAILING_ABBREVIATIONS);

/** Abbreviations that are also words, taken as abbreviations only before a number ("No. 10", "Art. 5"). */
const BEFORE_NUMBERS = new Set(['No', 'Nos', 'Art', 'Sec', 'Vol', 'Fig']);

/**
 * Is `word` (without its full stop) an abbreviation that keeps the following "."? `nextChar` is the
 * first non-space character after the stop.
 */
export function isKnownAbbreviation(word: string, nextChar: string): boolean {
  if (BEFORE_NUMBERS.has(word)) return nextChar >= '0' && nextChar <= '9';
  return leadingSet.has(word) || trailingSet.has(word);
}

/** Does this abbreviation (with or without its full stop) introduce what follows, so it cannot end a sentence? */
export function isLeadingAbbreviation(tokenText: string): boolean {
  const bare = tokenText.endsWith('.') ? tokenText.slice(0, -1) : tokenText;
  return leadingSet.has(bare) || bare === 'e.g' || bare === 'i.e';
}

/**
 * Prefixes EWT keeps attached across a hyphen ("e-mail", "non-profit", "pre-trial", "ex-Soviet",
 * "mid-July"); every other hyphen is its own token ("long - standing"), as in the treebank.
 */
export const HYPHEN_PREFIXES: ReadonlySet<string> = new Set([
  'e', 'non', 'pre', 'anti', 're', 'mid', 'post', 'co', 'over', 'pro', 'multi', 'ex', 'sub', 'semi',
  'neo', 'cross', 'vice', 'un', 'socio', 'micro', 'intra', 'inter', 'counter', 'arch', 'psycho',
  'bi', 'tri', 'quasi', 'pseudo', 'ultra', 'mega', 'trans', 'x',
]);

/** Lower-cased words that commonly open an English sentence. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'or', 'this', 'that',
  'these', 'those', 'there', 'in', 'on', 'at', 'for', 'as', 'if', 'when', 'while', 'after', 'before',
  'his', 'her', 'their', 'its', 'our', 'my', 'your', 'however', 'meanwhile', 'some', 'many', 'most',
  'no', 'not', 'so', 'then', 'also', 'yet', 'what', 'who', 'why', 'how', 'where', 'since',
  'although', 'though', 'because', 'according', 'officials', 'both', 'all', 'each', 'one', 'more',
  'other', 'such', 'during', 'despite', 'under', 'until', 'last', 'earlier', 'later', 'now',
  'today', 'still', 'instead', 'thus', 'here', 'please', 'thanks', 'thank', 'do', 'is', 'are',
  'was', 'were', 'can', 'will', 'would', 'should', 'could', 'did', 'does', 'has', 'have', 'had',
]);
