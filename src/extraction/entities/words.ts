/**
 * Closed word lists the entity stage relies on: pronouns with their number and gender, words that
 * head an office title, determiners and function words that never start a name, locative
 * prepositions that turn a capital into a place, and name endings that reveal an entity's type.
 * These are small closed classes of English, so a hand-written table is clearer than a model.
 */

export type PronounNumber = 'singular' | 'plural';
export type PronounGender = 'male' | 'female' | 'neuter' | 'any';

export interface PronounInfo {
  number: PronounNumber;
  gender: PronounGender;
  /** True for object forms (him, them, it …) that cannot refer to the subject of their own clause. */
  object: boolean;
}

export const PRONOUNS: ReadonlyMap<string, PronounInfo> = new Map([
  ['he', { number: 'singular', gender: 'male', object: false }],
  ['him', { number: 'singular', gender: 'male', object: true }],
  ['his', { number: 'singular', gender: 'male', object: false }],
  ['she', { number: 'singular', gender: 'female', object: false }],
  ['her', { number: 'singular', gender: 'female', object: false }],
  ['it', { number: 'singular', gender: 'neuter', object: false }],
  ['its', { number: 'singular', gender: 'neuter', object: false }],
  ['they', { number: 'plural', gender: 'any', object: false }],
  ['their', { number: 'plural', gender: 'any', object: false }],
  ['them', { number: 'plural', gender: 'any', object: true }],
]);

/** Last words of an office title ("Prime Minister", "special envoy", "Bureau chief"). */
export const TITLE_HEADS: ReadonlySet<string> = new Set([
  'president', 'minister', 'premier', 'chancellor', 'secretary', 'envoy', 'ambassador', 'spokesman',
  'spokeswoman', 'spokesperson', 'chief', 'editor', 'editor-in-chief', 'director', 'chairman',
  'chairwoman', 'chair', 'head', 'leader', 'governor', 'mayor', 'senator', 'king', 'queen', 'prince',
  'emir', 'sheikh', 'general', 'commander', 'admiral', 'adviser', 'advisor', 'aide', 'representative',
  'speaker', 'lawmaker', 'mp', 'deputy', 'counterpart', 'ceo', 'founder', 'official', 'diplomat', 'judge',
  'prosecutor', 'correspondent', 'coordinator', 'commissioner', 'sultan', 'pope', 'patriarch', 'rapporteur',
  'dictator', 'monarch', 'archbishop', 'bishop', 'ayatollah', 'cardinal', 'rabbi', 'imam', 'mullah',
  'cleric', 'marshal', 'colonel', 'captain', 'brigadier', 'negotiator', 'mediator', 'secretary-general',
  'gen.', 'lt.', 'col.', 'maj.', 'capt.', 'sgt.', 'adm.', 'brig.', 'cmdr.', 'gov.', 'sen.', 'rep.', 'rev.',
  'pres.', 'amb.', 'prof.',
]);

/** Words that may come before a title head inside the title ("Deputy Prime Minister", "special envoy"). */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set([
  'prime', 'foreign', 'defence', 'defense', 'interior', 'finance', 'economy', 'deputy', 'vice', 'special',
  'senior', 'chief', 'first', 'acting', 'former', 'state', 'general', 'bureau', 'presidential',
  'executive', 'supreme', 'high', 'top', 'national', 'security', 'energy', 'trade', 'justice',
  'health', 'education', 'culture', 'press', 'lieutenant', 'major', 'attorney', 'secretary',
  // ministerial portfolios ("Serbian Labour Minister", "Minister for Interior")
  'labour', 'labor', 'agriculture', 'transport', 'industry', 'information', 'communications', 'tourism',
  'environment', 'housing', 'social', 'affairs', 'internal', 'home', 'emergency', 'emergencies', 'sports',
  'youth', 'planning', 'development', 'commerce', 'economic', 'infrastructure', 'religious', 'oil',
  'petroleum', 'mines', 'water', 'fisheries', 'science', 'technology', 'federal', 'regional', 'opposition',
  'parliamentary', 'intelligence',
]);

/** Honorifics that mark gender before a name. */
export const HONORIFIC_GENDER: ReadonlyMap<string, PronounGender> = new Map([
  ['mr', 'male'], ['mr.', 'male'], ['mrs', 'female'], ['mrs.', 'female'], ['ms', 'female'], ['ms.', 'female'],
  ['sir', 'male'], ['madam', 'female'], ['king', 'male'], ['queen', 'female'], ['prince', 'male'], ['princess', 'female'],
]);

/**
 * Common female first names in international news, so that "she" finds them before any pronoun
 * has (a name list is the only cue English text gives; male is not assumed for the rest).
 */
export const FEMALE_FIRST_NAMES: ReadonlySet<string> = new Set([
  'angela', 'annalena', 'ursula', 'kaja', 'theresa', 'liz', 'hillary', 'kamala', 'nancy', 'condoleezza',
  'madeleine', 'samantha', 'nikki', 'linda', 'karine', 'kristi', 'tulsi', 'janet', 'gina', 'elizabeth',
  'marine', 'giorgia', 'jacinda', 'sanna', 'nicola', 'christine', 'maia', 'salome', 'zuzana', 'yulia',
  'maria', 'valentina', 'ella', 'natalia', 'olena', 'iryna', 'svetlana', 'tatiana', 'tatyana', 'olga',
  'mette', 'magdalena', 'kersti', 'ingrida', 'evika', 'dalia', 'beata', 'katalin', 'kristalina', 'roberta',
  'mary', 'jennifer', 'susan', 'sarah', 'emily', 'anna', 'anne', 'catherine', 'margaret', 'helen', 'julia',
  'laura', 'sophie', 'claudia', 'michelle', 'melania', 'ivanka', 'benazir', 'indira', 'aung', 'hasina',
  'khaleda', 'golda', 'tzipi', 'ayelet', 'miri', 'sheikha', 'rania', 'ngozi', 'ellen', 'joyce',
  'samia', 'sahle-work', 'xiomara', 'dilma', 'cristina', 'michele', 'dina', 'gabriela', 'leila',
  // The South Caucasus, Turkey, Iran and Russia.
  'nune', 'anahit', 'lilit', 'zaruhi', 'ani', 'mariam', 'gayane', 'tatevik', 'lusine', 'arpine', 'narine',
  'astghik', 'hasmik', 'leyla', 'aynur', 'sevinj', 'mehriban', 'gunay', 'nargiz', 'aytan', 'elmira',
  'sabina', 'tamar', 'nino', 'eka', 'khatia', 'tea', 'ayse', 'fatma', 'zeynep', 'emine', 'meral', 'tansu',
  'masoumeh', 'fatemeh', 'zahra', 'ekaterina', 'yekaterina', 'elena', 'irina', 'lyudmila', 'marina',
  'nadezhda', 'galina', 'oksana', 'veronika', 'kristina', 'alla',
]);

/**
 * Common male first names in international news, so that a man named before is no candidate for
 * "she" (a quote's "she said" must not fall to the last man who spoke).
 */
export const MALE_FIRST_NAMES: ReadonlySet<string> = new Set([
  'donald', 'joe', 'barack', 'george', 'bill', 'marco', 'jd', 'james', 'john', 'michael', 'robert',
  'richard', 'david', 'william', 'thomas', 'charles', 'mark', 'paul', 'peter', 'steve', 'steven',
  'mike', 'antony', 'anthony', 'emmanuel', 'olaf', 'friedrich', 'keir', 'rishi', 'boris', 'viktor',
  'recep', 'hakan', 'mevlut', 'ibrahim', 'kemal', 'ahmet', 'mehmet', 'mustafa', 'vladimir', 'sergei',
  'sergey', 'dmitry', 'dmitri', 'alexei', 'alexey', 'alexander', 'aleksandr', 'andrei', 'andrey',
  'yuri', 'mikhail', 'nikolai', 'nikolay', 'igor', 'yevgeny', 'evgeny', 'maxim', 'pavel', 'ivan',
  'oleg', 'mikheil', 'irakli', 'bidzina', 'giorgi', 'levan', 'zurab', 'nikol', 'ararat', 'alen',
  'armen', 'serzh', 'levon', 'mher', 'ruben', 'samvel', 'gevorg', 'tigran', 'vahagn', 'suren',
  'davit', 'arayik', 'ilham', 'jeyhun', 'hikmet', 'elchin', 'shahin', 'zakir', 'fuad', 'ramiz',
  'elnur', 'heydar', 'kamran', 'farid', 'rashad', 'masoud', 'abbas', 'hassan', 'ebrahim', 'hossein',
  'mohammad', 'mohammed', 'ali', 'ismail', 'esmaeil', 'volodymyr', 'andriy', 'petro', 'xi',
  'narendra', 'shehbaz', 'benjamin', 'kassym-jomart', 'shavkat', 'emomali', 'sadyr', 'aleksandar',
]);

/** Prepositions after which a city or capital is a place, not a government ("from" is left out: "criticism from Moscow" is an actor). */
export const LOCATIVE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'at', 'near', 'to', 'into', 'outside', 'inside', 'across', 'around', 'throughout', 'via',
  'toward', 'towards', 'within', 'over', 'visit', 'visited', 'visiting', 'through', 'along', 'beyond',
]);

/** Nouns for parts of a town: a city "of" them is a place ("the streets of Yerevan", "the outskirts of Baku"). */
export const TOWN_PART_NOUNS: ReadonlySet<string> = new Set([
  'streets', 'street', 'centre', 'center', 'heart', 'outskirts', 'suburbs', 'suburb', 'districts', 'district', 'squares', 'square', 'residents', 'people', 'citizens', 'mayor', 'city', 'town', 'port',
]);

/** Nouns after a city name that make the city a location ("the Baku office", "Abu Dhabi talks"). */
export const PLACE_MODIFIED_NOUNS: ReadonlySet<string> = new Set([
  'office', 'offices', 'bureau', 'embassy', 'airport', 'residents', 'streets', 'street', 'city', 'mayor',
  'talks', 'summit', 'meeting', 'court', 'based', 'region', 'suburb', 'district', 'hotel', 'station',
]);

/** Capitalised words that never start a name on their own: function words, months and weekdays. */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'in', 'on', 'at', 'of', 'for', 'to', 'by', 'with', 'from', 'as',
  'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her',
  'their', 'our', 'my', 'your', 'there', 'here', 'when', 'while', 'after', 'before', 'since', 'despite',
  'although', 'though', 'if', 'however', 'meanwhile', 'also', 'yet', 'so', 'then', 'both', 'all', 'some',
  'many', 'most', 'several', 'no', 'not', 'one', 'two', 'three', 'during', 'amid', 'earlier', 'later',
  'today', 'yesterday', 'tomorrow', 'what', 'who', 'which', 'where', 'why', 'how', 'such', 'each',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'mr', 'mrs', 'ms', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.', 'read', 'see', 'further', 'days', 'weeks', 'months',
  'years', 'can', 'will', 'would', 'should', 'could', 'does', 'did', 'is', 'are', 'was', 'were', 'has', 'have',
  'why', 'now', 'just', 'only', 'even', 'still', 'not', 'yes', 'team', 'good', 'hello', 'welcome',
  // Month and weekday abbreviations of datelines ("Oct 28"); not "Jan" or "Mar", which are also names.
  'jan.', 'feb', 'feb.', 'apr', 'apr.', 'aug', 'aug.', 'sep', 'sep.', 'sept', 'sept.', 'oct', 'oct.', 'nov', 'nov.', 'dec.',
  'mon.', 'tue.', 'tues.', 'wed.', 'thu.', 'thur.', 'thurs.', 'fri.', 'sat.', 'sun.',
]);

/** Words that join parts of one name ("Council of Europe", "Bosnia and Herzegovina" stays a KB match). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'de', 'del', 'da', 'von', 'van', 'bin', 'al', 'la', 'le']);

/** Last words that reveal the type of an unknown name. */
export const TYPE_BY_LAST_WORD: ReadonlyMap<string, 'ORG' | 'LOC' | 'FAC' | 'EVENT' | 'GPE'> = new Map([
  ...['ministry', 'council', 'commission', 'agency', 'airlines', 'airways', 'company', 'corporation', 'corp',
    'inc', 'ltd', 'bank', 'party', 'university', 'union', 'organisation', 'organization', 'army', 'forces',
    'committee', 'court', 'parliament', 'assembly', 'institute', 'foundation', 'group', 'tv', 'news',
    'times', 'post', 'press', 'service', 'office', 'department', 'board', 'federation', 'league', 'alliance',
    'association', 'fund', 'network', 'broadcaster', 'guard', 'police', 'front', 'movement', 'community',
    'church', 'patriarchate', 'railways', 'railway', 'authority']
    .map((w) => [w, 'ORG'] as const),
  ...['region', 'river', 'sea', 'mountains', 'mountain', 'valley', 'island', 'islands', 'lake', 'gulf', 'ocean',
    'peninsula', 'desert', 'corridor', 'basin', 'strait', 'coast'].map((w) => [w, 'LOC'] as const),
  ...['house', 'airport', 'palace', 'square', 'bridge', 'tower', 'stadium', 'hospital', 'street', 'embassy',
    'building', 'port', 'pipeline', 'plant', 'base', 'prison', 'hall', 'avenue', 'boulevard', 'road', 'highway',
    'room', 'wing', 'hotel', 'cathedral', 'museum', 'station', 'checkpoint', 'terminal', 'arena', 'monument', 'memorial'].map((w) => [w, 'FAC'] as const),
  ...['summit', 'prize', 'ceremony', 'war', 'olympics', 'games', 'conference', 'festival', 'cup', 'election',
    'elections', 'forum', 'crisis', 'revolution', 'offensive', 'agreement', 'accord', 'accords', 'treaty',
    'talks', 'day', 'championship', 'congress', 'declaration', 'charter', 'memorandum', 'protocol', 'communique', 'convention', 'act'].map((w) => [w, 'EVENT'] as const),
  ...['city', 'province', 'state', 'county', 'oblast', 'republic', 'kingdom'].map((w) => [w, 'GPE'] as const),
]);

/** Nouns that refer back to a pair or set of actors ("the two countries", "both sides"). */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  'countries', 'sides', 'nations', 'states', 'foes', 'rivals', 'neighbours', 'neighbors', 'republics',
  'leaders', 'governments', 'parties', 'enemies', 'adversaries', 'capitals', 'allies', 'men', 'delegations',
  'presidents', 'premiers', 'ministers', 'counterparts',
]);

/** Words that open a reference to a pair ("the two …", "both …"). */
export const GROUP_OPENERS: ReadonlySet<string> = new Set(['two', 'both', 'three', 'all']);

/** Verbs of saying that make a preceding name a speaker (used when there is no parse). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'told', 'added', 'wrote', 'announced', 'stated', 'noted', 'claimed', 'declared',
  'insisted', 'argued', 'warned', 'stressed', 'explained', 'asked', 'replied', 'tweeted', 'posted',
  'continued', 'concluded', 'recalled', 'admitted', 'acknowledged', 'observed', 'remarked', 'joked',
  'quipped', 'urged', 'says', 'adds', 'writes', 'wrote', 'tells', 'noted', 'suggested', 'complained',
]);

/**
 * Names the knowledge base files under a successor or a fuller name: older names of organisations
 * ("European Community" → the European Union) and a UN organ named without "UN". Keys are lower
 * case; values are KB names. Read only where a capitalised name opens (never per token of text).
 */
export const FORMER_NAMES: ReadonlyMap<string, string> = new Map([
  ['european community', 'European Union'],
  ['european communities', 'European Union'],
  ['european economic community', 'European Union'],
  ['eec', 'European Union'],
  ['common market', 'European Union'],
  ['european common market', 'European Union'],
  ['organization of african unity', 'African Union'],
  ['organisation of african unity', 'African Union'],
  ['oau', 'African Union'],
  ['security council', 'United Nations Security Council'],
  ['soviet union', 'USSR'],
]);

/** Arabic articles written in lower case at the start of a name ("al-Qaeda", "el-Sisi"). */
export const NAME_ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ad', 'ash', 'as', 'an', 'ar', 'at', 'az']);

const HEAD_TITLE = /\b(president|prime minister|premier|chancellor|king|queen|emir|sultan|supreme leader|head of state|head of government)\b/i;

/** Is the title a head of state's or government's (not a vice or deputy one)? */
export function isHeadOfStateTitle(title: string): boolean {
  return HEAD_TITLE.test(title) && !/\b(vice|deputy)\b/i.test(title);
}
