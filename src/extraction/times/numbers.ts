/**
 * Numbers written in digits or English words ("12", "1,500", "2.5", "twenty-one",
 * "three hundred", "a dozen", "one and a half"), shared by the time and quantity extractors.
 * `NUMBER_WORDS_PATTERN` is regex source (no capture groups) for a spelled-out number, so both
 * extractors can compose it into their precompiled patterns.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, trillion: 1_000_000_000_000,
};
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  'twenty-first': 21, thirtieth: 30, 'thirty-first': 31,
};

const unitWords = Object.keys(UNITS).sort((a, b) => b.length - a.length).join('|');
const tensWords = Object.keys(TENS).join('|');
const simpleWord = `(?:(?:${tensWords})(?:[- ](?:${unitWords.replace('zero|', '')}))?|${unitWords}|a dozen|dozen)`;

/** Regex source for a spelled-out cardinal: "twenty-one", "three hundred", "one and a half". */
export const NUMBER_WORDS_PATTERN =
  `(?:${simpleWord}(?:[ -](?:hundred|thousand|million|billion)(?:(?: and)? ${simpleWord})?)*(?: and a half)?)`;

/** Regex source for a number in digits: "12", "1,500", "2.5". */
export const NUMBER_DIGITS_PATTERN = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)`;

/** Parses a number in digits ("1,500.5") or words ("twenty-one", "two million"); null if not a number. */
export function parseNumber(raw: string): number | null {
  const text = raw.trim().toLowerCase();
  if (text === '') return null;
  if (/^[\d,]*\.?\d+$/.test(text)) {
    const value = Number(text.replace(/,/g, ''));
    return Number.isFinite(value) ? value : null;
  }
  return parseNumberWords(text);
}

function parseNumberWords(text: string): number | null {
  let words = text.replace(/-/g, ' ').split(/\s+/).filter((w) => w !== 'and');
  let half = 0;
  if (words.length >= 2 && words[words.length - 1] === 'half' && words[words.length - 2] === 'a') {
    half = 0.5;
    words = words.slice(0, -2);
  }
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === 'a' && (words[i + 1] === 'dozen' || words[i + 1] in SCALES)) {
      current += 1;
      seen = true;
    } else if (word === 'dozen') {
      current = (current || 1) * 12;
      seen = true;
    } else if (word in UNITS) {
      current += UNITS[word];
      seen = true;
    } else if (word in TENS) {
      current += TENS[word];
      seen = true;
    } else if (word in SCALES) {
      const scale = SCALES[word];
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      seen = true;
    } else {
      return null;
    }
  }
  return seen ? total + current + half : null;
}

/** Parses an ordinal word or numeral ("third", "3rd", "21st"); null otherwise. */
export function parseOrdinal(raw: string): number | null {
  const text = raw.trim().toLowerCase();
  const numeric = /^(\d+)(?:st|nd|rd|th)$/.exec(text);
  if (numeric) return Number(numeric[1]);
  return ORDINALS[text] ?? null;
}

/** Regex source for ordinals up to the 31st, in words or digits. */
export const ORDINAL_PATTERN = `(?:\\d{1,2}(?:st|nd|rd|th)|${Object.keys(ORDINALS).sort((a, b) => b.length - a.length).join('|')})`;
