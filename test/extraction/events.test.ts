// Event coder on hand-parsed sentences of our own: actors through the parse, codes, modality,
// hedges, attribution, time and place, and the shallow fallback without a parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents } from '../../src/extraction/events.js';
import { codeFacts, conventionalCode } from '../../src/extraction/lexicon/index.js';
import type { EventOut } from '../../src/contract/types.js';
import { fixture } from './events-fixture.js';
import { createStoryline } from '../../src/pipeline.js';
import type { EntitySpec, TimeSpec } from './events-fixture.js';

const pipeline = createStoryline();

const chile: EntitySpec = { id: 'chl', name: 'Chile', code: 'CHL', mentions: ['Chile', 'Chilean'] };
const peru: EntitySpec = { id: 'per', name: 'Peru', code: 'PER', mentions: ['Peru', 'Peruvian'] };
const bolivia: EntitySpec = { id: 'bol', name: 'Bolivia', code: 'BOL', mentions: ['Bolivia'] };

/** The whole pipeline on one text of ours, as the CLI runs it. */
function analyzeText(source: string, text: string, published: string) {
  return pipeline.analyze({ source, text, title: null, outlet: null, author: null, agency: null, url: null, published, published_source: 'given' });
}

/** The event whose trigger is exactly these words. */
function triggered(analysis: { events: EventOut[] }, trigger: string): EventOut {
  const found = analysis.events.find((event) => event.trigger.text === trigger);
  assert.ok(found, `no event "${trigger}" in ${JSON.stringify(analysis.events.map((event) => event.trigger.text))}`);
  return found;
}

function only(events: EventOut[], root: string): EventOut {
  const found = events.filter((event) => event.root === root);
  assert.equal(found.length, 1, `one ${root} event expected, got ${JSON.stringify(events.map((event) => event.cameo))}`);
  return found[0];
}

test('code facts come from the generated tables', () => {
  const consult = codeFacts('043');
  assert.equal(consult.plover, 'CONSULT');
  assert.equal(consult.quad, 1);
  assert.equal(codeFacts('173').plover, 'COERCE');
  assert.ok(codeFacts('190').goldstein <= -9);
  assert.equal(conventionalCode('042', 'planned'), '036');
  assert.equal(conventionalCode('0841', 'negated'), '124');
  assert.equal(conventionalCode('190', 'hypothetical'), '138');
  assert.equal(conventionalCode('0872', 'hypothetical'), '130');
  assert.equal(conventionalCode('173', 'occurred'), '173');
  // Announced or conditional reductions of relations are the matching threats.
  assert.equal(conventionalCode('1662', 'planned'), '136');
  assert.equal(conventionalCode('163', 'hypothetical'), '1312');
  assert.equal(conventionalCode('166', 'occurred'), '166');
});

test('planned host event with a coordinated target, place and time', () => {
  const { ctx, found } = fixture(
    `The DET the 2 det
     president NOUN president 6 nsubj
     of ADP of 4 case
     Chile PROPN Chile 2 nmod
     will AUX will 6 aux
     host VERB host 0 root VB
     the DET the 8 det
     leaders NOUN leader 6 obj
     of ADP of 10 case
     Peru PROPN Peru 8 nmod
     and CCONJ and 12 cc
     Bolivia PROPN Bolivia 10 conj
     in ADP in 14 case
     Geneva PROPN Geneva 6 obl
     on ADP on 16 case
     Tuesday PROPN Tuesday 6 obl
     . PUNCT . 6 punct`,
    [chile, peru, bolivia, { id: 'gva', name: 'Geneva', code: null, mentions: ['Geneva'] }],
    [{ id: 't1', text: 'Tuesday', value: '2025-08-12' }],
  );
  const events = extractEvents(ctx, found);
  const host = only(events, '04');
  assert.equal(host.id, 'v1');
  assert.equal(host.plover, 'CONSULT');
  assert.equal(host.trigger.text, 'host');
  assert.deepEqual(host.source, ['chl']);
  assert.deepEqual(host.target, ['per', 'bol']);
  assert.deepEqual(host.target_actors, ['PER', 'BOL']);
  assert.equal(host.status, 'planned');
  assert.deepEqual(host.when, { time: 't1', value: '2025-08-12' });
  assert.deepEqual(host.where, { entity: 'gva', name: 'Geneva' });
  assert.equal(host.provenance.method, 'rule');
  assert.ok(host.evidence.start <= host.trigger.start && host.evidence.end >= host.trigger.end);
});

test('passive voice: the agent is the source, the subject the target', () => {
  const { ctx, found } = fixture(
    `Two NUM two 3 nummod
     Peruvian ADJ peruvian 3 amod
     reporters NOUN reporter 5 nsubj:pass
     were AUX be 5 aux:pass
     detained VERB detain 0 root VBN
     by ADP by 8 case
     Bolivian ADJ bolivian 8 amod
     police NOUN police 5 obl:agent
     . PUNCT . 5 punct`,
    [peru, { id: 'bolcop', name: 'Bolivian police', type: 'ORG', code: 'BOLCOP', mentions: ['Bolivian police'] }],
  );
  const detention = only(extractEvents(ctx, found), '17');
  assert.equal(detention.plover, 'COERCE');
  assert.deepEqual(detention.source_actors, ['BOLCOP']);
  assert.deepEqual(detention.target_actors, ['PER']);
  assert.equal(detention.status, 'occurred');
});

test('relative clause: the noun the clause modifies is the source', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     criticised VERB criticise 0 root
     Bolivia PROPN Bolivia 2 obj
     , PUNCT , 6 punct
     which PRON which 6 nsubj
     accused VERB accuse 3 acl:relcl
     Peru PROPN Peru 6 obj
     of SCONJ of 9 mark
     spying VERB spy 6 advcl VBG
     . PUNCT . 2 punct`,
    [chile, peru, bolivia],
  );
  const events = extractEvents(ctx, found);
  const criticism = events.find((event) => event.cameo === '111');
  const accusation = events.find((event) => event.cameo === '112');
  assert.ok(criticism && accusation);
  assert.deepEqual([criticism.source, criticism.target], [['chl'], ['bol']]);
  assert.deepEqual([accusation.source, accusation.target], [['bol'], ['per']]);
});

test('participial clause shares the main subject; a place modifier does not become the target', () => {
  const { ctx, found } = fixture(
    `Peruvian ADJ peruvian 2 amod
     police NOUN police 3 nsubj
     raided VERB raid 0 root
     the DET the 6 det
     Lima PROPN Lima 6 compound
     office NOUN office 3 obj
     of ADP of 10 case
     a DET a 10 det
     Chilean ADJ chilean 10 amod
     broadcaster NOUN broadcaster 6 nmod
     , PUNCT , 12 punct
     detaining VERB detain 3 advcl VBG
     three NUM three 15 nummod
     Chilean ADJ chilean 15 amod
     reporters NOUN reporter 12 obj
     . PUNCT . 3 punct`,
    [
      { id: 'percop', name: 'Peruvian police', type: 'ORG', code: 'PERCOP', mentions: ['Peruvian police'] },
      { id: 'lima', name: 'Lima', code: 'PER', mentions: ['Lima'] },
      { id: 'chlmed', name: 'Chilean broadcaster', type: 'ORG', code: 'CHLMED', mentions: ['Chilean broadcaster'] },
      { id: 'chljrn', name: 'Chilean reporters', type: 'NORP', code: 'CHLMED', mentions: ['Chilean reporters'] },
    ],
  );
  const events = extractEvents(ctx, found);
  assert.equal(events.length, 2);
  const [raid, detention] = events;
  assert.equal(raid.root, '17');
  assert.deepEqual([raid.source, raid.target], [['percop'], ['chlmed']]);
  assert.equal(detention.cameo, '173');
  assert.deepEqual([detention.source, detention.target], [['percop'], ['chljrn']]);
});

test('coordinated verbs share their subject; an event noun under an event verb is not coded twice', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     condemned VERB condemn 0 root
     the DET the 4 det
     attack NOUN attack 2 obj
     and CCONJ and 6 cc
     accused VERB accuse 2 conj
     Bolivia PROPN Bolivia 6 obj
     of SCONJ of 9 mark
     lying VERB lie 6 advcl VBG
     . PUNCT . 2 punct`,
    [chile, bolivia],
  );
  const events = extractEvents(ctx, found);
  assert.deepEqual(events.map((event) => event.cameo), ['111', '112']);
  assert.deepEqual(events[1].source, ['chl']);
  assert.deepEqual(events[1].target, ['bol']);
});

test('"between A and B" gives one event with both targets, never the cross product', () => {
  const { ctx, found } = fixture(
    `Bolivia PROPN Bolivia 2 nsubj
     mediated VERB mediate 0 root
     between ADP between 4 case
     Chile PROPN Chile 2 obl
     and CCONJ and 6 cc
     Peru PROPN Peru 4 conj
     . PUNCT . 2 punct`,
    [chile, peru, bolivia],
  );
  const events = extractEvents(ctx, found);
  assert.equal(events.length, 1);
  assert.equal(events[0].cameo, '045');
  assert.deepEqual(events[0].source, ['bol']);
  assert.deepEqual(events[0].target, ['chl', 'per']);
});

test('a group subject lists its members; "hold talks" is one CONSULT event with place and time', () => {
  const { ctx, found } = fixture(
    `The DET the 3 det
     two NUM two 3 nummod
     neighbours NOUN neighbour 4 nsubj
     held VERB hold 0 root
     talks NOUN talk 4 obj
     in ADP in 7 case
     Lima PROPN Lima 4 obl
     on ADP on 9 case
     Monday PROPN Monday 4 obl
     . PUNCT . 4 punct`,
    [chile, peru, { id: 'pair', name: 'the two neighbours', code: null, mentions: ['The two neighbours'], members: ['chl', 'per'] }, { id: 'lima', name: 'Lima', code: 'PER', mentions: ['Lima'] }],
    [{ id: 't1', text: 'Monday', value: '2025-08-04' }],
  );
  const events = extractEvents(ctx, found);
  assert.equal(events.length, 1);
  assert.equal(events[0].plover, 'CONSULT');
  assert.deepEqual(events[0].source, ['chl', 'per']);
  assert.deepEqual(events[0].target, []);
  assert.equal(events[0].where.name, 'Lima');
  assert.equal(events[0].when.value, '2025-08-04');
});

test('negation, possibility, denial, ongoing action', () => {
  const negated = fixture(
    `Peru PROPN Peru 4 nsubj
     did AUX do 4 aux
     not PART not 4 advmod
     attack VERB attack 0 root VB
     Chile PROPN Chile 4 obj
     . PUNCT . 4 punct`,
    [chile, peru],
  );
  assert.equal(only(extractEvents(negated.ctx, negated.found), '18').status, 'negated');
  const possible = fixture(
    `Peru PROPN Peru 3 nsubj
     could AUX could 3 aux
     sanction VERB sanction 0 root VB
     Chile PROPN Chile 3 obj
     . PUNCT . 3 punct`,
    [chile, peru],
  );
  assert.equal(only(extractEvents(possible.ctx, possible.found), '16').status, 'possible');
  const denied = fixture(
    `Peru PROPN Peru 2 nsubj
     denied VERB deny 0 root
     that SCONJ that 6 mark
     its PRON its 5 nmod:poss
     troops NOUN troop 6 nsubj
     attacked VERB attack 2 ccomp
     Chile PROPN Chile 6 obj
     . PUNCT . 2 punct`,
    [chile, peru, { id: 'permil', name: 'Peruvian troops', type: 'ORG', code: 'PERMIL', mentions: ['troops'] }],
  );
  const attack = extractEvents(denied.ctx, denied.found).find((event) => event.trigger.text === 'attacked');
  assert.ok(attack);
  assert.equal(attack.status, 'denied');
  assert.equal(attack.root, '19', 'an armed actor makes an attack military force');
  const ongoing = fixture(
    `Peru PROPN Peru 3 nsubj
     is AUX be 3 aux
     blockading VERB blockade 0 root VBG
     Chile PROPN Chile 3 obj
     . PUNCT . 3 punct`,
    [chile, peru],
  );
  assert.equal(extractEvents(ongoing.ctx, ongoing.found)[0].status, 'ongoing');
});

test('demanded acts, plans with "is due to", and conditions', () => {
  const urged = fixture(
    `Chile PROPN Chile 2 nsubj
     urged VERB urge 0 root
     Peru PROPN Peru 2 obj
     to PART to 5 mark
     release VERB release 2 xcomp VB
     the DET the 7 det
     prisoners NOUN prisoner 5 obj
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  const events = extractEvents(urged.ctx, urged.found);
  const demand = only(events, '10');
  assert.deepEqual([demand.source, demand.target, demand.status], [['chl'], ['per'], 'occurred']);
  const release = only(events, '08');
  assert.deepEqual([release.source, release.status], [['per'], 'demanded']);
  const due = fixture(
    `Chile PROPN Chile 3 nsubj
     is AUX be 3 cop
     due ADJ due 0 root
     to PART to 5 mark
     sign VERB sign 3 xcomp VB
     a DET a 7 det
     treaty NOUN treaty 5 obj
     with ADP with 9 case
     Peru PROPN Peru 5 obl
     . PUNCT . 3 punct`,
    [chile, peru],
  );
  const signing = only(extractEvents(due.ctx, due.found), '05');
  assert.deepEqual([signing.cameo, signing.source, signing.target, signing.status], ['057', ['chl'], ['per'], 'planned']);
  const conditional = fixture(
    `If SCONJ if 3 mark
     Peru PROPN Peru 3 nsubj
     attacks VERB attack 8 advcl VBZ
     Chile PROPN Chile 3 obj
     , PUNCT , 3 punct
     Bolivia PROPN Bolivia 8 nsubj
     will AUX will 8 aux
     impose VERB impose 0 root VB
     sanctions NOUN sanction 8 obj
     . PUNCT . 8 punct`,
    [chile, peru, bolivia],
  );
  const both = extractEvents(conditional.ctx, conditional.found);
  assert.equal(both.find((event) => event.trigger.text === 'attacks')?.status, 'hypothetical');
  assert.equal(both.find((event) => event.trigger.text === 'impose')?.status, 'hypothetical', 'a consequence of a condition is conditional too');
});

test('"X said Y must do Z" is a demand of X on Y, and the obliged act is demanded', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     said VERB say 0 root
     that SCONJ that 6 mark
     Peru PROPN Peru 6 nsubj
     must AUX must 6 aux
     withdraw VERB withdraw 2 ccomp VB
     its PRON its 8 nmod:poss
     troops NOUN troop 6 obj
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  const events = extractEvents(ctx, found);
  const demand = only(events, '10');
  assert.deepEqual([demand.trigger.text, demand.source, demand.target], ['said', ['chl'], ['per']]);
  const withdrawal = only(events, '08');
  assert.deepEqual([withdrawal.source, withdrawal.status], [['per'], 'demanded']);
  assert.equal(withdrawal.attribution?.speaker, 'chl');
});

test('hedges and attribution to a speaker, and the link to a quote', () => {
  const hedged = fixture(
    `Peru PROPN Peru 3 nsubj
     reportedly ADV reportedly 3 advmod
     shelled VERB shell 0 root
     Chilean ADJ chilean 5 amod
     positions NOUN position 3 obj
     . PUNCT . 3 punct`,
    [chile, peru],
  );
  const shelling = only(extractEvents(hedged.ctx, hedged.found), '19');
  assert.equal(shelling.hedge, 'reportedly');
  assert.deepEqual(shelling.target, ['chl']);
  const conll = `Chile PROPN Chile 2 nsubj
     said VERB say 0 root
     Peru PROPN Peru 4 nsubj
     attacked VERB attack 2 ccomp
     its PRON its 7 nmod:poss
     border NOUN border 7 compound
     posts NOUN post 4 obj
     . PUNCT . 2 punct`;
  const speakers = [{ ...chile, mentions: ['Chile', 'its'] }, peru];
  const said = fixture(conll, speakers);
  const attack = only(extractEvents(said.ctx, said.found), '18');
  assert.deepEqual([attack.source, attack.target], [['per'], ['chl']]);
  assert.deepEqual(attack.attribution, { speaker: 'chl', cue: 'said', quote: null });
  assert.equal(attack.hedge, null);
  const quoteStart = said.ctx.text.indexOf('Peru');
  const quoted = fixture(conll, speakers, [], true, [
    { id: 'q1', start: quoteStart, end: said.ctx.text.length, text: said.ctx.text.slice(quoteStart), kind: 'indirect', speaker: 'chl', source: null, cue: null, provenance: { method: 'rule', confidence: 1 } },
  ]);
  assert.equal(only(extractEvents(quoted.ctx, quoted.found), '18').attribution?.quote, 'q1');
});

test('an event noun takes its possessor as source and its "on" phrase as target; "is said to" hedges', () => {
  const raid = fixture(
    `Chile PROPN Chile 3 nmod:poss
     's PART 's 1 case
     raid NOUN raid 6 nsubj
     on ADP on 5 case
     Peru PROPN Peru 3 nmod
     failed VERB fail 0 root
     . PUNCT . 6 punct`,
    [chile, peru],
  );
  const coded = only(extractEvents(raid.ctx, raid.found), '17');
  assert.deepEqual([coded.trigger.text, coded.source, coded.target], ['raid', ['chl'], ['per']]);
  const said = fixture(
    `Peru PROPN Peru 3 nsubj:pass
     is AUX be 3 aux:pass
     said VERB say 0 root VBN
     to PART to 7 mark
     have AUX have 7 aux
     been AUX be 7 aux
     shelling VERB shell 3 xcomp VBG
     Chile PROPN Chile 7 obj
     . PUNCT . 3 punct`,
    [chile, peru],
  );
  const shelling = only(extractEvents(said.ctx, said.found), '19');
  assert.equal(shelling.hedge, 'said');
  assert.deepEqual([shelling.source, shelling.target], [['per'], ['chl']]);
});

test('a sentence without an event yields none', () => {
  const { ctx, found } = fixture(
    `The DET the 2 det
     weather NOUN weather 6 nsubj
     in ADP in 4 case
     Lima PROPN Lima 2 nmod
     was AUX be 6 cop
     warm ADJ warm 0 root
     . PUNCT . 6 punct`,
    [{ id: 'lima', name: 'Lima', code: 'PER', mentions: ['Lima'] }],
  );
  assert.deepEqual(extractEvents(ctx, found), []);
});

test('without a parse the shallow analyser still finds actors, passives and modality', () => {
  const active = fixture(
    `Chile PROPN Chile 2 nsubj
     will AUX will 3 aux
     accuse VERB accuse 0 root
     Peru PROPN Peru 2 obj
     of SCONJ of 5 mark
     spying VERB spy 2 advcl
     . PUNCT . 2 punct`,
    [chile, peru],
    [],
    false,
  );
  const accusation = only(extractEvents(active.ctx, active.found), '11');
  assert.deepEqual([accusation.source, accusation.target, accusation.status], [['chl'], ['per'], 'planned']);
  const passive = fixture(
    `Two NUM two 3 nummod
     Peruvian ADJ peruvian 3 amod
     reporters NOUN reporter 5 nsubj:pass
     were AUX be 5 aux:pass
     detained VERB detain 0 root
     by ADP by 8 case
     Bolivian ADJ bolivian 8 amod
     police NOUN police 5 obl:agent
     . PUNCT . 5 punct`,
    [peru, { id: 'bolcop', name: 'Bolivian police', type: 'ORG', code: 'BOLCOP', mentions: ['Bolivian police'] }],
    [],
    false,
  );
  const detention = only(extractEvents(passive.ctx, passive.found), '17');
  assert.deepEqual([detention.source, detention.target], [['bolcop'], ['per']]);
});

test('an apposition does not replace a named subject, and a perfect with a mislabelled subject stays active', () => {
  const conll = `Chile PROPN Chile 10 nsubj:pass
     , PUNCT , 4 punct
     a DET a 4 det
     Peru PROPN Peru 1 appos
     ally NOUN ally 4 compound
     of ADP of 7 case
     years NOUN year 5 nmod
     , PUNCT , 1 punct
     has AUX have 10 aux
     refused VERB refuse 0 root VBN
     to PART to 12 mark
     sign VERB sign 10 xcomp VB
     deals NOUN deal 12 obj
     with ADP with 15 case
     Bolivia PROPN Bolivia 12 obl
     . PUNCT . 10 punct`;
  for (const parsed of [true, false]) {
    const { ctx, found } = fixture(conll, [chile, peru, bolivia], [], parsed);
    const refusal = only(extractEvents(ctx, found), '12');
    assert.deepEqual(refusal.source, ['chl'], `source with parse=${parsed}`);
    assert.deepEqual(refusal.target, ['bol'], `target with parse=${parsed}`);
  }
});

test('an actor whose country is known beats an uncoded one the parse found for the same slot', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     paid VERB pay 0 root
     compensation NOUN compensation 2 obj
     to ADP to 5 case
     67 NUM 67 3 nmod
     Peruvian ADJ peruvian 7 amod
     nationals NOUN national 2 obl:unmarked
     , PUNCT , 10 punct
     for ADP for 10 case
     settlers NOUN settler 2 obl
     . PUNCT . 2 punct`,
    [chile, peru, { id: 'set', name: 'settlers', type: 'NORP', code: null, mentions: ['settlers'] }],
  );
  const payment = only(extractEvents(ctx, found), '08');
  assert.deepEqual([payment.source, payment.target], [['chl'], ['per']]);
});

test('"decided to allow" codes the decided act with the decider as its source', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     decided VERB decide 0 root
     to PART to 4 mark
     allow VERB allow 2 xcomp VB
     Peruvian ADJ peruvian 6 amod
     observers NOUN observer 4 obj
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  const events = extractEvents(ctx, found);
  assert.ok(!events.some((event) => event.trigger.text === 'decided'), JSON.stringify(events.map((event) => event.trigger.text)));
  const allowance = only(events, '08');
  assert.deepEqual([allowance.trigger.text, allowance.source, allowance.target], ['allow', ['chl'], ['per']]);
});

test('a nominal "subject" the parser put after an active verb is its object', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 3 nsubj
     today NOUN today 3 obl:unmarked
     accused VERB accuse 0 root
     Peru PROPN Peru 3 nsubj
     of SCONJ of 6 mark
     spying VERB spy 3 advcl VBG
     . PUNCT . 3 punct`,
    [chile, peru],
  );
  const accusation = only(extractEvents(ctx, found), '11');
  assert.deepEqual([accusation.source, accusation.target], [['chl'], ['per']]);
});

test('actors the parse coordinates without any "and" between them are not a joint source', () => {
  const { ctx, found } = fixture(
    `In ADP in 2 case
     talks NOUN talk 13 obl
     with ADP with 5 case
     his PRON his 5 nmod:poss
     counterpart NOUN counterpart 2 nmod
     , PUNCT , 7 punct
     Peru PROPN Peru 13 nsubj
     , PUNCT , 12 punct
     Chile PROPN Chile 12 nmod:poss
     's PART 's 9 case
     President PROPN President 12 compound
     Bachelet PROPN Bachelet 7 conj
     demanded VERB demand 0 root
     an DET an 15 det
     apology NOUN apology 13 obj
     . PUNCT . 13 punct`,
    [chile, peru, { id: 'bach', name: 'Bachelet', type: 'PERSON', code: 'CHLGOV', mentions: ['Bachelet'] }],
  );
  const demand = only(extractEvents(ctx, found), '10');
  assert.deepEqual(demand.source, ['bach']);
});

test('the parse keeps a coded subject where the linear reading finds only an uncoded group nearer the verb', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     welcomed VERB welcome 0 root
     settlers NOUN settler 2 obj
     but CCONJ but 6 cc
     was AUX be 6 aux
     refusing VERB refuse 2 conj VBG
     entry NOUN entry 6 obj
     to ADP to 9 case
     Peruvians PROPN Peruvian 7 nmod
     . PUNCT . 2 punct`,
    [chile, { id: 'pe', name: 'Peruvians', type: 'NORP', code: 'PER', mentions: ['Peruvians'] }, { id: 'set', name: 'settlers', type: 'NORP', code: null, mentions: ['settlers'] }],
  );
  const refusal = only(extractEvents(ctx, found), '12');
  assert.deepEqual([refusal.source, refusal.target], [['chl'], ['pe']]);
});

test('without a parse, a demonym before an event noun is that event’s actor, not a modifier to skip', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 3 nsubj
     is AUX be 3 cop
     opposed ADJ opposed 0 root
     to ADP to 6 case
     Peruvian ADJ peruvian 6 amod
     mediation NOUN mediation 3 obl
     with ADP with 8 case
     Bolivia PROPN Bolivia 6 nmod
     . PUNCT . 3 punct`,
    [chile, peru, bolivia],
    [],
    false,
  );
  const opposition = only(extractEvents(ctx, found), '12');
  assert.deepEqual([opposition.source, opposition.target], [['chl'], ['per']]);
});

test('a concession with no object takes its addressee from a "with" phrase in its clause', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     called VERB call 0 root
     off ADP off 2 compound:prt
     the DET the 5 det
     strike NOUN strike 2 obj
     after ADP after 7 case
     talks NOUN talk 2 obl
     with ADP with 9 case
     Peru PROPN Peru 7 nmod
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  const concession = only(extractEvents(ctx, found), '08');
  assert.deepEqual([concession.source, concession.target], [['chl'], ['per']]);
});

test('"X said A and B must …" obliges every actor before the modal, however the parse split them', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     said VERB say 0 root
     Peru PROPN Peru 2 iobj
     and CCONJ and 5 cc
     Bolivian ADJ bolivian 3 conj
     troops NOUN troops 8 nsubj
     must AUX must 8 aux
     withdraw VERB withdraw 2 ccomp VB
     . PUNCT . 2 punct`,
    [chile, peru, { id: 'boltr', name: 'Bolivian troops', type: 'ORG', code: 'BOLMIL', mentions: ['Bolivian troops'] }],
  );
  const demand = only(extractEvents(ctx, found), '10');
  assert.deepEqual([demand.trigger.text, demand.source, demand.target], ['said', ['chl'], ['per', 'boltr']]);
});

test('an irregular past form the tagger called a noun still codes its event from the linear reading', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 4 compound
     undertook NOUN undertook 4 compound NN
     mediation NOUN mediation 4 compound NN
     efforts NOUN effort 0 root NNS
     between ADP between 6 case
     Peru PROPN Peru 4 nmod
     and CCONJ and 8 cc
     Bolivia PROPN Bolivia 6 conj
     . PUNCT . 4 punct`,
    [chile, peru, bolivia],
  );
  const mediation = only(extractEvents(ctx, found), '04');
  assert.deepEqual([mediation.trigger.text, mediation.source, mediation.target], ['undertook', ['chl'], ['per', 'bol']]);
});

test('a source named twice with one code ("the ministry spokesman Ana Ruiz") lists that code once', () => {
  const { ctx, found } = fixture(
    `Ministry PROPN Ministry 2 compound
     spokesman NOUN spokesman 5 nsubj
     Ana PROPN Ana 2 appos
     Ruiz PROPN Ruiz 3 flat
     accused VERB accuse 0 root
     Chile PROPN Chile 5 obj
     of SCONJ of 8 mark
     spying VERB spy 5 advcl
     . PUNCT . 5 punct`,
    [
      chile,
      { id: 'ministry', name: 'Ministry', type: 'ORG', code: 'BOLGOV', mentions: ['Ministry'] },
      { id: 'ruiz', name: 'Ana Ruiz', type: 'PERSON', code: 'BOLGOV', mentions: ['Ana Ruiz'] },
    ],
  );
  const accusation = only(extractEvents(ctx, found), '11');
  assert.ok(accusation.source.length >= 1, JSON.stringify(accusation.source));
  assert.deepEqual(accusation.source_actors, ['BOLGOV']);
  assert.deepEqual(accusation.target_actors, ['CHL']);
});

test('an infinitive a demand verb governs is demanded even when parsed as an adverbial clause; a purpose clause is not', () => {
  const calledOn = fixture(
    `Chile PROPN Chile 2 nsubj
     called VERB call 0 root
     on ADP on 4 case
     Peru PROPN Peru 2 obl
     to PART to 6 mark
     release VERB release 2 advcl VB
     the DET the 8 det
     prisoners NOUN prisoner 6 obj
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  assert.equal(only(extractEvents(calledOn.ctx, calledOn.found), '08').status, 'demanded');
  const purpose = fixture(
    `Chile PROPN Chile 2 nsubj
     called VERB call 0 root
     a DET a 4 det
     meeting NOUN meeting 2 obj
     to PART to 6 mark
     release VERB release 2 advcl VB
     the DET the 8 det
     prisoners NOUN prisoner 6 obj
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  assert.equal(only(extractEvents(purpose.ctx, purpose.found), '08').status, 'occurred');
});

test('whoever reports an event is not a party to it, however the parse joined them to the clause', () => {
  // The parser made "official" a conjunct of the subject "Gunmen", as it does with postposed sources.
  const conll = `Gunmen NOUN gunman 2 nsubj
     killed VERB kill 0 root
     Peruvian ADJ peruvian 4 amod
     villagers NOUN villager 2 obj
     , PUNCT , 7 punct
     a DET a 7 det
     official NOUN official 1 conj
     from ADP from 9 case
     Chile PROPN Chile 7 nmod
     said VERB say 2 parataxis
     . PUNCT . 2 punct`;
  const plain = fixture(conll, [chile, peru]);
  assert.deepEqual(only(extractEvents(plain.ctx, plain.found), '18').source, ['chl'], 'without the quote the parse decides');
  const text = plain.ctx.text;
  const content = text.slice(0, text.indexOf(','));
  const sourceStart = text.indexOf('a official');
  const sourceText = 'a official from Chile';
  const quoted = fixture(conll, [chile, peru], [], true, [
    {
      id: 'q1', start: 0, end: content.length, text: content, kind: 'indirect', speaker: 'chl',
      source: { start: sourceStart, end: sourceStart + sourceText.length, text: sourceText },
      cue: null, provenance: { method: 'rule', confidence: 1 },
    },
  ]);
  const killing = only(extractEvents(quoted.ctx, quoted.found), '18');
  assert.deepEqual(killing.source, []);
  assert.deepEqual(killing.target, ['per']);
  assert.equal(killing.attribution?.quote, 'q1');
});

test('a duration says how long, not when: it never dates an event', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     declared VERB declare 0 root
     a DET a 5 det
     two-week ADJ two-week 5 amod
     truce NOUN truce 2 obj
     with ADP with 7 case
     Peru PROPN Peru 5 nmod
     . PUNCT . 2 punct`,
    [chile, peru],
    [{ id: 't1', text: 'two-week', value: 'P2W', type: 'DURATION' }],
  );
  const events = extractEvents(ctx, found);
  assert.ok(events.length > 0);
  for (const event of events) assert.deepEqual(event.when, { time: null, value: null }, event.cameo);
});

test('a conjunct of a demanded infinitive is demanded too ("urged X to free … and (to) reopen …")', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     urged VERB urge 0 root
     Peru PROPN Peru 2 obj
     to PART to 5 mark
     release VERB release 2 xcomp VB
     the DET the 7 det
     hostages NOUN hostage 5 obj
     and CCONJ and 10 cc
     to PART to 10 mark
     withdraw VERB withdraw 5 conj VB
     its PRON its 12 nmod:poss
     troops NOUN troop 10 obj
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  const events = extractEvents(ctx, found).filter((event) => event.root === '08');
  assert.deepEqual(events.map((event) => [event.trigger.text, event.status]).sort(), [['release', 'demanded'], ['withdraw', 'demanded']]);
});

test('an act named under "any" is a kind of act, not an event ("would respond to any attack")', () => {
  const conll = (determiner: string) => `Chile PROPN Chile 3 nsubj
     would AUX would 3 aux
     respond VERB respond 0 root
     to ADP to 6 case
     ${determiner} DET ${determiner} 6 det
     attack NOUN attack 3 obl
     by ADP by 8 case
     Peru PROPN Peru 6 nmod
     . PUNCT . 3 punct`;
  const generic = fixture(conll('any'), [chile, peru]);
  assert.deepEqual(extractEvents(generic.ctx, generic.found), []);
  const specific = fixture(conll('the'), [chile, peru]);
  assert.deepEqual(only(extractEvents(specific.ctx, specific.found), '18').source, ['per']);
});

test('a time in a relative clause about a noun does not date the main event', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     signed VERB sign 0 root
     the DET the 4 det
     deal NOUN deal 2 obj
     , PUNCT , 7 punct
     which PRON which 7 nsubj
     expires VERB expire 4 acl:relcl
     in ADP in 9 case
     2027 NUM 2027 7 obl
     , PUNCT , 7 punct
     with ADP with 12 case
     Peru PROPN Peru 2 obl
     . PUNCT . 2 punct`,
    [chile, peru],
    [{ id: 't1', text: '2027', value: '2027' }],
  );
  assert.deepEqual(only(extractEvents(ctx, found), '05').when, { time: null, value: null });
});

test('the country of a demonym before a coded office holder is not a second actor', () => {
  const { ctx, found } = fixture(
    `Chilean ADJ chilean 3 amod
     President PROPN President 3 compound
     Boric PROPN Boric 4 nsubj
     praised VERB praise 0 root
     Peru PROPN Peru 4 obj
     . PUNCT . 4 punct`,
    [
      { id: 'chl', name: 'Chile', code: 'CHL', mentions: ['Chilean'] },
      { id: 'boric', name: 'Gabriel Boric', code: 'CHLGOV', type: 'PERSON', mentions: ['Boric'] },
      peru,
    ],
  );
  const praise = only(extractEvents(ctx, found), '05');
  assert.deepEqual(praise.source_actors, ['CHLGOV']);
  assert.deepEqual(praise.source, ['boric']);
});

test('"accused X of doing" makes X the actor even when the gerund hangs on the verb', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     accused VERB accuse 0 root
     Peru PROPN Peru 2 obj
     of SCONJ of 5 mark
     shelling VERB shell 2 advcl VBG
     a DET a 7 det
     village NOUN village 5 obj
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  const events = extractEvents(ctx, found);
  assert.deepEqual(only(events, '19').source, ['per']);
  assert.deepEqual(only(events, '11').source, ['chl']);
});

test('a passive with no agent keeps its subject as the target, with a parse (whatever the linear reading says) and without one (past an adverb)', () => {
  for (const parsed of [true, false]) {
    const { ctx, found } = fixture(
      `Peru PROPN Peru 4 nsubj:pass
       was AUX be 4 aux:pass
       also ADV also 4 advmod
       urged VERB urge 0 root VBN
       to PART to 6 mark
       withdraw VERB withdraw 4 xcomp VB
       . PUNCT . 4 punct`,
      [peru],
      [],
      parsed,
    );
    const request = only(extractEvents(ctx, found), '10');
    assert.deepEqual([request.source, request.target], [[], ['per']], `parsed: ${parsed}`);
  }
});

test('a demand’s addressee is never the subject of a contrasting clause ("…, while Peru argued …")', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     demanded VERB demand 0 root
     a DET a 4 det
     pause NOUN pause 2 obj
     , PUNCT , 8 punct
     while SCONJ while 8 mark
     Peru PROPN Peru 8 nsubj
     argued VERB argue 2 advcl
     for ADP for 10 case
     talks NOUN talk 8 obl
     . PUNCT . 2 punct`,
    [chile, peru],
    [],
    false,
  );
  const demand = only(extractEvents(ctx, found), '10');
  assert.deepEqual([demand.source, demand.target], [['chl'], []]);
});

test('an actor named only inside quoted words the act is not part of is no actor of it in the linear reading', () => {
  const conll = `Chile PROPN Chile 2 nsubj
     called VERB call 0 root
     the DET the 4 det
     vote NOUN vote 2 obj
     a DET a 8 det
     " PUNCT " 8 punct
     Peruvian ADJ Peruvian 8 amod
     plot NOUN plot 2 xcomp
     " PUNCT " 8 punct
     and CCONJ and 11 cc
     urged VERB urge 2 conj
     voters NOUN voter 11 obj
     to PART to 14 mark
     march VERB march 11 xcomp VB
     . PUNCT . 2 punct`;
  const peruvian: EntitySpec = { id: 'per', name: 'Peru', code: 'PER', mentions: ['Peruvian'] };
  const plain = fixture(conll, [chile, peruvian], [], false);
  const unquoted = only(extractEvents(plain.ctx, plain.found), '10');
  assert.ok([...unquoted.source, ...unquoted.target].includes('per'), 'unquoted, the linear reading takes Peru as an actor');
  const text = plain.ctx.text;
  const start = text.indexOf('Peruvian');
  const words = 'Peruvian plot';
  const quoted = fixture(conll, [chile, peruvian], [], false, [
    { id: 'q1', start, end: start + words.length, text: words, kind: 'partial', speaker: 'chl', source: null, cue: null, provenance: { method: 'rule', confidence: 1 } },
  ]);
  const request = only(extractEvents(quoted.ctx, quoted.found), '10');
  assert.deepEqual([request.source, request.target], [['chl'], []]);
});

test('what nature or an accident did is no political event; the same act by an actor is', () => {
  const conll = (subject: string) => `${subject} NOUN ${subject.toLowerCase()} 2 nsubj
     killed VERB kill 0 root
     ten NUM ten 4 nummod
     villagers NOUN villager 2 obj
     in ADP in 6 case
     Peru PROPN Peru 2 obl
     . PUNCT . 2 punct`;
  for (const parsed of [true, false]) {
    const floods = fixture(conll('Floods'), [chile, peru], [], parsed);
    assert.deepEqual(extractEvents(floods.ctx, floods.found), [], `parsed: ${parsed}`);
    const troops = fixture(conll('Chile').replace('Chile NOUN chile', 'Chile PROPN Chile'), [chile, peru], [], parsed);
    assert.equal(extractEvents(troops.ctx, troops.found).length, 1, `parsed: ${parsed}`);
  }
});

test('an agentless passive about people in a place has no actor: the place is not its target', () => {
  const { ctx, found } = fixture(
    `Ten NUM ten 2 nummod
     villagers NOUN villager 4 nsubj:pass
     were AUX be 4 aux:pass
     injured VERB injure 0 root VBN
     in ADP in 6 case
     Peru PROPN Peru 4 obl
     . PUNCT . 4 punct`,
    [peru],
  );
  assert.deepEqual(extractEvents(ctx, found), []);
});

test('without a parse, the speaker before "said" is no actor of the reported clause, unless a pronoun there stands for them', () => {
  const reported = fixture(
    `Chile PROPN Chile 2 nsubj
     said VERB say 0 root
     ten NUM ten 4 nummod
     villagers NOUN villager 6 nsubj:pass
     were AUX be 6 aux:pass
     injured VERB injure 2 ccomp VBN
     . PUNCT . 2 punct`,
    [chile],
    [],
    false,
  );
  assert.deepEqual(extractEvents(reported.ctx, reported.found), []);
  const pronoun = fixture(
    `Chile PROPN Chile 2 nsubj
     said VERB say 0 root
     on ADP on 4 case
     Monday PROPN Monday 2 obl
     they PRON they 7 nsubj
     would AUX would 7 aux
     meet VERB meet 2 ccomp VB
     Peru PROPN Peru 7 obj
     . PUNCT . 2 punct`,
    [chile, peru],
    [],
    false,
  );
  assert.deepEqual(only(extractEvents(pronoun.ctx, pronoun.found), '04').source, ['chl']);
});

test('people killed when a hazard struck were killed by nature, not by the country named nearby (whole pipeline)', () => {
  const text = 'At least 300 people were killed when a strong earthquake struck Ghor province on Saturday, according to the disaster ministry.';
  const analysis = analyzeText('quake.txt', text, '2023-10-08');
  assert.ok(analysis.entities.some((entity) => entity.actor?.country === 'AFG'), 'the province is placed in Afghanistan');
  assert.deepEqual(analysis.events.map((event) => event.trigger.text), []);
});

test('a verb that judges an act names no doer of it; a verb that performs it does', () => {
  const conll = (verb: string, lemma: string) => `Chile PROPN Chile 2 nsubj
     ${verb} VERB ${lemma} 0 root
     the DET the 4 det
     raid NOUN raid 2 obj
     on ADP on 6 case
     Peru PROPN Peru 4 nmod
     . PUNCT . 2 punct`;
  const judged = fixture(conll('described', 'describe'), [chile, peru]);
  assert.ok(!extractEvents(judged.ctx, judged.found).some((event) => event.trigger.text === 'raid' && event.source.includes('chl')));
  const performed = fixture(conll('launched', 'launch'), [chile, peru]);
  assert.ok(extractEvents(performed.ctx, performed.found).some((event) => event.trigger.text === 'raid' && event.source.includes('chl')));
});

test('"X said that … and urged Y to …": the later verb keeps the parse’s subject over the nearer actor of the reported clause', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     said VERB say 0 root
     that SCONJ that 7 mark
     talks NOUN talk 7 nsubj
     with ADP with 6 case
     Peru PROPN Peru 4 nmod
     failed VERB fail 2 ccomp
     and CCONJ and 9 cc
     urged VERB urge 2 conj
     Bolivia PROPN Bolivia 9 obj
     to PART to 12 mark
     mediate VERB mediate 9 xcomp VB
     . PUNCT . 2 punct`,
    [chile, peru, bolivia],
  );
  const request = only(extractEvents(ctx, found), '10');
  assert.deepEqual([request.source, request.target], [['chl'], ['bol']]);
});

test('a refusal governs the act it refuses, not what a prepositional phrase below it reports ("declined to comment on reports that …")', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     declined VERB decline 0 root
     to PART to 4 mark
     comment VERB comment 2 xcomp VB
     on ADP on 6 case
     reports NOUN report 4 obl
     that SCONJ that 9 mark
     Peru PROPN Peru 9 nsubj
     attacked VERB attack 6 acl
     Bolivia PROPN Bolivia 9 obj
     . PUNCT . 2 punct`,
    [chile, peru, bolivia],
  );
  const attack = only(extractEvents(ctx, found), '18');
  assert.deepEqual(attack.source, ['per']);
  assert.notEqual(attack.status, 'negated');
  assert.notEqual(attack.status, 'denied');
});

test('a finite verb the parser hung on a denied clause as its conjunct is not denied ("denied starting the clashes and accused Peru")', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     denied VERB deny 0 root
     starting VERB start 2 xcomp VBG
     the DET the 5 det
     clashes NOUN clash 3 obj
     and CCONJ and 7 cc
     accused VERB accuse 3 conj VBD
     Peru PROPN Peru 7 obj
     . PUNCT . 2 punct`,
    [chile, peru],
    [],
    false,
  );
  const accusation = only(extractEvents(ctx, found), '11');
  assert.deepEqual([accusation.source, accusation.target, accusation.status], [['chl'], ['per'], 'occurred']);
});

test('an envoy summoned "to lodge a protest" does not protest: the summoner does, however the parse hangs the infinitive', () => {
  for (const [head, relation] of [['2', 'xcomp'], ['4', 'acl']]) {
    const { ctx, found } = fixture(
      `Chile PROPN Chile 2 nsubj
       summoned VERB summon 0 root
       Peru's PROPN Peru's 4 nmod:poss
       envoy NOUN envoy 2 obj
       to PART to 6 mark
       lodge VERB lodge ${head} ${relation} VB
       a DET a 8 det
       protest NOUN protest 6 obj
       . PUNCT . 2 punct`,
      [chile, { ...peru, mentions: ["Peru's envoy"] }],
    );
    const events = extractEvents(ctx, found);
    const errand = events.find((event) => event.trigger.text === 'lodge' || event.trigger.text === 'protest');
    assert.ok(errand, `${relation}: ${JSON.stringify(events.map((event) => event.trigger.text))}`);
    assert.deepEqual(errand.source, ['chl'], relation);
  }
});

test('a hazard that only modifies the subject does not make the act nature’s ("earthquake relief convoys were attacked")', () => {
  const { ctx, found } = fixture(
    `Peru PROPN Peru 2 nsubj
     attacked VERB attack 0 root
     earthquake NOUN earthquake 5 compound
     relief NOUN relief 5 compound
     convoys NOUN convoy 2 obj
     near ADP near 7 case
     Chile PROPN Chile 2 obl
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  assert.equal(extractEvents(ctx, found).length, 1);
  const passive = fixture(
    `Earthquake NOUN earthquake 3 compound
     relief NOUN relief 3 compound
     convoys NOUN convoy 5 nsubj:pass
     were AUX be 5 aux:pass
     attacked VERB attack 0 root VBN
     by ADP by 7 case
     Peru PROPN Peru 5 obl:agent
     . PUNCT . 5 punct`,
    [peru],
  );
  assert.deepEqual(extractEvents(passive.ctx, passive.found).map((event) => event.source), [['per']]);
});

test('a building after "at" is where an act happened, not its target, whichever word the parse hangs it on', () => {
  const palace: EntitySpec = { id: 'pal', name: 'Itamaraty', type: 'FAC', code: 'BRA', mentions: ['Itamaraty'] };
  for (const head of ['6', '4']) {
    const { ctx, found } = fixture(
      `Chile PROPN Chile 4 nsubj
       and CCONJ and 3 cc
       Peru PROPN Peru 1 conj
       signed VERB sign 0 root
       a DET a 6 det
       treaty NOUN treaty 4 obj
       at ADP at 9 case
       the DET the 9 det
       Itamaraty PROPN Itamaraty ${head} ${head === '6' ? 'nmod' : 'obl'}
       . PUNCT . 4 punct`,
      [chile, peru, palace],
    );
    const events = extractEvents(ctx, found);
    assert.ok(events.length > 0, `attached to ${head}`);
    for (const event of events) assert.ok(!event.target.includes('pal'), `attached to ${head}: ${JSON.stringify(event.target)}`);
  }
});

test('receiving a thing is no reception of a visitor; receiving a delegation is', () => {
  const usa: EntitySpec = { id: 'usa', name: 'United States', code: 'USA', mentions: ['States'] };
  const rights = fixture(
    `The DET the 2 det
     States PROPN States 4 nsubj
     will AUX will 4 aux
     receive VERB receive 0 root
     exclusive ADJ exclusive 6 amod
     rights NOUN right 4 obj
     through ADP through 8 case
     Peru PROPN Peru 6 nmod
     . PUNCT . 4 punct`,
    [usa, peru],
  );
  assert.deepEqual(extractEvents(rights.ctx, rights.found).filter((event) => event.cameo === '043'), []);
  const delegation = fixture(
    `Chile PROPN Chile 2 nsubj
     received VERB receive 0 root
     a DET a 5 det
     Peruvian ADJ Peruvian 5 amod
     delegation NOUN delegation 2 obj
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  assert.equal(extractEvents(delegation.ctx, delegation.found).filter((event) => event.cameo === '043').length, 1);
});

test('an act hanging on another clause takes that clause’s time, not the report’s ("raided … in May, killing …")', () => {
  const { ctx, found } = fixture(
    `On ADP on 2 case
     Thursday PROPN Thursday 5 obl
     , PUNCT , 5 punct
     Chile PROPN Chile 5 nsubj
     recalled VERB recall 0 root
     that SCONJ that 8 mark
     Peru PROPN Peru 8 nsubj
     raided VERB raid 5 ccomp
     the DET the 10 det
     post NOUN post 8 obj
     in ADP in 12 case
     May PROPN May 8 obl
     , PUNCT , 14 punct
     killing VERB kill 8 advcl VBG
     two NUM two 16 nummod
     guards NOUN guard 14 obj
     . PUNCT . 5 punct`,
    [chile, peru],
    [{ id: 't1', text: 'Thursday', value: '2025-08-07' }, { id: 't2', text: 'May', value: '2025-05' }],
  );
  const killing = extractEvents(ctx, found).find((event) => event.trigger.text === 'killing');
  assert.ok(killing);
  assert.equal(killing.when.value, '2025-05');
});

test('a reported act in the past perfect or with a modal is not dated by the report ("said on Monday that Peru had attacked")', () => {
  const parse = (auxiliary: string): string =>
    `Chile PROPN Chile 2 nsubj
     said VERB say 0 root
     on ADP on 4 case
     Monday PROPN Monday 2 obl
     that SCONJ that ${auxiliary ? 8 : 7} mark
     Peru PROPN Peru ${auxiliary ? 8 : 7} nsubj
     ${auxiliary ? `${auxiliary} AUX ${auxiliary} 8 aux\n` : ''}attacked VERB attack 2 ccomp VBN
     its PRON its ${auxiliary ? 11 : 10} nmod:poss
     outpost NOUN outpost ${auxiliary ? 8 : 7} obj
     . PUNCT . 2 punct`;
  const when = (auxiliary: string): string | null => {
    const { ctx, found } = fixture(parse(auxiliary), [chile, peru], [{ id: 't1', text: 'Monday', value: '2025-08-04' }]);
    const attack = extractEvents(ctx, found).find((event) => event.trigger.text === 'attacked');
    assert.ok(attack, auxiliary);
    return attack.when.value;
  };
  assert.equal(when(''), '2025-08-04');
  assert.equal(when('had'), null);
});

test('a participle telling what an accident did is not coded ("a jet crashed near X, killing 38 people")', () => {
  const santiago: EntitySpec = { id: 'scl', name: 'Santiago', code: 'CHL', mentions: ['Santiago'] };
  const { ctx, found } = fixture(
    `A DET a 2 det
     jet NOUN jet 3 nsubj
     crashed VERB crash 0 root
     near ADP near 5 case
     Santiago PROPN Santiago 3 obl
     , PUNCT , 7 punct
     killing VERB kill 3 advcl VBG
     38 NUM 38 9 nummod
     people NOUN people 7 obj
     . PUNCT . 3 punct`,
    [santiago],
  );
  assert.deepEqual(extractEvents(ctx, found).map((event) => event.cameo), []);
});

test('an act a clause happened during is its subject’s, even when the parse hangs "during …" on the object', () => {
  const police: EntitySpec = { id: 'pol', name: 'Chilean police', type: 'ORG', code: 'CHLCOP', mentions: ['police'] };
  const { ctx, found } = fixture(
    `Chilean ADJ Chilean 2 amod
     police NOUN police 3 nsubj
     killed VERB kill 0 root
     two NUM two 6 nummod
     Peruvian ADJ Peruvian 6 amod
     men NOUN man 3 obj
     during ADP during 8 case
     raids NOUN raid 6 nmod
     . PUNCT . 3 punct`,
    [police, peru],
  );
  const raids = extractEvents(ctx, found).find((event) => event.trigger.text === 'raids');
  assert.ok(raids);
  assert.deepEqual(raids.source, ['pol']);
});

test('"called for X to step down" demands the stepping down, as "called on X to" does', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     called VERB call 0 root
     for ADP for 6 case
     the DET the 6 det
     Peruvian ADJ Peruvian 6 amod
     president NOUN president 2 obl
     to PART to 8 mark
     step VERB step 2 advcl
     down ADP down 8 compound:prt
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  const resignation = extractEvents(ctx, found).find((event) => event.trigger.text.startsWith('step'));
  assert.ok(resignation);
  assert.equal(resignation.status, 'demanded');
});

test('"has yet to sign" is not so far: negated, with or without a parse', () => {
  for (const parsed of [true, false]) {
    const { ctx, found } = fixture(
      `Chile PROPN Chile 2 nsubj
       has VERB have 0 root
       yet ADV yet 2 advmod
       to PART to 5 mark
       sign VERB sign 2 xcomp
       the DET the 7 det
       treaty NOUN treaty 5 obj
       with ADP with 9 case
       Peru PROPN Peru 5 obl
       . PUNCT . 2 punct`,
      [chile, peru],
      [],
      parsed,
    );
    const signing = extractEvents(ctx, found).find((event) => event.trigger.text === 'sign');
    assert.ok(signing, `parsed: ${parsed}`);
    assert.equal(signing.status, 'negated', `parsed: ${parsed}`);
  }
});

test('without a parse, an event takes a time from its own sentence only, never from the next', () => {
  const { ctx, found } = fixture(
    `Chilean ADJ Chilean 2 amod
     troops NOUN troop 6 nsubj
     in ADP in 5 case
     the DET the 5 det
     north NOUN north 2 nmod
     shelled VERB shell 0 root
     Peru PROPN Peru 6 obj
     . PUNCT . 6 punct
     Talks NOUN talk 10 nsubj
     resume VERB resume 0 root
     Wednesday PROPN Wednesday 10 obl
     . PUNCT . 10 punct`,
    [chile, peru],
    [{ id: 't1', text: 'Wednesday', value: '2025-08-06' }],
    false,
  );
  const tokens = ctx.structure.tokens.map((token, index) => ({ ...token, sentence: index < 8 ? 0 : 1 }));
  const structure = {
    ...ctx.structure,
    tokens,
    sentences: [
      { start: 0, end: tokens[7].end, block: 0, tokenStart: 0, tokenEnd: 8 },
      { start: tokens[8].start, end: ctx.text.length, block: 0, tokenStart: 8, tokenEnd: tokens.length },
    ],
  };
  const shelling = extractEvents({ ...ctx, structure }, found).find((event) => event.trigger.text === 'shelled');
  assert.ok(shelling);
  assert.equal(shelling.when.value, null);
});

test('a past form with a determiner of its own is a noun, not a second event ("had not fired a single shot")', () => {
  const storyline = createStoryline();
  const text = 'Peru’s defence ministry rejected the claim as false and said its troops had not fired a single shot. Chile’s president spoke to reporters on Wednesday.';
  const analysis = storyline.analyze({ source: 'test', text, title: null, outlet: null, author: null, agency: null, url: null, published: '2025-03-12', published_source: 'given' });
  const triggers = analysis.events.map((event) => event.trigger.text);
  assert.ok(triggers.includes('fired'), JSON.stringify(triggers));
  assert.ok(!triggers.includes('shot'), JSON.stringify(triggers));
});

test('"the leaders of the two Andean neighbours met": the pair acts, not the demonym inside the phrase', () => {
  const text = 'Bolivia’s president met Argentina’s president on Monday. Chile and Peru sent observers. The leaders of the two Andean neighbours last met in July in Lima.';
  const analysis = analyzeText('andes.txt', text, '2025-08-07');
  const meeting = analysis.events.find((event) => event.trigger.text === 'met' && event.trigger.start > text.indexOf('The leaders'));
  assert.ok(meeting, JSON.stringify(analysis.events.map((event) => event.trigger.text)));
  const names = meeting.source.map((id) => analysis.entities.find((entity) => entity.id === id)?.name);
  assert.deepEqual(meeting.source_actors.slice().sort(), ['CHLGOV', 'PERGOV'], JSON.stringify(names));
  assert.equal(meeting.source.length, 2, JSON.stringify(names));
});

test('an act takes the time of a non-finite clause under it ("had banned the bureau from operating in February")', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 3 nsubj
     had AUX have 3 aux
     banned VERB ban 0 root VBN
     Peru PROPN Peru 3 obj
     from SCONJ from 6 mark
     operating VERB operate 3 advcl VBG
     in ADP in 8 case
     February PROPN February 6 obl
     . PUNCT . 3 punct`,
    [chile, peru],
    [{ id: 't1', text: 'February', value: '2025-02' }],
  );
  const ban = extractEvents(ctx, found).find((event) => event.trigger.text === 'banned');
  assert.ok(ban);
  assert.equal(ban.when.value, '2025-02');
});

test('after a verb that does not aim, "at" names a venue, not a target ("signed … at the State Department")', () => {
  const department: EntitySpec = { id: 'dos', name: 'State Department', type: 'ORG', code: 'USAGOV', mentions: ['Department'] };
  for (const parsed of [true, false]) {
    const { ctx, found } = fixture(
      `Chile PROPN Chile 4 nsubj
       and CCONJ and 3 cc
       Peru PROPN Peru 1 conj
       signed VERB sign 0 root
       a DET a 6 det
       deal NOUN deal 4 obj
       at ADP at 8 case
       Department PROPN Department 4 obl
       . PUNCT . 4 punct`,
      [chile, peru, department],
      [],
      parsed,
    );
    const events = extractEvents(ctx, found);
    assert.ok(events.length > 0, `parsed: ${parsed}`);
    for (const event of events) assert.ok(!event.target.includes('dos'), `parsed: ${parsed}: ${JSON.stringify(event.target)}`);
  }
  const { ctx, found } = fixture(
    `Chilean ADJ Chilean 2 amod
     troops NOUN troop 3 nsubj
     fired VERB fire 0 root
     at ADP at 5 case
     Peru PROPN Peru 3 obl
     . PUNCT . 3 punct`,
    [chile, peru],
  );
  assert.ok(extractEvents(ctx, found).some((event) => event.target.includes('per')), 'an aimed act keeps its target after "at"');
});

test('a conflict that kills is a cause, not an actor: no event for the place named near it', () => {
  const congo: EntitySpec = { id: 'cod', name: 'Congo', code: 'COD', mentions: ['Congo'] };
  const { ctx, found } = fixture(
    `a DET a 2 det
     conflict NOUN conflict 0 root
     in ADP in 5 case
     eastern ADJ eastern 5 amod
     Congo PROPN Congo 2 nmod
     that PRON that 8 nsubj
     has AUX have 8 aux
     killed VERB kill 2 acl:relcl VBN
     thousands NOUN thousand 8 obj
     . PUNCT . 2 punct`,
    [congo],
  );
  assert.deepEqual(extractEvents(ctx, found).map((event) => event.cameo), []);
});

test('whom a speaker told is not an actor of the reported clause ("told Reuters the group would continue talks with X")', () => {
  const reuters: EntitySpec = { id: 'rtr', name: 'Reuters', type: 'ORG', code: 'GBRMED', mentions: ['Reuters'] };
  const { ctx, found } = fixture(
    `spokesman NOUN spokesman 2 nsubj
     told VERB tell 0 root
     Reuters PROPN Reuters 2 iobj
     talks NOUN talk 6 nsubj
     would AUX would 6 aux
     continue VERB continue 2 ccomp
     with ADP with 8 case
     Peru PROPN Peru 6 obl
     . PUNCT . 2 punct`,
    [reuters, peru],
    [],
    false,
  );
  for (const event of extractEvents(ctx, found)) assert.ok(!event.source.includes('rtr'), JSON.stringify(event));
});

test('a past participle after its noun is passive: "the Peruvian citizens detained in Chile" underwent the detention', () => {
  const { ctx, found } = fixture(
    `Lima PROPN Lima 2 nsubj
     demanded VERB demand 0 root
     the DET the 5 det
     Peruvian ADJ Peruvian 5 amod
     citizens NOUN citizen 2 obj
     detained VERB detain 5 acl VBN
     in ADP in 8 case
     Chile PROPN Chile 6 obl
     . PUNCT . 2 punct`,
    [chile, { ...peru, mentions: ['Peruvian', 'Lima'] }],
  );
  const detention = extractEvents(ctx, found).find((event) => event.trigger.text === 'detained');
  assert.ok(detention);
  assert.ok(!detention.source.includes('per'), JSON.stringify(detention));
  assert.ok(detention.target.includes('per'), JSON.stringify(detention));
});

test('a common-noun subject that names no actor leaves the source unknown, not borrowed from a place named nearby', () => {
  const santiago: EntitySpec = { id: 'scl', name: 'Santiago', code: 'CHL', mentions: ['Santiago'] };
  const { ctx, found } = fixture(
    `In ADP in 2 case
     Santiago PROPN Santiago 6 obl
     , PUNCT , 6 punct
     workers NOUN worker 6 nsubj
     have AUX have 6 aux
     demolished VERB demolish 0 root VBN
     the DET the 9 det
     Peruvian ADJ Peruvian 9 amod
     embassy NOUN embassy 6 obj
     . PUNCT . 6 punct`,
    [santiago, peru],
  );
  const demolition = extractEvents(ctx, found).find((event) => event.trigger.text === 'demolished');
  assert.ok(demolition);
  assert.deepEqual(demolition.source, []);
});

test('"an accord signed between A and B": with no agent, the two sides did it, not an actor named before', () => {
  const { ctx, found } = fixture(
    `Peru PROPN Peru 2 nsubj
     welcomed VERB welcome 0 root
     the DET the 4 det
     accord NOUN accord 2 obj
     signed VERB sign 4 acl VBN
     between ADP between 7 case
     Chile PROPN Chile 5 obl
     and CCONJ and 9 cc
     Bolivia PROPN Bolivia 7 conj
     . PUNCT . 2 punct`,
    [chile, peru, bolivia],
  );
  const signing = extractEvents(ctx, found).find((event) => event.trigger.text === 'signed');
  assert.ok(signing);
  assert.deepEqual(signing.source.slice().sort(), ['bol', 'chl']);
});

test('"and plans to expel …" is planned even when the tagger reads "plans" as a noun', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     closed VERB close 0 root
     the DET the 4 det
     border NOUN border 2 obj
     and CCONJ and 6 cc
     plans NOUN plan 2 conj
     to PART to 8 mark
     expel VERB expel 2 advcl VB
     Peruvian ADJ Peruvian 10 amod
     diplomats NOUN diplomat 8 obj
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  const expulsion = extractEvents(ctx, found).find((event) => event.trigger.text === 'expel');
  assert.ok(expulsion);
  assert.equal(expulsion.status, 'planned');
});

test('a time describing a noun does not date the act ("thanked Peru for its support during the 2020 war")', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     thanked VERB thank 0 root
     Peru PROPN Peru 2 obj
     for ADP for 6 case
     its PRON its 6 nmod:poss
     support NOUN support 2 obl
     during ADP during 10 case
     the DET the 10 det
     2020 NUM 2020 10 nummod
     war NOUN war 6 nmod
     . PUNCT . 2 punct`,
    [chile, peru],
    [{ id: 't1', text: '2020', value: '2020' }],
  );
  const thanks = extractEvents(ctx, found).find((event) => event.trigger.text === 'thanked');
  assert.ok(thanks);
  assert.equal(thanks.when.value, null);
});

test('what was discussed is a topic, not a party: "discussed a pipeline to Arica" has no target, "with Peru" does', () => {
  const arica: EntitySpec = { id: 'ari', name: 'Arica', code: 'CHL', mentions: ['Arica'] };
  for (const parsed of [true, false]) {
    const { ctx, found } = fixture(
      `Bolivia PROPN Bolivia 2 nsubj
       discussed VERB discuss 0 root
       a DET a 4 det
       pipeline NOUN pipeline 2 obj
       to ADP to 6 case
       Arica PROPN Arica 4 nmod
       with ADP with 8 case
       Peru PROPN Peru 2 obl
       . PUNCT . 2 punct`,
      [bolivia, peru, arica],
      [],
      parsed,
    );
    const talk = extractEvents(ctx, found).find((event) => event.trigger.text === 'discussed');
    assert.ok(talk, `parsed: ${parsed}`);
    assert.ok(!talk.target.includes('ari'), `parsed: ${parsed}: ${JSON.stringify(talk.target)}`);
    if (parsed) assert.deepEqual(talk.target, ['per']);
  }
});

test('an act told as happening but dated after the publication day is planned ("when they meet … next month")', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     meets VERB meet 0 root VBZ
     Peru PROPN Peru 2 obj
     in ADP in 6 case
     next ADJ next 6 amod
     month NOUN month 2 obl
     . PUNCT . 2 punct`,
    [chile, peru],
    [{ id: 't1', text: 'next month', value: '2025-09' }],
  );
  const meeting = extractEvents(ctx, found).find((event) => event.trigger.text === 'meets');
  assert.ok(meeting);
  assert.equal(meeting.status, 'planned');
});

test('a place "in" a thing only locates it: "raided the agency’s office in Santiago" targets the agency', () => {
  const agency: EntitySpec = { id: 'efe', name: 'EFE', type: 'ORG', code: 'ESPMED', mentions: ['agency'] };
  const santiago: EntitySpec = { id: 'scl', name: 'Santiago', code: 'CHL', mentions: ['Santiago'] };
  const { ctx, found } = fixture(
    `Police NOUN police 2 nsubj
     raided VERB raid 0 root
     the DET the 4 det
     agency NOUN agency 6 nmod:poss
     's PART 's 4 case
     office NOUN office 2 obj
     in ADP in 8 case
     Santiago PROPN Santiago 6 nmod
     . PUNCT . 2 punct`,
    [agency, santiago],
  );
  const raid = extractEvents(ctx, found).find((event) => event.trigger.text === 'raided');
  assert.ok(raid);
  assert.deepEqual(raid.target, ['efe']);
});

test('"plan to appeal" is a court matter: the infinitive marker is not the "to" of "appeal to"', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     plans VERB plan 0 root VBZ
     to PART to 4 mark
     appeal VERB appeal 2 xcomp VB
     the DET the 6 det
     ruling NOUN ruling 4 obj
     against ADP against 8 case
     Peru PROPN Peru 6 nmod
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  assert.deepEqual(extractEvents(ctx, found).filter((event) => event.cameo === '020'), []);
});

test('"called on Peru to withdraw": the addressee does the demanded act, whatever the linear reading says', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     called VERB call 0 root
     on ADP on 4 case
     Peru PROPN Peru 2 obl
     to PART to 6 mark
     withdraw VERB withdraw 2 xcomp VB
     its PRON its 8 nmod:poss
     troops NOUN troop 6 obj
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  const withdrawal = extractEvents(ctx, found).find((event) => event.trigger.text === 'withdraw');
  assert.ok(withdrawal);
  assert.deepEqual(withdrawal.source, ['per']);
  assert.equal(withdrawal.status, 'demanded');
});

test('a hedge "according to state media" is its own words, without the punctuation before it', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     warned VERB warn 0 root
     Peru PROPN Peru 2 obj
     , PUNCT , 8 punct
     according VERB accord 8 case
     to ADP to 5 fixed
     state NOUN state 8 compound
     media NOUN media 2 obl
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  const warning = extractEvents(ctx, found).find((event) => event.trigger.text === 'warned');
  assert.ok(warning);
  assert.equal(warning.hedge, 'according to state media');
});

test('a capitalised word inside a title-case run names no act ("a formal Peace Signing Ceremony")', () => {
  const peace: EntitySpec = { id: 'pea', name: 'Peace', type: 'ORG', mentions: ['Peace'] };
  const ceremony: EntitySpec = { id: 'cer', name: 'Ceremony', type: 'EVENT', mentions: ['Ceremony'] };
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     attended VERB attend 0 root
     a DET a 4 det
     Peace NOUN peace 2 obj
     Signing VERB sign 4 acl VBG
     Ceremony PROPN Ceremony 5 obj
     . PUNCT . 2 punct`,
    [chile, peace, ceremony],
  );
  assert.ok(!extractEvents(ctx, found).some((event) => event.trigger.text === 'Signing'));
});

test('an unarmed clash is a quarrel (110), or a violent protest among crowds and police (145); soldiers clashing fight (190)', () => {
  const church: EntitySpec = { id: 'chu', name: 'Chilean Evangelical Church', type: 'ORG', code: 'CHLREL', mentions: ['church'] };
  const president: EntitySpec = { id: 'pre', name: 'Gabriel Boric', type: 'PERSON', code: 'CHLGOV', mentions: ['Boric'] };
  const quarrel = fixture(
    `The DET the 2 det
     church NOUN church 3 nsubj
     clashed VERB clash 0 root
     with ADP with 5 case
     Boric PROPN Boric 3 obl
     . PUNCT . 3 punct`,
    [church, president],
  );
  assert.equal(only(extractEvents(quarrel.ctx, quarrel.found), '11').cameo, '110');
  const police: EntitySpec = { id: 'pol', name: 'Chilean police', type: 'ORG', code: 'CHLCOP', mentions: ['police'] };
  const street = fixture(
    `Students NOUN student 2 nsubj
     clashed VERB clash 0 root
     with ADP with 4 case
     police NOUN police 2 obl
     in ADP in 6 case
     Chile PROPN Chile 2 obl
     . PUNCT . 2 punct`,
    [chile, police],
  );
  assert.equal(only(extractEvents(street.ctx, street.found), '14').cameo, '145');
  const soldiers: EntitySpec = { id: 'sol', name: 'Chilean soldiers', type: 'ORG', code: 'CHLMIL', mentions: ['Chilean soldiers'] };
  const troops: EntitySpec = { id: 'tro', name: 'Peruvian troops', type: 'ORG', code: 'PERMIL', mentions: ['Peruvian troops'] };
  const battle = fixture(
    `Chilean ADJ Chilean 2 amod
     soldiers NOUN soldier 3 nsubj
     clashed VERB clash 0 root
     with ADP with 6 case
     Peruvian ADJ Peruvian 6 amod
     troops NOUN troop 3 obl
     . PUNCT . 3 punct`,
    [soldiers, troops],
  );
  assert.equal(only(extractEvents(battle.ctx, battle.found), '19').cameo, '190');
  // States clashing fight; leaders clashing quarrel.
  const states = fixture(
    `Chile PROPN Chile 2 nsubj
     clashed VERB clash 0 root
     with ADP with 4 case
     Peru PROPN Peru 2 obl
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  assert.equal(only(extractEvents(states.ctx, states.found), '19').cameo, '190');
  // The noun keeps its code: "the clashes between Chile and Peru".
  const noun = fixture(
    `The DET the 2 det
     clashes NOUN clash 5 nsubj
     between ADP between 4 case
     Chile PROPN Chile 2 nmod
     continued VERB continue 0 root
     . PUNCT . 5 punct`,
    [chile],
  );
  assert.ok(!extractEvents(noun.ctx, noun.found).some((event) => event.root === '11'));
});

test('"two Peruvians died during police raids": the subject suffered the raid, it did not raid', () => {
  const peruvians: EntitySpec = { id: 'pes', name: 'Peruvians', type: 'NORP', code: 'PER', mentions: ['Peruvians'] };
  const { ctx, found } = fixture(
    `Two NUM two 2 nummod
     Peruvians PROPN Peruvians 3 nsubj
     died VERB die 0 root
     during ADP during 6 case
     police NOUN police 6 compound
     raids NOUN raid 3 obl
     in ADP in 8 case
     Chile PROPN Chile 6 nmod
     . PUNCT . 3 punct`,
    [peruvians, chile],
  );
  const raid = only(extractEvents(ctx, found), '17');
  assert.ok(!raid.source_actors.includes('PER'), JSON.stringify(raid));
});

test('a passive whose subject names no actor borrows none from around it ("the detainees were suspected of fraud")', () => {
  const ministry: EntitySpec = { id: 'min', name: 'Interior Ministry', type: 'ORG', code: 'CHLGOV', mentions: ['Ministry'] };
  const { ctx, found } = fixture(
    `Chile PROPN Chile 3 nmod:poss
     's PART 's 1 case
     Ministry PROPN Ministry 4 nsubj
     said VERB say 0 root
     the DET the 6 det
     detainees NOUN detainee 8 nsubj:pass
     were AUX be 8 aux:pass
     suspected VERB suspect 4 ccomp VBN
     of ADP of 10 case
     fraud NOUN fraud 8 obl
     . PUNCT . 4 punct`,
    [chile, ministry],
  );
  assert.deepEqual(extractEvents(ctx, found).filter((event) => event.trigger.text === 'suspected'), []);
});

test('a present tense after "before" or "until" tells of what lies ahead; "hopes to" is hoped for, not planned', () => {
  const before = fixture(
    `Chile PROPN Chile 2 nsubj
     waits VERB wait 0 root
     before SCONJ before 5 mark
     it PRON it 5 nsubj
     signs VERB sign 2 advcl VBZ
     a DET a 7 det
     treaty NOUN treaty 5 obj
     with ADP with 9 case
     Peru PROPN Peru 5 obl
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  assert.equal(only(extractEvents(before.ctx, before.found), '05').status, 'planned');
  const hope = fixture(
    `Chile PROPN Chile 2 nsubj
     hopes VERB hope 0 root VBZ
     to PART to 4 mark
     sign VERB sign 2 xcomp VB
     a DET a 6 det
     treaty NOUN treaty 4 obj
     with ADP with 8 case
     Peru PROPN Peru 4 obl
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  assert.equal(only(extractEvents(hope.ctx, hope.found), '05').status, 'hoped');
});

test('a time inside a relative clause describes its noun and does not date the main act', () => {
  const monday: TimeSpec = { id: 't1', text: 'Monday', value: '2025-08-11' };
  const { ctx, found } = fixture(
    `Chile PROPN Chile 11 nsubj
     , PUNCT , 1 punct
     which PRON which 5 nsubj:pass
     is AUX be 5 aux:pass
     expected VERB expect 1 acl:relcl VBN
     to PART to 7 mark
     host VERB host 5 xcomp VB
     talks NOUN talk 7 obj
     on ADP on 10 case
     Monday PROPN Monday 8 nmod
     criticised VERB criticise 0 root
     Peru PROPN Peru 11 obj
     . PUNCT . 11 punct`,
    [chile, peru],
    [monday],
  );
  const criticism = only(extractEvents(ctx, found), '11');
  assert.equal(criticism.when.value, null, JSON.stringify(criticism.when));
});

test('the only source named again as its own target is dropped from the targets (whole pipeline)', () => {
  const text = 'Presidential spokesman Rodrigo Soto told reporters that Chile had learned to live with high copper prices and warned that Argentina would suffer more than Chile.';
  const analysis = analyzeText('warning.txt', text, '2025-06-24');
  const warning = analysis.events.find((event) => event.trigger.text === 'warned');
  assert.ok(warning, JSON.stringify(analysis.events.map((event) => event.trigger.text)));
  assert.ok(!warning.target_actors.some((code) => warning.source_actors.includes(code)), JSON.stringify(warning));
});

test('crowds storming a building riot (145), and an infinitive borrows no source its controller’s common-noun subject lacks', () => {
  const palace: EntitySpec = { id: 'pal', name: 'Government Palace', type: 'FAC', code: null, mentions: ['palace'] };
  const police: EntitySpec = { id: 'pol', name: 'Peruvian police', type: 'ORG', code: 'PERCOP', mentions: ['Peruvian police'] };
  const { ctx, found } = fixture(
    `Peruvian ADJ Peruvian 2 amod
     police NOUN police 3 nsubj
     detained VERB detain 0 root
     dozens NOUN dozen 3 obj
     after SCONJ after 7 mark
     protesters NOUN protester 7 nsubj
     tried VERB try 3 advcl
     to PART to 9 mark
     storm VERB storm 7 xcomp VB
     the DET the 11 det
     palace NOUN palace 9 obj
     . PUNCT . 3 punct`,
    [police, palace],
  );
  const storming = extractEvents(ctx, found).find((event) => event.trigger.text === 'storm');
  assert.ok(storming);
  assert.equal(storming.cameo, '145');
  assert.deepEqual(storming.source_actors, [], JSON.stringify(storming));
});

test('"welcomed …, but warned that the involvement of outside powers could undermine …": the warning is the welcomer’s, and a deed as subject names no doer', () => {
  const { ctx, found } = fixture(
    `Chile PROPN Chile 2 nsubj
     welcomed VERB welcome 0 root
     the DET the 4 det
     deal NOUN deal 2 obj
     signed VERB sign 4 acl VBN
     by ADP by 7 case
     Peru PROPN Peru 5 obl:agent
     and CCONJ and 9 cc
     Bolivia PROPN Bolivia 7 conj
     , PUNCT , 12 punct
     but CCONJ but 12 cc
     warned VERB warn 2 conj
     that SCONJ that 20 mark
     the DET the 15 det
     involvement NOUN involvement 20 nsubj NN
     of ADP of 18 case
     outside ADJ outside 18 amod
     powers NOUN power 15 nmod NNS
     could AUX could 20 aux
     undermine VERB undermine 12 ccomp VB
     stability NOUN stability 20 obj
     . PUNCT . 2 punct`,
    [chile, peru, bolivia],
  );
  const events = extractEvents(ctx, found);
  const warning = events.find((event) => event.trigger.text === 'warned');
  assert.ok(warning);
  assert.deepEqual(warning.source_actors, ['CHL'], JSON.stringify(warning));
  assert.ok(!events.some((event) => event.trigger.text === 'undermine'), JSON.stringify(events.map((event) => `${event.trigger.text} ${event.source_actors}`)));
});

test('an act the parse gives a common-noun subject takes no source from the linear reading, even when the parse found no frame for it', () => {
  const lima: EntitySpec = { id: 'lim', name: 'Lima', code: 'PER', mentions: ['Lima'] };
  const { ctx, found } = fixture(
    `In ADP in 2 case
     Lima PROPN Lima 0 root
     , PUNCT , 6 punct
     workers NOUN worker 6 nsubj NNS
     have AUX have 6 aux
     demolished VERB demolish 2 acl:relcl VBN
     the DET the 8 det
     building NOUN building 6 obj
     . PUNCT . 2 punct`,
    [lima],
  );
  const demolition = extractEvents(ctx, found).find((event) => event.trigger.text === 'demolished');
  assert.ok(!demolition || demolition.source_actors.length === 0, JSON.stringify(demolition));
});

test('an infinitive after a demand verb with no finite verb between is demanded, wherever the parse hung it ("called for the head of the court, Ana Ruiz, to step down")', () => {
  const ruiz: EntitySpec = { id: 'ruz', name: 'Ana Ruiz', type: 'PERSON', code: 'PERJUD', mentions: ['Ruiz'] };
  const { ctx, found } = fixture(
    `Peru PROPN Peru 3 nsubj
     has AUX have 3 aux VBZ
     called VERB call 0 root VBN
     for ADP for 6 case
     the DET the 6 det
     head NOUN head 3 obl
     , PUNCT , 8 punct
     Ruiz PROPN Ruiz 3 parataxis
     , PUNCT , 11 punct
     to PART to 11 mark
     resign VERB resign 8 acl VB
     . PUNCT . 3 punct`,
    [peru, ruiz],
  );
  const resignation = extractEvents(ctx, found).find((event) => event.trigger.text === 'resign');
  assert.ok(resignation);
  assert.equal(resignation.status, 'demanded');
});

test('who brokered an act is no party to it: "a U.S.-brokered truce between Chile and Peru" has no U.S. source', () => {
  const usa: EntitySpec = { id: 'usa', name: 'United States', code: 'USA', mentions: ['U.S.'] };
  const { ctx, found } = fixture(
    `The DET the 4 det
     U.S. PROPN U.S. 3 obl:npmod
     brokered VERB broker 4 amod VBN
     truce NOUN truce 0 root
     between ADP between 6 case
     Chile PROPN Chile 4 nmod
     and CCONJ and 8 cc
     Peru PROPN Peru 6 conj
     . PUNCT . 4 punct`,
    [usa, chile, peru],
  );
  const truce = extractEvents(ctx, found).find((event) => event.trigger.text === 'truce');
  assert.ok(!truce || !truce.source_actors.includes('USA'), JSON.stringify(truce));
});

test('what a meeting is about is its topic: "a summit on Peru’s future" has no target Peru', () => {
  const { ctx, found } = fixture(
    `Leaders NOUN leader 2 nsubj NNS
     held VERB hold 0 root
     a DET a 4 det
     summit NOUN summit 2 obj
     on ADP on 7 case
     Peru PROPN Peru 7 nmod:poss
     future NOUN future 4 nmod
     in ADP in 9 case
     Chile PROPN Chile 2 obl
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  const events = extractEvents(ctx, found);
  assert.ok(!events.some((event) => event.target_actors.includes('PER')), JSON.stringify(events.map((event) => `${event.trigger.text} ${event.target_actors}`)));
  // The same with a coded subject, read through the parse.
  const named = fixture(
    `Chile PROPN Chile 2 nsubj
     held VERB hold 0 root
     a DET a 4 det
     summit NOUN summit 2 obj
     on ADP on 7 case
     Peru PROPN Peru 7 nmod:poss
     future NOUN future 4 nmod
     . PUNCT . 2 punct`,
    [chile, peru],
  );
  const held = extractEvents(named.ctx, named.found);
  assert.ok(held.some((event) => event.source_actors.includes('CHL')), JSON.stringify(held));
  assert.ok(!held.some((event) => event.target_actors.includes('PER')), JSON.stringify(held.map((event) => `${event.trigger.text} ${event.target_actors}`)));
});

test('a venue named with an event noun is where it was held ("the Lima summit"), and a participle describing a noun performs nothing ("the attention surrounding the Lima talks")', () => {
  const lima: EntitySpec = { id: 'lim', name: 'Lima', type: 'GPE', code: 'PER', kbId: 'place:lima', mentions: ['Lima'] };
  const summit = fixture(
    `The DET the 3 det
     Lima PROPN Lima 3 compound
     summit NOUN summit 4 nsubj
     ended VERB end 0 root
     . PUNCT . 4 punct`,
    [lima],
  );
  assert.ok(!extractEvents(summit.ctx, summit.found).some((event) => event.source_actors.includes('PER')));
  const chileans: EntitySpec = { id: 'chs', name: 'Chileans', type: 'NORP', code: 'CHL', mentions: ['Chilean'] };
  const attention = fixture(
    `Chilean ADJ Chilean 2 amod
     attention NOUN attention 8 nsubj
     surrounding VERB surround 2 acl VBG
     the DET the 7 det
     Lima PROPN Lima 7 compound
     peace NOUN peace 7 compound
     talks NOUN talk 3 obj
     grew VERB grow 0 root
     . PUNCT . 8 punct`,
    [chileans, lima],
  );
  const talks = extractEvents(attention.ctx, attention.found).find((event) => event.trigger.text === 'talks');
  assert.ok(!talks || !talks.source_actors.includes('CHL'), JSON.stringify(talks));
});

test('an invited or asked-for act lies ahead and does not date the inviting; "unlikely to" is only possible', () => {
  const text = 'Chilean President Gabriel Boric invited Peru’s president to visit Santiago in December. Bolivia is unlikely to offer Peru any apology.';
  const analysis = analyzeText('invite.txt', text, '2025-10-15');
  const visit = triggered(analysis, 'visit');
  assert.equal(visit.status, 'planned');
  assert.equal(visit.when.value, '2025-12');
  const invited = triggered(analysis, 'invited');
  assert.notEqual(invited.when.value, '2025-12');
  assert.equal(triggered(analysis, 'offer').status, 'possible');
});

test('an anonymity formula, a reporter\'s question and an accident report code no event', () => {
  const text = 'A senior Chilean official who asked not to be named said the border would stay open. Asked whether she would visit Lima, the minister said no. A Peruvian airliner crashed near Arica in May, killing 12 of the 40 people on board.';
  const analysis = analyzeText('silent.txt', text, '2025-10-15');
  const triggers = analysis.events.map((event) => event.trigger.text.toLowerCase());
  assert.ok(!triggers.includes('asked'), JSON.stringify(triggers));
  assert.ok(!triggers.includes('killing'), JSON.stringify(triggers));
});

test('"X, an adviser to Y, warned": X acts for Y\'s side; "with or without Russia" names no party; a region only qualifies the party beside it', () => {
  const text = 'Ali Akbar Velayati, an adviser to Supreme Leader Ali Khamenei, warned that Iran would block the corridor with or without Russia. The EU\'s special representative for the South Caucasus, Magdalena Grono, met Ararat Mirzoyan in Yerevan.';
  const analysis = analyzeText('adviser.txt', text, '2025-10-15');
  const name = (id: string): string | undefined => analysis.entities.find((entity) => entity.id === id)?.name;
  const warned = triggered(analysis, 'warned');
  assert.deepEqual(warned.source.map(name), ['Ali Akbar Velayati']);
  assert.deepEqual(warned.source_actors, ['IRNGOV']);
  const block = triggered(analysis, 'block');
  assert.ok(!block.target.map(name).includes('Russia'), JSON.stringify(block.target.map(name)));
  const met = triggered(analysis, 'met');
  assert.deepEqual(met.source.map(name), ['Magdalena Grono']);
  assert.deepEqual(met.source_actors, ['IGOEUREEC']);
});

test('a dateline crowd, a phone call, an act awaited "as soon as" it is done, and a summit someone skipped', () => {
  const text = 'LIMA, Oct 15 - Police detained more than 200 protesters outside parliament on Sunday. Chilean President Gabriel Boric spoke with Peru’s president by phone on Tuesday. Bolivia is ready to reopen the border as soon as the agreement between Chile and Peru is signed. Peru’s president skipped the summit in Santiago. Chile says 4,000 of its own citizens have returned.';
  const analysis = analyzeText('crowd.txt', text, '2025-10-15');
  const event = (trigger: string): EventOut => triggered(analysis, trigger);
  assert.deepEqual(event('detained').target_actors, ['PEROPP']);
  assert.equal(event('spoke').cameo, '041');
  assert.deepEqual(event('spoke').source_actors, ['CHLGOV']);
  assert.equal(event('signed').status, 'planned');
  assert.equal(event('summit').status, 'negated');
  assert.ok(!analysis.entities.some((entity) => entity.actor?.code === 'PERCVL'), 'Chile\'s own citizens are not Peru\'s');
});

test('welcoming a thing approves it (051); welcoming a delegation hosts it (043)', () => {
  const text = 'Chile’s foreign ministry welcomed the constructive atmosphere of the talks. Chilean President Gabriel Boric welcomed the Peruvian delegation in Santiago.';
  const analysis = analyzeText('welcome.txt', text, '2025-07-10');
  const welcomes = analysis.events.filter((event) => event.trigger.text === 'welcomed');
  assert.deepEqual(welcomes.map((event) => event.cameo), ['051', '043'], JSON.stringify(analysis.events.map((event) => [event.trigger.text, event.cameo])));
});

test('with no doer named, the parties of a mutual act are its source and target', () => {
  const text = 'A defence agreement between Chile and Peru was signed in Lima on Monday. Talks between Bolivia and Chile were held in La Paz.';
  const analysis = analyzeText('mutual.txt', text, '2025-07-10');
  const signed = triggered(analysis, 'signed');
  assert.deepEqual([signed.source_actors, signed.target_actors], [['CHL'], ['PER']]);
  // "Talks … were held": the light verb with its passive subject codes the talks.
  const talks = only(analysis.events, '04');
  assert.equal(talks.cameo, '046');
  assert.deepEqual([talks.source_actors, talks.target_actors], [['BOL'], ['CHL']]);
});

test('"was handed a note of protest": a passive of a two-object verb keeps its object, and the subject is the target of an official complaint', () => {
  const text = 'The Chilean ambassador was handed a note of protest in Lima on Tuesday.';
  const analysis = analyzeText('note.txt', text, '2025-07-10');
  const handed = triggered(analysis, 'handed');
  assert.equal(handed.cameo, '114');
  assert.deepEqual(handed.source_actors, []);
  assert.deepEqual(handed.target_actors, ['CHLGOV']);
});

test('receiving a sentence is no hosting, however the parse hung the verb', () => {
  const text = 'Four of them, including Vargas, received life sentences, while the others were given prison terms.';
  const analysis = analyzeText('sentences.txt', text, '2025-09-29');
  assert.ok(!analysis.events.some((event) => event.cameo === '043'), JSON.stringify(analysis.events.map((event) => [event.trigger.text, event.cameo])));
});

test('an event noun a verb of denial takes as its object is denied ("denied the arrests")', () => {
  const text = 'Peru denied the arrests of Chilean citizens.';
  const analysis = analyzeText('denied.txt', text, '2025-07-10');
  const arrests = triggered(analysis, 'arrests');
  assert.equal(arrests.status, 'denied');
});

test('inside a direct quote "we" and "I" are its speaker, a party of what they say they will do', () => {
  const text = '"We will not sign anything under pressure," Chilean Foreign Minister Elena Morales told reporters on Friday.\n\n"I will meet President Vargas next week in Lima," Peruvian Prime Minister Tigran Avetisyan said.';
  const analysis = analyzeText('first-person.txt', text, '2025-03-04');
  const sign = triggered(analysis, 'sign');
  assert.equal(sign.status, 'negated');
  assert.deepEqual(sign.source_actors, ['CHLGOV']);
  const meet = triggered(analysis, 'meet');
  assert.equal(meet.status, 'planned');
  assert.deepEqual(meet.source_actors, ['PERGOV']);
});

test('a press release acts as "we"; an opinion ("we consider …") is no consultation', () => {
  const text = 'We call on the Peruvian side to release the detained fishermen. "We consider these proceedings to be politically motivated," she said.';
  const analysis = pipeline.analyze({ source: 'release.txt', text, title: null, outlet: 'Ministry of Foreign Affairs of the Republic of Chile', author: null, agency: null, url: null, published: '2025-03-04', published_source: 'given' });
  const call = triggered(analysis, 'call');
  assert.deepEqual([call.source_actors, call.target_actors], [['CHLGOV'], ['PER']]);
  assert.ok(!analysis.events.some((event) => event.trigger.text === 'consider'), JSON.stringify(analysis.events.map((event) => [event.trigger.text, event.cameo])));
});


test('closing a foreign post cuts relations, closing an office or a bureau restricts; cargo travelling through a country is no act', () => {
  const text = 'Peru ordered the closure of the Chilean consulate in Arequipa on Tuesday. Bolivia has closed the local bureau of Chilean state television. The grain travelled by rail through Bolivia before reaching the port.';
  const analysis = analyzeText('closure.txt', text, '2025-02-14');
  const closure = triggered(analysis, 'closure');
  assert.deepEqual([closure.cameo, closure.source_actors], ['161', ['PER']]);
  const closed = triggered(analysis, 'closed');
  assert.deepEqual([closed.cameo, closed.source_actors], ['172', ['BOL']]);
  assert.ok(!analysis.events.some((event) => event.trigger.text === 'travelled'), JSON.stringify(analysis.events.map((event) => [event.trigger.text, event.cameo])));
});

test('a town or a way is where an act happens, not its party; a post abroad names its host; force lands on a place', () => {
  const text = 'Chile has promised to help build a rail route through La Paz. Peru agreed to hold a summit in Santiago in January. Chile opened an embassy in La Paz on Monday. Peruvian forces shelled positions in Santiago.';
  const analysis = analyzeText('venues.txt', text, '2025-10-10');
  const promised = triggered(analysis, 'promised');
  assert.deepEqual([promised.source_actors, promised.target_actors], [['CHL'], []]);
  assert.ok(!analysis.events.some((event) => event.target_actors.includes('CHL') && event.source_actors.includes('PER') && event.root === '03'), JSON.stringify(analysis.events.map((event) => [event.trigger.text, event.source_actors, event.target_actors])));
  const opened = analysis.events.find((event) => event.source_actors.includes('CHL') && event.target_actors.includes('BOL'));
  assert.ok(opened, JSON.stringify(analysis.events.map((event) => [event.trigger.text, event.source_actors, event.target_actors])));
  assert.deepEqual(triggered(analysis, 'shelled').target_actors, ['CHL']);
});

test('an intent expressed now keeps its status; the future date belongs to the intended act', () => {
  const analysis = analyzeText('intent.txt', 'Peru and Chile also agreed to set up a joint working group on the old bridge, which they hope will start work early next year.', '2025-11-04');
  const agreed = triggered(analysis, 'agreed');
  assert.equal(agreed.root, '03');
  assert.equal(agreed.status, 'occurred');
  assert.equal(agreed.when.value?.startsWith('2026') ?? false, false);
});

test('being told of an act is no doing of it, and the means of a possible act is possible too', () => {
  const text = 'The Chilean embassy said it had not been informed of the arrest of two Chilean fishermen. Bolivia may try to sabotage the deal by pressuring Peru over gas prices.';
  const analysis = analyzeText('means.txt', text, '2025-07-12');
  const arrest = triggered(analysis, 'arrest');
  assert.equal(arrest.status, 'occurred');
  assert.ok(!arrest.source_actors.some((code) => code.startsWith('CHL')), JSON.stringify(arrest));
  assert.equal(triggered(analysis, 'pressuring').status, 'possible');
});

test('ordering a body to close restricts it; the closure of a named centre in a city targets the centre, not the city', () => {
  const text = 'Peru ordered the closure of the Chile House cultural centre in Lima on Tuesday. Bolivian authorities on Wednesday instructed Chile House to cease operations.';
  const analysis = analyzeText('orders.txt', text, '2025-02-14');
  const closure = triggered(analysis, 'closure');
  assert.deepEqual([closure.cameo, closure.source_actors, closure.target_actors], ['172', ['PER'], ['CHL']]);
  const instructed = triggered(analysis, 'instructed');
  assert.deepEqual([instructed.cameo, instructed.target_actors], ['172', ['CHL']]);
});

test('expelling ordinary people is deporting them; voting against is rejecting; a tone struck is no act', () => {
  const text = 'At least 300 Bolivian citizens had been expelled from Peru since June. Chilean Foreign Minister Jorge Vidal struck a sharper tone. The Peruvian opposition voted against the bill.';
  const analysis = analyzeText('lexicon.txt', text, '2025-07-14');
  assert.equal(triggered(analysis, 'expelled').cameo, '174');
  assert.ok(!analysis.events.some((event) => event.trigger.text === 'struck'), JSON.stringify(analysis.events.map((event) => [event.trigger.text, event.cameo])));
  assert.equal(triggered(analysis, 'voted').root, '12');
});

test('a reaction told as a noun names who reacted after "from" ("drew a strong protest from Lima")', () => {
  const analysis = analyzeText('from.txt', 'The strike on the depot drew an unusually strong protest from Lima. The offensive drew criticism from Chile.', '2025-08-09');
  assert.deepEqual(triggered(analysis, 'protest').source_actors, ['PERGOV']);
  assert.deepEqual(triggered(analysis, 'criticism').source_actors, ['CHL']);
});

test('amendments tabled by the opposition are proposed, not postponed', () => {
  const analysis = analyzeText('table.txt', 'The Peruvian government ignored 14 amendments tabled by the Chilean delegation.', '2025-03-26');
  assert.ok(!analysis.events.some((event) => event.trigger.text === 'tabled'), JSON.stringify(analysis.events.map((event) => [event.trigger.text, event.cameo])));
});

test('a passive agent the parser hung on a place still acts ("was met at the airport by X"); arriving in a capital is a visit', () => {
  const analysis = analyzeText('met.txt', 'Chilean President Gabriel Boric arrived in the Peruvian capital on Wednesday evening and was met at the airport by Peruvian Prime Minister Eduardo Arana.', '2025-05-22');
  assert.equal(triggered(analysis, 'arrived').cameo, '042');
  const met = triggered(analysis, 'met');
  assert.deepEqual([met.source_actors, met.target_actors], [['PERGOV'], ['CHLGOV']]);
});

test('a time in a "since …" or "before …" clause dates that other happening, not the act', () => {
  const analysis = analyzeText('bounds', 'The presidents of Chile and Peru held their first meeting since relations collapsed in the summer. Chile expelled two Peruvian diplomats before Peru detained the reporters in June. Chile and Peru met on Thursday before the envoy flew home.', '2025-10-10');
  assert.equal(triggered(analysis, 'held').when.value, null);
  assert.equal(triggered(analysis, 'expelled').when.value, null);
  assert.equal(triggered(analysis, 'detained').when.value, '2025-06');
  assert.equal(triggered(analysis, 'met').when.value, '2025-10-09');
});

test('a town the parser hangs on the person met is where the meeting was', () => {
  const analysis = analyzeText('venue', 'Chilean Foreign Minister Jorge Vidal met his Peruvian counterpart Rosa Diaz in Arica on Monday. Vidal held talks with Bolivian Foreign Minister Luis Arce in Tarija on Tuesday. Vidal thanked the ambassador of Peru in Santiago.', '2025-12-09');
  assert.equal(triggered(analysis, 'met').where.name, 'Arica');
  assert.equal(triggered(analysis, 'thanked').where.name, null, 'a town named for what the person is is no venue');
});

test('an agreement initialled or signed in a city has the city as its venue, not as a party', () => {
  const analysis = analyzeText('signing', 'Chile and Peru initialled the border treaty in Arica on Monday.', '2025-12-09');
  const initialled = triggered(analysis, 'initialled');
  assert.equal(initialled.cameo, '057');
  assert.equal(initialled.where.name, 'Arica');
  const arica = analysis.entities.find((entity) => entity.name === 'Arica');
  assert.ok(arica && !initialled.target.includes(arica.id) && !initialled.source.includes(arica.id));
});

test('people handed over, returned or freed are released persons (0841); property returned is 0842', () => {
  const analysis = analyzeText('handover', 'Chile handed over 12 Peruvian detainees on Monday. Peru returned two Chilean soldiers. Bolivia returned the seized cargo.', '2025-11-20');
  assert.equal(triggered(analysis, 'handed').cameo, '0841');
  assert.equal(analysis.events.filter((event) => event.trigger.text === 'returned').map((event) => event.cameo).join(' '), '0841 0842');
});

test('an act told inside reports a sentence calls untrue is denied', () => {
  const analysis = analyzeText('untrue', 'Reports in Peruvian media that Chile had expelled the Peruvian ambassador on Thursday are untrue, the Chilean Foreign Ministry said. Claims that Bolivia shelled the border post are not true, officials said. Chile expelled two Bolivian diplomats.', '2025-11-14');
  const expelled = analysis.events.filter((event) => event.trigger.text === 'expelled');
  assert.deepEqual(expelled.map((event) => event.status), ['denied', 'occurred']);
  assert.equal(triggered(analysis, 'shelled').status, 'denied');
});

test('a vehicle\'s journey is no visit; a search of an office is a raid', () => {
  const analysis = analyzeText('vehicles', 'The plane was flying from Lima to Arica on Monday. The first freight train arrived in Bolivia on Friday. The Chilean president arrived in Lima on Friday. The Lima office of a Chilean newspaper was searched by Peruvian police.', '2025-07-01');
  const president = analysis.document.text.indexOf('The Chilean president');
  const visits = analysis.events.filter((event) => event.cameo === '042');
  assert.equal(visits.length, 1, 'only the president visits');
  assert.ok(visits[0].trigger.start > president);
  assert.equal(triggered(analysis, 'searched').cameo, '171');
});

test('freeing people named by a demonym or by name is releasing persons; releasing a statement is nothing', () => {
  const analysis = analyzeText('freed', 'Chile freed four Peruvians on Friday. Peru released Luis Arce on Saturday. Bolivia released a statement on Sunday.', '2025-11-16');
  assert.equal(triggered(analysis, 'freed').cameo, '0841');
  assert.equal(triggered(analysis, 'released').cameo, '0841');
  assert.equal(analysis.events.filter((event) => event.trigger.text === 'released').length, 1);
});

test('welcoming "it" or "this" is approval; welcoming a president is hosting', () => {
  const analysis = analyzeText('welcome-it', 'Chile announced the deal. "We welcome it," Peru said. Peru welcomed the Chilean president in Lima.', '2025-08-07');
  assert.equal(triggered(analysis, 'welcome').cameo, '051');
  assert.equal(triggered(analysis, 'welcomed').cameo, '043');
});

test('an agency reporting an act is no party to it, and speaks for itself, not for its country; police placed in a town act', () => {
  const analysis = analyzeText('agency', "Spain's news agency EFE reported on Monday that police in La Paz had detained four Chilean citizens. EFE said 40 people were questioned and five were charged.", '2025-11-20');
  const name = (id: string | null): string | undefined => analysis.entities.find((entity) => entity.id === id)?.name;
  const detained = triggered(analysis, 'detained');
  assert.deepEqual(detained.source_actors, ['BOLCOP']);
  assert.equal(name(detained.attribution?.speaker ?? null), 'EFE');
  assert.equal(name(analysis.quotes[0].speaker), 'EFE');
  const charged = triggered(analysis, 'charged');
  assert.deepEqual([...charged.source, ...charged.target], [], 'EFE only reports the charges');
});

test('a town is where an act happens, not who does it or whom it addresses; a visit\'s town is its place', () => {
  const analysis = analyzeText('towns', 'Opposition deputies in Lima criticised the treaty on Tuesday. The Bolivian foreign minister travelled to Arica on Monday. Chile and Peru met in Arica, where Peru apologised for the border incident.', '2025-11-20');
  const criticised = triggered(analysis, 'criticised');
  assert.deepEqual(criticised.source_actors, ['PERLEG']);
  assert.deepEqual(criticised.target, []);
  assert.equal(triggered(analysis, 'travelled').where.name, 'Arica');
  assert.deepEqual(triggered(analysis, 'apologised').source_actors, ['PER']);
});

test('being tempted to act, or spoiling a deal, is no event', () => {
  const analysis = analyzeText('tempted', 'The Chilean government may be tempted to spoil the deal.', '2025-11-20');
  assert.deepEqual(analysis.events.filter((event) => /tempted|spoil/.test(event.trigger.text)).map((event) => event.cameo), []);
});

test('an act asked about is only supposed, one it takes for granted (a gerund) is not; peacekeepers deployed protect; holding a region, preferring, gathering evidence are no consultations', () => {
  const analysis = analyzeText('questions', 'Did Chile regret closing the Peruvian consulate? Would Lima really prefer to sanction Chile? Peru expelled two Chilean diplomats. Peru deployed peacekeepers in the border zone in 2020. Peru controlled the valley for a decade. Chile gathered evidence of the attack. Putin apologised for the downing of the plane.', '2025-09-20');
  assert.equal(triggered(analysis, 'regret').status, 'hypothetical');
  assert.equal(triggered(analysis, 'closing').status, 'occurred');
  assert.equal(triggered(analysis, 'sanction').status, 'hypothetical');
  assert.equal(triggered(analysis, 'expelled').status, 'occurred');
  assert.equal(triggered(analysis, 'deployed').cameo, '074');
  assert.equal(triggered(analysis, 'gathered').cameo, '090');
  assert.equal(triggered(analysis, 'downing').root, '19');
  assert.deepEqual(analysis.events.filter((event) => /controlled|prefer/.test(event.trigger.text)).map((event) => event.cameo), []);
});

test('a verb of saying codes through a curated sense with its companion: recalling an ambassador, declaring a ceasefire; recalling that … codes nothing', () => {
  const analysis = analyzeText('recall', 'Peru recalled its ambassador from Santiago on Monday. Bolivia declared a ceasefire on Tuesday. The Chilean minister recalled that the talks had failed.', '2025-11-20');
  assert.equal(triggered(analysis, 'declared').cameo, '0871');
  const recalled = analysis.events.filter((event) => event.trigger.text === 'recalled');
  assert.deepEqual(recalled.map((event) => event.cameo), ['161']);
  assert.deepEqual(recalled[0].source_actors, ['PER']);
});

test('an act told as done in a later sentence of the paragraph with no time of its own happens on the story day the paragraph set, and says so', () => {
  const analysis = analyzeText('story-day', 'On Tuesday, Peruvian Foreign Minister Elmer Schialer arrived in Santiago. The two ministers signed a trade plan. Peru had signed a similar deal with Bolivia.\n\nChile expelled two Peruvian diplomats.', '2025-09-20');
  const arrived = triggered(analysis, 'arrived');
  assert.deepEqual(arrived.when, { time: arrived.when.time, value: '2025-09-16' });
  const signed = analysis.events.filter((event) => event.trigger.text === 'signed');
  assert.deepEqual(signed.map((event) => event.when), [{ time: arrived.when.time, value: '2025-09-16', carried: true }, { time: null, value: null }]);
  assert.equal(triggered(analysis, 'expelled').when.value, null, 'a new paragraph has no story day yet');
});

test('whoever is blamed for an act told as a noun did it, not whoever blames', () => {
  const analysis = analyzeText('blame', 'Chile blamed Peru for the downing of the plane.', '2025-11-20');
  assert.deepEqual(triggered(analysis, 'downing').source_actors, ['PER']);
  assert.deepEqual(triggered(analysis, 'blamed').source_actors, ['CHL']);
});

test('whoever protests against an act did not do it; people "accused of" a crime after their noun are its targets, whatever tense the tagger gave', () => {
  const analysis = analyzeText('reacted', "Lima summoned Chile's ambassador to protest against the arrests of Peruvian citizens in Arica. A court in Tacna began the trial of nine Bolivians accused of belonging to a smuggling ring.", '2025-11-20');
  const arrests = triggered(analysis, 'arrests');
  assert.deepEqual(arrests.source, [], JSON.stringify(arrests));
  const accused = triggered(analysis, 'accused');
  assert.deepEqual(accused.target_actors, ['BOL']);
  assert.ok(!accused.source_actors.includes('BOL'));
});

test('an act told in reports or claims a denial verb takes is denied, even when the tagger reads "reports" as a verb', () => {
  const analysis = analyzeText('denied-reports', 'The ministry denied reports that Peru retaliated. Chile rejected claims that Peru attacked.', '2025-11-20');
  assert.equal(triggered(analysis, 'retaliated').status, 'denied');
  assert.equal(triggered(analysis, 'attacked').status, 'denied');
});

test('a body placed in a town acts there; an infinitive after a call or a visit is the caller\'s purpose', () => {
  const analysis = analyzeText('placed-body', 'A court in Arica on Tuesday sentenced eight Peruvian citizens to prison terms. Chilean Foreign Minister Alberto van Klaveren telephoned his Peruvian counterpart on Tuesday to express support. Chile called on Peru to withdraw its troops.', '2025-11-20');
  assert.equal(triggered(analysis, 'sentenced').where.name, 'Arica');
  assert.deepEqual(triggered(analysis, 'express').source_actors, ['CHLGOV']);
  assert.deepEqual(triggered(analysis, 'withdraw').source_actors, ['PER']);
});

test('a participle right after a bare count is an elliptical passive: "… and 251 taken hostage" has no doer named', () => {
  const analysis = analyzeText('elliptical', 'The war began after an attack on southern Chile in which about 1,200 people were killed and 251 taken hostage.', '2025-01-16');
  const taken = triggered(analysis, 'taken');
  assert.deepEqual(taken.source_actors, []);
});

test('a denial withheld denies nothing: "did not deny that it shelled the post"', () => {
  const analysis = analyzeText('not-denied', 'Chile did not deny that it shelled the post. Peru denied that it shelled the bridge.', '2025-11-20');
  assert.deepEqual(analysis.events.filter((event) => event.trigger.text === 'shelled').map((event) => event.status), ['occurred', 'denied']);
});

test('a state act told with no doer is its country\'s authorities\', inferred from where it happened and said to be inferred', () => {
  const text =
    'Two Bolivian journalists were detained in Lima on Monday. Both men were detained in Arequipa. Three of them were sentenced to four years in prison by a court in Arequipa. ' +
    'Several activists were deported from Peru last week. Chile detained two Peruvian fishermen in Arica. Two Chilean tourists were attacked in Lima.';
  const analysis = analyzeText('inferred-authority', text, '2025-07-02');
  const entityNamed = (name: string): string | undefined => analysis.entities.find((entity) => entity.name === name)?.id;
  const journalists = analysis.events.find((event) => event.trigger.text === 'detained' && event.where.name === 'Lima');
  assert.ok(journalists, JSON.stringify(analysis.events.map((event) => [event.trigger.text, event.where.name])));
  assert.deepEqual(journalists.source, []);
  assert.deepEqual(journalists.source_actors, ['PERGOV']);
  assert.deepEqual(journalists.source_inferred, { from: entityNamed('Lima'), method: 'rule', confidence: 0.6 });
  // No one named at all: kept for its place, not dropped.
  const bothMen = analysis.events.find((event) => event.trigger.text === 'detained' && event.where.name === 'Arequipa');
  assert.ok(bothMen, JSON.stringify(analysis.events.map((event) => [event.trigger.text, event.where.name, event.source_actors])));
  assert.deepEqual([bothMen.source_actors, bothMen.target], [['PERGOV'], []]);
  assert.deepEqual(triggered(analysis, 'sentenced').source_actors, ['PERJUD']);
  assert.deepEqual(triggered(analysis, 'deported').source_actors, ['PERGOV']);
  // A named doer is read, not inferred; an assault is no state act.
  const named = analysis.events.find((event) => event.trigger.text === 'detained' && event.source_actors.includes('CHL'));
  assert.ok(named && named.source_inferred === undefined);
  const attacked = triggered(analysis, 'attacked');
  assert.deepEqual([attacked.source_actors, attacked.source_inferred], [[], undefined]);
});

test('an unplaced state act is the dateline country\'s, less surely; not when its paragraph names a town of another country, nor for a noun that refers back', () => {
  const verdicts = analyzeText('dateline-authority', 'LIMA (AFP) - A former Peruvian minister was convicted of fraud on Monday. Two co-defendants were given suspended sentences.', '2025-07-02');
  const lima = verdicts.entities.find((entity) => entity.name === 'Lima')?.id;
  for (const trigger of ['convicted', 'given']) {
    const verdict = triggered(verdicts, trigger);
    assert.deepEqual([verdict.source_actors, verdict.source_inferred], [['PERJUD'], { from: lima, method: 'rule', confidence: 0.5 }], trigger);
  }
  const elsewhere = analyzeText('dateline-elsewhere', 'LIMA (AFP) - In La Paz, police arrested eight Chileans on Monday. Two of them were detained at a hotel. Santiago called the detentions unlawful.', '2025-07-02');
  assert.ok(!elsewhere.events.some((event) => event.source_actors.some((code) => code.startsWith('PER'))), JSON.stringify(elsewhere.events.map((event) => [event.trigger.text, event.source_actors])));
  // Filed from a mediator's capital that the lead does not involve; a doer named but unknown ("accused the militias of looting").
  const mediated = analyzeText('dateline-mediator', 'QUITO (AFP) - Bolivia released ten Chileans on Thursday. Two others had been deported earlier in the week.', '2025-07-02');
  assert.deepEqual(mediated.events.filter((event) => event.source_inferred).map((event) => event.trigger.text), []);
  const looting = analyzeText('dateline-named-doer', 'LIMA (AFP) - Peru\'s army accused the militias of looting aid convoys. Three soldiers were detained.', '2025-07-02');
  assert.deepEqual(looting.events.filter((event) => event.source_inferred).map((event) => event.trigger.text), ['detained']);
  // A roundup's later dateline places the acts of its own paragraph.
  const roundup = analyzeText('dateline-roundup', 'LIMA (AFP) - Peru and Chile signed a fishing accord on Monday.\n\nLA PAZ (AFP) - Three Bolivian opposition leaders were arrested on Tuesday.', '2025-07-02');
  assert.deepEqual(triggered(roundup, 'arrested').source_actors, ['BOLGOV']);
});

test('tariffs or duties imposed on a country\'s goods are sanctions (163); talks put off "to mid-November" are no remand to custody; manipulation denied is a denial (016)', () => {
  const analysis = analyzeText('tariffs', 'Chile on Wednesday imposed tariffs of 30 percent on Peruvian copper. A week earlier Lima had slapped duties on Chilean wine. Chile said the talks had been postponed to mid-November. Peru denied any manipulation.', '2025-03-12');
  assert.equal(triggered(analysis, 'denied').cameo, '016');
  // A vessel approaching a shoal consults no one.
  assert.deepEqual(analyzeText('approach', 'A Chilean vessel approached the shoal on Monday.', '2025-03-12').events.map((event) => event.trigger.text), []);
  assert.deepEqual([triggered(analysis, 'imposed').cameo, triggered(analysis, 'imposed').source_actors, triggered(analysis, 'imposed').target_actors], ['163', ['CHL'], ['PER']]);
  assert.equal(triggered(analysis, 'slapped').cameo, '163');
  assert.ok(!analysis.events.some((event) => event.root === '17'), JSON.stringify(analysis.events.map((event) => [event.trigger.text, event.cameo])));
});

test('a broker mediates between the parties of the act it brokered, and is not where that act happened: "released eight Peruvians in a swap brokered by Ecuador"', () => {
  const analysis = analyzeText('brokered', 'Bolivia released eight Peruvians on Wednesday in a swap brokered by Ecuador.', '2025-03-12');
  const brokered = triggered(analysis, 'brokered');
  assert.deepEqual([brokered.source_actors, [...brokered.target_actors].sort()], [['ECU'], ['BOL', 'PER']]);
  assert.equal(triggered(analysis, 'released').where.name, null);
});

test('"fighting between the army and the rebels", "talks between Lima and Quito": the two sides act on each other, whoever the clause around is about', () => {
  const fighting = triggered(analyzeText('between', 'More than 5,000 Peruvians have crossed into Bolivia since fighting between the Chilean army and Bolivian rebels spread to Oruro.', '2025-03-12'), 'fighting');
  assert.deepEqual([[...fighting.source_actors].sort(), [...fighting.target_actors].sort()], [['BOLREB', 'CHLMIL'], ['BOLREB', 'CHLMIL']]);
  const talks = triggered(analyzeText('between-talks', 'Talks between Chile and Peru resumed on Monday.', '2025-03-12'), 'Talks');
  assert.deepEqual([[...talks.source_actors].sort(), [...talks.target_actors].sort()], [['CHL', 'PER'], ['CHL', 'PER']]);
  // A doer of its own keeps the sides as its targets.
  const mediated = triggered(analyzeText('between-mediator', 'Ecuador mediated between Peru and Bolivia.', '2025-03-12'), 'mediated');
  assert.deepEqual([mediated.source_actors, [...mediated.target_actors].sort()], [['ECU'], ['BOL', 'PER']]);
});

test('a verb after "and" with no subject of its own follows the first verb\'s subject past its complement, or the speaker past the reported words', () => {
  const blamed = triggered(analyzeText('past-complement', 'Peru\'s army has denied targeting civilians and blamed the rebels for the displacement.', '2025-03-12'), 'blamed');
  assert.deepEqual(blamed.source_actors, ['PERMIL']);
  const demanded = triggered(analyzeText('speakers-next-act', 'Bolivian Foreign Minister Ana Rojas said Bolivia would seek the release of more Bolivians held in Chilean prisons and demanded that Santiago lift its ban on Bolivian trucks.', '2025-03-12'), 'demanded');
  assert.deepEqual(demanded.source_actors, ['BOLGOV']);
});

test('a negator inside a name negates nothing; "threatens no one", "offered no concessions" do', () => {
  const analysis = analyzeText('negators', 'Doctors Without Borders warned that the outbreak in Peru could spread. "Bolivia threatens no one," the minister said. Chile offered no concessions to Peru. Chile threatened Peru.', '2025-03-12');
  assert.equal(triggered(analysis, 'warned').status, 'occurred');
  assert.equal(triggered(analysis, 'threatens').status, 'negated');
  assert.equal(triggered(analysis, 'offered').status, 'negated');
  assert.equal(triggered(analysis, 'threatened').status, 'occurred');
});

test('a clause joined to a speech verb by "but"/"and" is a second act beside it, not what it reports', () => {
  const analysis = analyzeText('conj-not-reported', "Peru's electoral council on Thursday declared Rosa Soto the winner, but her rival Ana Ruiz refused to concede and accused Lima of fraud.", '2025-12-04');
  assert.equal(triggered(analysis, 'refused').attribution, null);
  assert.equal(triggered(analysis, 'accused').attribution, null);
  // What the verb reports keeps its speaker.
  assert.equal(triggered(analyzeText('reported', 'Peru said Chile had shelled the post.', '2025-12-04'), 'shelled').attribution?.cue, 'said');
});

test('doers who act on each other are each other\'s targets: "blamed each other", "the Chilean and Peruvian governments accused one another"', () => {
  const blamed = triggered(analyzeText('reciprocal', 'Chile and Peru blamed each other for the clash on Tuesday.', '2025-07-02'), 'blamed');
  assert.deepEqual([[...blamed.source_actors].sort(), [...blamed.target_actors].sort()], [['CHL', 'PER'], ['CHL', 'PER']]);
  const accused = triggered(analyzeText('reciprocal-group', 'The Chilean and Peruvian governments accused one another of violating the truce.', '2025-07-02'), 'accused');
  assert.deepEqual([[...accused.source_actors].sort(), [...accused.target_actors].sort()], [['CHLGOV', 'PERGOV'], ['CHLGOV', 'PERGOV']]);
  // One doer and no pair: no target is made up.
  assert.deepEqual(triggered(analyzeText('no-pair', 'Chile blamed the rain for the delay.', '2025-07-02'), 'blamed').target_actors, []);
});

test('negation reaches an act after "or"/"nor" however the parser read it, an act no one did and one done "without"; "and" does not carry it', () => {
  const cases: [string, string, string][] = [
    ['Lima has still not accepted full responsibility or paid compensation.', 'paid', 'negated'],
    ['Bolivia has not withdrawn its troops nor apologised.', 'apologised', 'negated'],
    ['Chile did not attend the summit and criticised it.', 'criticised', 'occurred'],
    ['Chile said no Peruvian diplomat had attacked the post.', 'attacked', 'negated'],
    ['Bolivia closed the border without consulting Chile.', 'consulting', 'negated'],
    ['Bolivia closed the border without consulting Chile.', 'closed', 'occurred'],
  ];
  for (const [text, trigger, status] of cases) assert.equal(triggered(analyzeText('negation', text, '2025-11-05'), trigger).status, status, text);
});

test('only an act told in the simple past, not shifted by "later", takes the paragraph\'s story day', () => {
  const text = 'On Tuesday, Chile expelled two Peruvian diplomats. President Boric has accused Peru of spying. Chile later closed the Peruvian consulate in Arica. Bolivia condemns the move. Chile recalled its ambassador.';
  const analysis = analyzeText('story-day-tense', text, '2025-11-20');
  assert.equal(triggered(analysis, 'expelled').when.value, '2025-11-18');
  assert.equal(triggered(analysis, 'accused').when.value, null);
  assert.equal(triggered(analysis, 'closed').when.value, null);
  assert.equal(triggered(analysis, 'condemns').when.value, null);
  assert.deepEqual(triggered(analysis, 'recalled').when, { time: triggered(analysis, 'expelled').when.time, value: '2025-11-18', carried: true });
});

test('a town the parser hung on the act\'s object is where the act happened', () => {
  const analysis = analyzeText('object-place', 'Chile brokered a ceasefire in Lima in 1994.', '2025-11-05');
  assert.equal(triggered(analysis, 'brokered').where.name, 'Lima');
});

test('an act asked of addressees the parse shows is theirs, never the asker\'s, even when only the linear reading found it', () => {
  const analysis = analyzeText('asked-addressees', 'Chile has urged both sides to sign the treaty. Peru urged Bolivia to sign the accord.', '2025-10-22');
  const signs = analysis.events.filter((event) => event.trigger.text === 'sign');
  assert.ok(!signs.some((event) => event.source_actors.includes('CHL')), JSON.stringify(signs.map((event) => [event.source_actors, event.status])));
  assert.deepEqual(signs.map((event) => [event.source_actors, event.status]), [[['BOL'], 'demanded']]);
});

test('people owning an act done to people suffered it ("their arrests"); a state owning it did it', () => {
  const analysis = analyzeText('patient-possessor', 'Six Chilean citizens were detained in Lima last week. Chile has called their arrests illegal. Peru\'s detentions continued on Monday.', '2025-10-22');
  const arrests = triggered(analysis, 'arrests');
  assert.deepEqual([arrests.source_actors, arrests.target_actors], [[], ['CHLCVL']]);
  assert.deepEqual(triggered(analysis, 'detentions').source_actors, ['PER']);
});

test('a pair acting is not its own target ("The Parties condemned …"), and what is discussed is no place', () => {
  const analysis = analyzeText('pair-self', 'The delegations of Chile and Peru met in Lima on Monday.\n\n1. The Parties condemned any attempts by third countries to undermine the process.\n\nBoric and Arce discussed the situation in Arica and Lima.', '2025-10-14');
  const condemned = triggered(analysis, 'condemned');
  assert.equal(condemned.source_actors.length, 2);
  assert.deepEqual(condemned.target, []);
  assert.equal(triggered(analysis, 'discussed').where.name, null);
});

test('a town hung on a phrase of the act\'s object places it ("gathering intelligence on military sites near Lima")', () => {
  const analysis = analyzeText('object-place-deep', 'Chile expelled two Peruvian diplomats on Tuesday, accusing them of gathering intelligence on military sites near Arequipa.', '2025-11-13');
  const gathering = triggered(analysis, 'gathering');
  assert.deepEqual([gathering.cameo, gathering.where.name], ['090', 'Arequipa']);
});

test('a town in a phrase that names another happening in time places that happening, not the act', () => {
  const analysis = analyzeText('time-point-place', 'Chile and Peru will hold their next round of talks in December, after the fourth meeting of the commissions in Arequipa in October.', '2025-11-17');
  assert.equal(triggered(analysis, 'hold').where.name, null);
});


test('a time inside the act\'s own complement clause dates what is said, not the saying', () => {
  const analysis = analyzeText('complement-time', 'Chile and Peru agreed that technical teams will meet in Lima next week.', '2025-11-04');
  assert.equal(triggered(analysis, 'agreed').when.value, null);
  assert.equal(triggered(analysis, 'meet').when.value, '2025-W46');
});

test('a state act whose town hangs on its oblique is still kept for that place ("arrested in a police raid on the offices in Lima")', () => {
  const analysis = analyzeText('raid-place', 'Both men, who are Chilean citizens, were arrested in a police raid on the agency offices in Lima in June.', '2025-07-02');
  const arrested = triggered(analysis, 'arrested');
  assert.deepEqual([arrested.source_actors, arrested.where.name], [['PERGOV'], 'Lima']);
  assert.deepEqual(triggered(analysis, 'raid').source_actors, ['PERCOP']);
});

test('an ordered passive with no agent is the orderer\'s act, still to come ("ordered that the two men be deported")', () => {
  const analysis = analyzeText('ordered-passive', 'Peru ordered that the two Chilean journalists be deported to Chile. Bolivia ordered the two diplomats to be expelled.', '2025-10-14');
  const deported = triggered(analysis, 'deported');
  assert.deepEqual([deported.source_actors, deported.status], [['PER'], 'planned']);
  // The infinitive hung on the object by the parser: still the order's.
  const expelled = triggered(analysis, 'expelled');
  assert.deepEqual([expelled.source_actors, expelled.status], [['BOL'], 'planned']);
});

test("expelling a state's envoy is expelling a diplomat (166); expelling journalists is deporting people (174)", () => {
  const analysis = analyzeText('envoy-expelled', "Peru expelled Chile's ambassador on Monday. Bolivia expelled two Peruvian journalists on Tuesday.", '2025-10-15');
  assert.equal(triggered(analysis, 'expelled').cameo, '166');
  const deported = analysis.events.filter((event) => event.trigger.text === 'expelled').map((event) => event.cameo);
  assert.deepEqual(deported, ['166', '174']);
});

test('withdrawing or recalling an envoy cuts diplomatic relations (161), not a military withdrawal', () => {
  const analysis = analyzeText('envoy-withdrawn', 'Lima said it was withdrawing its own envoy, Carlos Ruiz. Bolivia withdrew its troops from the border.', '2025-10-15');
  assert.equal(triggered(analysis, 'withdrawing').cameo, '161');
  assert.equal(triggered(analysis, 'withdrew').root, '08');
});

test('denying or rejecting an accusation is a denial of responsibility (016), also through "what it called"', () => {
  const analysis = analyzeText('denial', 'Chile denied any involvement. Bolivia rejected what it called baseless accusations. Peru rejected calls for talks.', '2025-10-15');
  const denied = triggered(analysis, 'denied');
  assert.deepEqual([denied.cameo, denied.source_actors, denied.status], ['016', ['CHL'], 'occurred']);
  assert.equal(triggered(analysis, 'rejected').cameo, '016');
  const refusal = analysis.events.filter((event) => event.trigger.text === 'rejected').map((event) => event.cameo);
  assert.deepEqual(refusal, ['016', '122']);
});

test('a passive relative clause on a description beside a name is done to the named person', () => {
  const analysis = analyzeText('relative-appositive', 'Police are investigating the killing of Maria Lopez, a Peruvian journalist who was shot dead outside her home in Arequipa in June 2023.', '2025-10-15');
  const shot = triggered(analysis, 'shot');
  const target = analysis.entities.find((entity) => entity.id === shot.target[0]);
  assert.deepEqual([target?.name, shot.where.name, shot.when.value], ['Maria Lopez', 'Arequipa', '2023-06']);
});

test('a town stands in for the unnamed target of force only: an arrest in Lima is no arrest of Lima, but of protesters there', () => {
  const analysis = analyzeText('place-target', 'Riot police detained 37 protesters in Lima on Sunday. Chilean artillery shelled positions near Tacna on Monday.', '2025-08-05');
  const detained = triggered(analysis, 'detained');
  assert.deepEqual([detained.target_actors, detained.where.name], [['PEROPP'], 'Lima']);
  const shelled = triggered(analysis, 'shelled');
  const target = analysis.entities.find((entity) => entity.id === shelled.target[0]);
  assert.equal(target?.name, 'Tacna');
});

test('a time of day sets the story day too, and "now" dates no act told in the past', () => {
  const morning = analyzeText('story-day-time', "Peru's foreign minister met his Chilean counterpart on Wednesday morning. He demanded an investigation.", '2025-08-08');
  assert.equal(triggered(morning, 'demanded').when.value, '2025-08-06TMO');
  const now = analyzeText('now-undated', 'Chile and Peru signed the accord in Lima on Monday. Peru now thanked Chile.', '2025-08-08');
  assert.equal(triggered(now, 'thanked').when.value, '2025-08-04');
});

test('wounding or injuring by an armed body or by fire is military force (190), not assault', () => {
  const analysis = analyzeText('armed-wounding', 'Chilean troops wounded three Peruvian soldiers. Two Peruvian border guards were injured by Chilean fire.', '2025-08-08');
  assert.equal(triggered(analysis, 'wounded').cameo, '190');
  const injured = triggered(analysis, 'injured');
  assert.deepEqual([injured.cameo, injured.source_actors], ['190', ['CHL']]);
});

test('calling a person on a day is phoning them (041); "called on" someone to act is still an appeal', () => {
  const analysis = analyzeText('phone-call', "Peru's foreign minister called his Chilean counterpart on Wednesday. Bolivia called on Chile to withdraw its troops.", '2025-08-08');
  const calls = analysis.events.filter((event) => event.trigger.text === 'called').map((event) => event.cameo);
  assert.deepEqual(calls, ['041', '020']);
});

test('"Riot police" with no country named are the dateline country\'s police; a clause reported in the narrator\'s words takes the story day', () => {
  const analysis = analyzeText('riot-police', 'LIMA, Sept 21 (Wire) — Peruvian opposition parties rallied in central Lima on Sunday. Riot police pushed them back and detained 37 people, the Interior Ministry said.', '2025-09-22');
  const detained = triggered(analysis, 'detained');
  assert.deepEqual([detained.source_actors, detained.when.value], [['PERCOP'], '2025-09-21']);
  assert.ok(!analysis.events.some((event) => event.trigger.text === 'pushed'), 'pushing back is no demand');
});

test('with no dateline, the police of a story are those of the town it opens in', () => {
  const analysis = analyzeText('setting-police', 'Thousands marched through central Lima on Sunday against a plan backed by Chile. The police put the crowd at about 8,000. Riot police later detained 37 people.', '2025-09-22');
  assert.deepEqual(triggered(analysis, 'detained').source_actors, ['PERCOP']);
  // A town later in the police's own sentence beats the opening one.
  const elsewhere = analyzeText('police-town-after', 'Chile and Peru held talks in Lima on Monday. Two brothers, Juan and Pedro Rojas, died after police raided their homes in La Paz on June 27.', '2025-09-22');
  assert.deepEqual(triggered(elsewhere, 'raided').source_actors, ['BOLCOP']);
});

test('a court or police a town names ("A Lima court", "Arequipa police") is that body of its country; the town stays a place', () => {
  const analysis = analyzeText('town-bodies', 'A Lima court fined the opposition leader Juan Rojas on Monday. Arequipa police detained two Chilean journalists.', '2025-08-08');
  assert.deepEqual(triggered(analysis, 'fined').source_actors, ['PERJUD']);
  assert.deepEqual(triggered(analysis, 'detained').source_actors, ['PERCOP']);
  assert.equal(analysis.entities.find((entity) => entity.name === 'Lima')?.actor?.sector ?? null, null);
});

test('a fact-check\'s labels name no one: the rating after "Verdict:" is no entity, "Context:" is no speaker', () => {
  const analysis = analyzeText('fact-check-labels', 'Claim: Peru closed its border with Chile in May.\n\nVerdict: Mostly False.\n\nContext: Peru closed two crossings for a week and reopened them on June 2.', '2025-08-08');
  assert.ok(!analysis.entities.some((entity) => /Mostly|False/.test(entity.name)), JSON.stringify(analysis.entities.map((entity) => entity.name)));
  assert.ok(!analysis.quotes.some((quote) => quote.source?.text === 'Context'), JSON.stringify(analysis.quotes));
  assert.ok(analysis.events.every((event) => event.attribution?.cue !== ':'));
});

test('rooms and wings are buildings, a named declaration is no party, and a venue hung on the people met is the act\'s place', () => {
  const analysis = analyzeText('venues', 'Boric welcomed both leaders in the Oval Office on Friday. Peru and Chile signed the Joint Declaration in the State Dining Room.', '2025-08-02');
  const types = new Map(analysis.entities.map((entity) => [entity.name, entity.type]));
  assert.deepEqual([types.get('Oval Office'), types.get('State Dining Room'), types.get('Joint Declaration')], ['FAC', 'FAC', 'EVENT']);
  assert.equal(triggered(analysis, 'welcomed').where.name, 'Oval Office');
  const signed = triggered(analysis, 'signed');
  assert.deepEqual([signed.target, signed.where.name], [[], 'State Dining Room']);
});

test('"pushed back on" a proposal rejects it; police pushing people back demand nothing', () => {
  const analysis = analyzeText('push-back', 'Peru pushed back on the Chilean proposal on Monday. Riot police pushed the crowd back.', '2025-08-08');
  const pushes = analysis.events.filter((event) => event.trigger.text === 'pushed').map((event) => event.cameo);
  assert.deepEqual(pushes, ['120']);
});

test('the doer\'s own side doing the promised or threatened act is no target of the promise; another side still is the one threatened', () => {
  const analysis = analyzeText('own-side-complement', 'Boric apologised for the incident and promised that Chile would pay compensation. Bolivia threatened that Peru would pay a heavy price.', '2025-08-08');
  assert.deepEqual(triggered(analysis, 'apologised').target_actors, []);
  assert.deepEqual(triggered(analysis, 'promised').target_actors, []);
  assert.deepEqual(triggered(analysis, 'threatened').target_actors, ['PER']);
});

test('with no dateline, protesters are people of the town the story opens in, and march against the government', () => {
  const analysis = analyzeText('setting-protesters', 'Thousands of protesters marched through central Lima on Sunday against the government. Protesters also blocked a bridge.', '2025-08-05');
  const marched = triggered(analysis, 'marched');
  assert.deepEqual([marched.source_actors, marched.target_actors], [['PEROPP'], ['PERGOV']]);
  assert.deepEqual(triggered(analysis, 'blocked').source_actors, ['PEROPP']);
});

test('studying and attending a church service are no political acts; attending a summit is', () => {
  const analysis = analyzeText('no-acts', 'Gonzalez studied physics in Santiago. Boric attended a church service in Lima. Boric attended the summit in Lima.', '2025-08-08');
  assert.deepEqual(analysis.events.map((event) => [event.trigger.text, event.cameo]), [['attended', '040']]);
  assert.equal(analysis.events[0].evidence.start, analysis.document.text.indexOf('Boric attended the summit'));
});

test('an act inside nested reported words is credited to the innermost speaker, never to whom it was told', () => {
  const analysis = analyzeText('nested-attribution', 'According to the Chilean readout, Boric "expressed his regret" over the incident near Arica and told Jeri that Chile would complete its investigation "within weeks."', '2025-08-08');
  const investigation = triggered(analysis, 'investigation');
  const speaker = analysis.entities.find((entity) => entity.id === investigation.attribution?.speaker);
  assert.equal(speaker?.name, 'Gabriel Boric');
});

test('courts upholding sentences or remanding, freezing participation, selling arms and presenting a proposal are coded', () => {
  const analysis = analyzeText('lexicon-gaps', 'A Lima court remanded Juan Rojas in custody. Peru froze its participation in the alliance last year. France sold artillery to Peru. Chile will present a proposal to Bolivia next week.', '2025-08-08');
  assert.deepEqual(['remanded', 'froze', 'sold', 'present'].map((trigger) => triggered(analysis, trigger).cameo), ['173', '160', '062', '030']);
});

test('whoever an act is done in the presence of only witnesses it, and saying nothing reports no words', () => {
  const analysis = analyzeText('witness', 'Chile and Peru signed the accord in the presence of Boric on Monday. Jeri said nothing about the border.', '2025-08-08');
  assert.deepEqual(triggered(analysis, 'signed').target, []);
  assert.ok(!analysis.quotes.some((quote) => quote.text.includes('the border')), JSON.stringify(analysis.quotes.map((quote) => quote.text)));
});

test('crimes committed, relations hitting a low, readouts that differ and cargo handled are no acts; committing to a plan is', () => {
  const analysis = analyzeText('no-acts-2', "Peru is accused of crimes committed against Chilean civilians. Relations between Chile and Peru hit their lowest point in May. The Chilean and Peruvian readouts differed sharply. Chile's port of Arica handled 2 million tonnes of Bolivian cargo. Peru committed to the plan on Monday.", '2025-08-08');
  assert.deepEqual(analysis.events.map((event) => [event.trigger.text, event.cameo]), [['accused', '112'], ['committed', '030']]);
  assert.equal(triggered(analysis, 'committed').source_actors[0], 'PER');
});

test('a name modifying an act done to people suffered it ("the Sputnik arrests"), and whoever reacted after it did not do it', () => {
  const analysis = analyzeText('compound-patient', 'Lima protested after the Reuters arrests in Santiago. The Peru arrests angered Chile.', '2025-08-08');
  const [first, second] = analysis.events.filter((event) => event.trigger.text === 'arrests');
  assert.deepEqual([first.source_actors, first.source_inferred?.method, first.target.length], [['CHLGOV'], 'rule', 1]);
  assert.deepEqual(second.source_actors, ['PER']);
});

test('a witness named "in the presence of" is no target, and the relative clause after it is the witness\'s', () => {
  const analysis = analyzeText('witness-relative', 'The two leaders initialled the accord in Lima on Friday in the presence of Brazilian President Lula, who called the deal "a historic thing" and promised investment in a road across Bolivia.', '2025-08-09');
  assert.deepEqual(triggered(analysis, 'initialled').target, []);
  assert.deepEqual(triggered(analysis, 'promised').source_actors, ['BRAGOV']);
});

test('a question is no appeal and what it asks about is open: "asked whether Peru planned to recall …"; "asked Peru to recall …" still demands; declining to answer is 011; an escalation is no cooperation', () => {
  const text = 'A reporter from the Lima daily El Comercio asked the Chilean minister whether Chile planned to recall its ambassador from Peru. ' +
    'Bolivia asked Peru to withdraw its troops from the border. The Chilean minister declined to answer questions about the border. ' +
    'The quarrel between Chile and Peru has escalated since March.';
  const analysis = analyzeText('question', text, '2025-08-07');
  const asked = analysis.events.filter((event) => event.trigger.text === 'asked');
  assert.deepEqual(asked.map((event) => [event.cameo, event.source_actors]), [['020', ['BOL']]], 'the reporter only asks; asking Peru to withdraw is an appeal');
  assert.equal(triggered(analysis, 'recall').status, 'hypothetical');
  assert.equal(triggered(analysis, 'withdraw').status, 'demanded');
  assert.equal(triggered(analysis, 'declined').cameo, '011');
  assert.ok(!analysis.events.some((event) => event.trigger.text === 'escalated'));
});

test('a bare refusal or acceptance answers the demand or proposal of the sentence before: "Uruguay demanded … Chile refused, saying …"', () => {
  const refused = analyzeText('bare-refusal', 'Uruguay demanded the release of its fishermen. Chile refused, saying the case was a matter for its courts.', '2025-08-07');
  const refusal = triggered(refused, 'refused');
  assert.deepEqual([refusal.target_actors, refusal.target_inferred?.event], [['URY'], triggered(refused, 'demanded').id]);
  assert.deepEqual(triggered(analyzeText('bare-agreement', 'Peru proposed talks on Monday. Bolivia agreed.', '2025-08-07'), 'agreed').target_actors, ['PER']);
  // Two sentences later, or with an object of its own, it answers nothing.
  const later = analyzeText('bare-too-late', 'Uruguay demanded the release of its fishermen. Lima was quiet. Chile refused.', '2025-08-07');
  assert.deepEqual(triggered(later, 'refused').target_actors, []);
});

test('an act that answers an earlier one ("rejected the accusation") takes its parties as targets and says which event it answers', () => {
  const analysis = analyzeText('answers', "Bolivia accused Chile of spying on its army. Chile's Foreign Ministry rejected the accusation on Monday.", '2025-08-07');
  const accused = triggered(analysis, 'accused');
  const rejected = triggered(analysis, 'rejected');
  assert.deepEqual(rejected.target_actors, ['BOL']);
  assert.deepEqual(rejected.target_inferred && { event: rejected.target_inferred.event, method: rejected.target_inferred.method }, { event: accused.id, method: 'rule' });
  // An agreement is answered with all its parties; an attack with its doers.
  const agreement = analyzeText('answers-deal', 'Peru and Ecuador signed a fishing agreement on Monday. Colombia welcomed the agreement.', '2025-08-07');
  assert.deepEqual(triggered(agreement, 'welcomed').target_actors.sort(), ['ECU', 'PER']);
  const attack = analyzeText('answers-attack', 'Peruvian troops shelled a Bolivian border post on Monday. The European Union condemned the attack.', '2025-08-07');
  assert.deepEqual(triggered(attack, 'condemned').target_actors, ['PERMIL']);
  // A named counterpart stands; one's own act is no counterpart; an indefinite noun points back at nothing.
  const named = analyzeText('answers-named', 'Bolivia accused Chile of spying. Chile rejected the accusation by Peru.', '2025-08-07');
  assert.equal(triggered(named, 'rejected').target_inferred, undefined);
  const own = analyzeText('answers-own', 'Chile proposed talks with Peru. Chile later withdrew and criticised the proposal.', '2025-08-07');
  assert.equal(triggered(own, 'criticised').target_inferred, undefined);
  // A claim is also an act someone only reported: its speaker is the one answered.
  const reported = analyzeText('answers-reported', "Peru's army said Ecuadorian troops had opened fire on its positions. Quito rejected the claim.", '2025-08-07');
  assert.deepEqual(triggered(reported, 'rejected').target_actors, ['PERMIL']);
  const indefinite = analyzeText('answers-indefinite', 'Bolivia accused Chile of spying. Chile rejected an accusation of fraud.', '2025-08-07');
  assert.equal(triggered(indefinite, 'rejected').target_inferred, undefined);
});

test('crowd control is repression (175); meeting a target, releasing a name and an armed group are no acts', () => {
  const analysis = analyzeText('crowd-control', 'Peruvian police fired tear gas at protesters in Lima. Police in Cusco dispersed the march on Monday.', '2025-08-07');
  assert.equal(triggered(analysis, 'fired').cameo, '175');
  assert.deepEqual(triggered(analysis, 'fired').target_actors, ['PEROPP']);
  assert.equal(triggered(analysis, 'dispersed').cameo, '175');
  const none = analyzeText('no-acts', 'Critics say Bolivia lacks the reserves to meet the target. Chile has not released the name of the dead soldier. The junta accused Lima of supporting armed groups.', '2025-08-07');
  assert.deepEqual(none.events.map((event) => event.trigger.text).filter((text) => ['meet', 'released', 'armed'].includes(text)), []);
});

test('a thing welcomed in the passive ("the demarcation was welcomed by Santiago") is approval, a person welcomed is hosting', () => {
  const analysis = analyzeText('welcomed-passive', "The new border demarcation was welcomed by Santiago on Monday. Bolivia's president was welcomed by Chile's president in Santiago.", '2025-08-07');
  const [thing, person] = analysis.events.filter((event) => event.trigger.text === 'welcomed');
  assert.deepEqual([thing?.cameo, person?.cameo], ['051', '043']);
});

test('a participle adjunct to a reported clause is done by that clause\'s subject, not by the speaker', () => {
  const analysis = analyzeText('reported-participle', "Bolivia's Defence Ministry said Chilean troops had shelled its positions on Monday, killing two Bolivian soldiers and wounding four.", '2025-08-07');
  assert.deepEqual(triggered(analysis, 'killing').source_actors, ['CHLMIL']);
  assert.deepEqual(triggered(analysis, 'wounding').source_actors, ['CHLMIL']);
  // Also when the participle follows an instrument ("with mortars and drones, killing …").
  const instrument = analyzeText('reported-participle-instrument', "Peru's Defence Ministry said Ecuadorian troops had attacked its positions with mortars and drones shortly after midnight, killing three Peruvian soldiers.", '2025-08-07');
  assert.deepEqual(triggered(instrument, 'killing').source_actors, ['ECUMIL']);
});

test('a crowd gathering, chanting or throwing stones is a protest (141, 145), also when the tagger reads "gathered" as a participle', () => {
  const analysis = analyzeText('crowd', 'Thousands of protesters gathered outside the Chilean embassy in Lima. Some of them threw stones at the building.', '2025-08-07');
  const gathered = triggered(analysis, 'gathered');
  assert.deepEqual([gathered.cameo, gathered.source_actors], ['141', ['PEROPP']]);
  assert.equal(triggered(analysis, 'threw').cameo, '145');
  // A generic relative clause ("people who throw stones") names no doer.
  const generic = analyzeText('crowd-generic', 'Lima police said they would not tolerate people who throw stones at officers.', '2025-08-07');
  assert.deepEqual(generic.events.filter((event) => event.trigger.text === 'throw').flatMap((event) => event.source_actors), []);
});

test('"Amnesty International\'s Peruvian branch welcomed …": the owner of the subject acts, not the adjective of its noun', () => {
  const analysis = analyzeText('owned-branch', "Amnesty International's Chilean branch welcomed the ruling on Monday.", '2025-08-07');
  assert.deepEqual(triggered(analysis, 'welcomed').source_actors, ['NGOHRIAMN']);
});

test('a deadline ("by the end of the month") dates what must be done, not the demand that sets it nor the acts beside it', () => {
  const analysis = analyzeText('deadline', 'Ecuador suspended a fishing accord with Peru on Monday and demanded the withdrawal of Peruvian boats by the end of the month.', '2025-08-07');
  assert.equal(triggered(analysis, 'suspended').when.value, '2025-08-04');
  assert.notEqual(triggered(analysis, 'demanded').when.value, '2025-08');
  const own = analyzeText('deadline-own', 'Bolivia demanded that Chile withdraw its troops by Friday.', '2025-08-07');
  assert.equal(triggered(own, 'withdraw').when.value, '2025-08-08');
});

test('an adjective on another verb\'s object ("waving Peruvian flags and chanting …") is no doer of the next act', () => {
  const analysis = analyzeText('object-adjective', 'Thousands of people gathered outside the embassy on Tuesday, waving Peruvian flags and chanting slogans against Chile.', '2025-08-07');
  const chanting = analysis.events.filter((event) => event.trigger.text === 'chanting');
  assert.deepEqual(chanting.flatMap((event) => event.source_actors), []);
});
