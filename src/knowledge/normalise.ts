/**
 * Name normalisation for the knowledge base: the key under which a surface string is indexed and
 * looked up. Case- and diacritics-insensitive, with quotes, dashes, dots and spacing unified so that
 * "Élysée", "elysee", "U.S." and "US" meet. Hand-written because it is a few lines of Unicode folding.
 */

/** Letters that Unicode decomposition does not split into base + mark. */
const FOLDED_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', œ: 'oe', ħ: 'h',
};

const NON_ASCII = /[^\x00-\x7f]/;

/** The lookup key of a name: lower case, no diacritics, no dots, one space between words. */
export function normaliseName(name: string): string {
  let text = name;
  if (NON_ASCII.test(text)) {
    text = text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[ßæøđðþłıœħÆØĐÐÞŁŒĦ]/g, (letter) => FOLDED_LETTERS[letter.toLowerCase()] ?? letter)
      .replace(/[\u2018\u2019\u02bc´]/g, "'")
      .replace(/[\u2010-\u2015\u2212]/g, '-');
  }
  return text
    .toLowerCase()
    .replace(/`/g, "'")
    .replace(/\./g, '')
    .replace(/[\s_]+/g, ' ')
    .replace(/ ([,;:!?])/g, '$1')
    .trim();
}

/** The same key without a leading English article ("the Kremlin" → "kremlin"). */
export function withoutArticle(key: string): string {
  return key.replace(/^(the|a|an) /, '');
}

/** True for a short all-capital acronym ("US", "UN", "AP") that must only match in capitals. */
export function isCapitalAcronym(surface: string): boolean {
  const letters = surface.replace(/[.\s]/g, '');
  return letters.length <= 3 && /^[A-Z]+$/.test(letters);
}

/** Date bounds as comparable YYYY-MM-DD strings: a start pads to the earliest day, an end to the latest. */
export function startBound(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

export function endBound(date: string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

/** Damerau-Levenshtein distance ≤ 1 (one insertion, deletion, substitution or swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Words of a name in capitals and lower case: "GAZA CITY", "gaza city" → "Gaza City" (also after "-", "'" and "("). */
export function capitaliseWords(text: string): string {
  return text.toLowerCase().replace(/(^|[\s\-'(])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
}
