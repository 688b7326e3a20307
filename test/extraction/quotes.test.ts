/** Quotes and attribution: every construction on our own sentences, the seeds, and PolNeAR floors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createStoryline } from '../../src/pipeline.js';
import type { Analysis, Quote } from '../../src/contract/types.js';
import type { SourceDocument } from '../../src/input/types.js';
import { sharedPath } from '../../src/paths.js';
import { findAttributions, ruleCueFinder, univocalRelations } from '../../src/extraction/quotes.js';
import { modelCueFinder, trainAttributionModel } from '../../src/extraction/attribution-model.js';
import { structureText } from '../../src/text/index.js';
import { attributionEval } from '../../src/eval/attribution.js';
import type { AnalysisContext } from '../../src/extraction/types.js';

const storyline = createStoryline();

function source(text: string, published: string | null = '2024-03-14'): SourceDocument {
  return { source: 'test', text, title: null, outlet: null, author: null, agency: null, url: null, published, published_source: published ? 'given' : null };
}

function analyse(text: string): Analysis {
  return storyline.analyze(source(text));
}

function speakerName(analysis: Analysis, quote: Quote): string | null {
  return analysis.entities.find((entity) => entity.id === quote.speaker)?.name ?? null;
}

function quoteContaining(analysis: Analysis, words: string): Quote {
  const quote = analysis.quotes.find((candidate) => candidate.text.includes(words));
  assert.ok(quote, `no quote contains "${words}": ${JSON.stringify(analysis.quotes.map((q) => q.text))}`);
  return quote;
}

test('direct quote with the cue after it, and a pronoun cue that continues the speaker', () => {
  const analysis = analyse(
    'Finnish President Alexander Stubb arrived in Oslo on Monday. “Our region has never been more united,” Stubb told reporters. “We will keep working together,” he added.',
  );
  const first = quoteContaining(analysis, 'never been more united');
  assert.equal(first.kind, 'direct');
  assert.equal(first.cue?.text, 'told');
  assert.match(speakerName(analysis, first) ?? '', /Stubb/);
  const second = quoteContaining(analysis, 'keep working together');
  assert.equal(second.cue?.text, 'added');
  assert.equal(second.speaker, first.speaker, 'the pronoun in "he added" resolves to Stubb');
});

test('cue before the quote, a multi-sentence quote, and a cue-less continuation', () => {
  const analysis = analyse(
    'The mayor of Lyon, Gregory Doucet, said: “The tram line opens in June. It will carry twenty thousand riders a day.” “Nobody will wait more than five minutes.”',
  );
  const quote = quoteContaining(analysis, 'tram line opens');
  assert.ok(quote.text.includes('twenty thousand riders'), 'one quote spans both sentences inside the marks');
  assert.equal(quote.kind, 'direct');
  assert.match(speakerName(analysis, quote) ?? '', /Doucet/);
  const continuation = quoteContaining(analysis, 'Nobody will wait');
  assert.equal(continuation.speaker, quote.speaker);
});

test('a cue inside the quote and a participial cue after it', () => {
  const analysis = analyse('“The deal is fair,” Chancellor Olaf Scholz said, adding that it was “a good day for workers.”');
  const direct = quoteContaining(analysis, 'The deal is fair');
  assert.match(speakerName(analysis, direct) ?? '', /Scholz/);
  const partial = quoteContaining(analysis, 'a good day for workers');
  assert.match(speakerName(analysis, partial) ?? '', /Scholz/);
});

test('a partial quote inside an accusation takes the accuser as speaker', () => {
  const analysis = analyse('Hungary accused the European Commission of “blackmail” over the frozen funds.');
  const scare = quoteContaining(analysis, 'blackmail');
  assert.equal(scare.kind, 'partial');
  assert.equal(speakerName(analysis, scare), 'Hungary');
});

test('indirect speech: "X said that …", "…, X said" and "according to X, …"', () => {
  const analysis = analyse(
    'Japanese Prime Minister Fumio Kishida said that the summit would take place in Hiroshima. ' +
      'The talks will resume next week, a senior Japanese official said. ' +
      'According to the foreign ministry, the guest list is still open.',
  );
  const said = quoteContaining(analysis, 'summit would take place');
  assert.equal(said.kind, 'indirect');
  assert.match(speakerName(analysis, said) ?? '', /Kishida/);
  const postposed = quoteContaining(analysis, 'talks will resume');
  assert.equal(postposed.kind, 'indirect');
  assert.equal(postposed.cue?.text, 'said');
  const according = quoteContaining(analysis, 'guest list is still open');
  assert.equal(according.cue?.text, 'According to');
  // Sources that name no entity are still given as words.
  assert.match(postposed.source?.text ?? '', /official$/);
  assert.match(according.source?.text ?? '', /foreign ministry$/);
  assert.match(said.source?.text ?? '', /Kishida$/);
});

test('a sentence with no attribution yields no quote; every span is exact', () => {
  const analysis = analyse('The bridge reopened to traffic on Friday after two years of repairs.');
  assert.equal(analysis.quotes.length, 0);
  const text = 'Ministers met in Rome. “It went well,” one diplomat said.';
  const quoted = analyse(text);
  for (const quote of quoted.quotes) {
    assert.equal(text.slice(quote.start, quote.end), quote.text);
    if (quote.cue) assert.equal(text.slice(quote.cue.start, quote.cue.end), quote.cue.text);
    if (quote.source) assert.equal(text.slice(quote.source.start, quote.source.end), quote.source.text);
  }
  assert.ok(quoted.quotes.some((quote) => quote.source?.text === 'one diplomat'), JSON.stringify(quoted.quotes));
});

test('seed article: every Trump quote has Trump as speaker, "he added" included', () => {
  const text = readFileSync(sharedPath('seeds', '000_e6b9d41a665ebffb.txt'), 'utf8');
  const analysis = storyline.analyze(source(text, '2025-08-07'));
  const trump = analysis.entities.find((entity) => entity.name === 'Donald Trump');
  assert.ok(trump, 'Donald Trump is an entity');
  for (const words of ['These two Nations', 'Many Leaders have tried', 'very proud of these courageous', 'will be a Historic Day', 'See you then', 'to pursue Economic opportunities']) {
    assert.equal(quoteContaining(analysis, words).speaker, trump.id, `speaker of “${words}…”`);
  }
  assert.equal(quoteContaining(analysis, 'Many Leaders have tried').cue?.text, 'added');
});

test('the rule finder works without the language stage', () => {
  const text = '“We are ready,” the minister said. Officials said the vote was delayed.';
  const document = { id: 'x', title: null, outlet: null, agency: null, author: null, url: null, published: null, published_source: null, language: 'en', text };
  const context: AnalysisContext = { document, text, structure: structureText(text), language: null };
  const found = findAttributions(context, ruleCueFinder);
  assert.equal(found.length, 2);
  assert.equal(text.slice(found[0].source!.start, found[0].source!.end), 'the minister');
  assert.equal(text.slice(found[1].source!.start, found[1].source!.end), 'Officials');
});

test('the attribution tagger learns from a slice of PolNeAR train (well above no attribution at all)', () => {
  const model = trainAttributionModel({ data: sharedPath('corpora', 'polnear', 'train'), annotate: null, iterations: 3, limit: 25, filter: false });
  const text = 'The senator said the bill would pass. “It is a good bill,” she told reporters.';
  const document = { id: 'x', title: null, outlet: null, agency: null, author: null, url: null, published: null, published_source: null, language: 'en', text };
  const found = findAttributions({ document, text, structure: structureText(text), language: null }, modelCueFinder(model));
  assert.ok(found.some((attribution) => attribution.cue && text.slice(attribution.cue.start, attribution.cue.end) === 'said'));
});

test('eval attribution on a PolNeAR dev slice clears a meaningful floor', async () => {
  const report = await attributionEval.run({ data: sharedPath('corpora', 'polnear', 'dev'), limit: 12 });
  const source = report.json.source as { f1: number; precision: number; recall: number };
  assert.ok(source.f1 > 0.5, `source F1 ${source.f1}`);
  assert.ok(source.precision > 0.5 && source.recall > 0.4);
});

test('a transcript speaker label, a dash signature after a quote, and a cue opening the next sentence', () => {
  const label = analyse('HOST: Thank you for joining us tonight.\nOKONJO: It is a pleasure to be here.');
  assert.equal(quoteContaining(label, 'pleasure to be here').cue?.text, ':');
  const signed = analyse('“The new school changed our street for the better.” ― Maria Lopez');
  const signature = quoteContaining(signed, 'changed our street');
  assert.equal(signature.cue?.text, '―');
  const question = analyse('“How many more floods must we see?” Mayor Anne Hidalgo asked. The council met again in May.');
  const asked = quoteContaining(question, 'How many more floods');
  assert.equal(asked.cue?.text, 'asked');
  assert.match(speakerName(question, asked) ?? '', /Hidalgo/);
});

test('a headline with a colon is no speaker label', () => {
  const analysis = analyse('The Latest: Floods close roads across the region\n\nRoads were closed on Monday after heavy rain.');
  assert.ok(!analysis.quotes.some((quote) => quote.cue?.text === ':'));
});

test('PolNeAR relations: quotes sharing a cue merge, and a repeated source is given once', () => {
  const text = '“The harbour stays open,” the port director said, “and the ferries keep running.” He said, adding that the strike was over, that talks went on.';
  const document = { id: 'x', title: null, outlet: null, agency: null, author: null, url: null, published: null, published_source: null, language: 'en', text };
  const found = findAttributions({ document, text, structure: structureText(text), language: null }, ruleCueFinder);
  const said = found.filter((attribution) => attribution.cue && text.slice(attribution.cue.start, attribution.cue.end) === 'said');
  assert.ok(said.length >= 2, 'the finder gives each quote its own attribution');
  const relations = univocalRelations(found);
  const director = relations.filter((relation) => relation.source && text.slice(relation.source.start, relation.source.end) === 'the port director');
  assert.equal(director.length, 1, 'both halves of the split quote are one relation');
  const content = text.slice(director[0].content.start, director[0].content.end);
  assert.ok(content.includes('harbour stays open') && content.includes('ferries keep running'));
  const spans = relations.flatMap((relation) => (relation.source ? [`${relation.source.start}:${relation.source.end}`] : []));
  assert.equal(new Set(spans).size, spans.length, 'no source span is given twice');
  assert.ok(found.length > relations.filter((relation) => relation.source).length);
});

test('"CLAUSE, a spokesman said on Monday": the clause is the content, not the time after the cue', () => {
  const analysis = analyse('Two ferries collided near the harbour at dawn, a coastguard spokesman said on Monday.');
  const quote = quoteContaining(analysis, 'ferries collided');
  assert.equal(quote.kind, 'indirect');
  assert.equal(quote.text, 'Two ferries collided near the harbour at dawn');
  assert.match(quote.source?.text ?? '', /spokesman$/);
  assert.ok(!analysis.quotes.some((candidate) => candidate.text === 'on Monday'), JSON.stringify(analysis.quotes.map((q) => q.text)));
});

test('"said 40 people were hurt and that …": the content starts right after the cue, not at the later "that"', () => {
  const analysis = analyse('The mayor said about 40 people were hurt and that three bridges had closed.');
  const quote = quoteContaining(analysis, 'bridges had closed');
  assert.match(quote.text, /^about 40 people were hurt/);
});

test('a cue in a relative clause is spoken by its antecedent: "X and Y shook hands beside Z, who called it … and said …"', () => {
  const analysis = analyse(
    'Chilean President Gabriel Boric and Peruvian President Dina Boluarte shook hands in Brasilia beside Luiz Inacio Lula da Silva, who called the accord “a new chapter” and said both neighbours would reopen the border.',
  );
  const label = quoteContaining(analysis, 'a new chapter');
  assert.match(speakerName(analysis, label) ?? '', /Lula/, JSON.stringify(label));
  assert.equal(label.source?.text, 'who');
});

test('a partial quote inside someone’s reported words is theirs, not the agency’s named after them', () => {
  const analysis = analyse(
    'Chile’s foreign minister Alberto van Klaveren said on Monday that the new border road would be “a bridge, not a wall”, according to the state news agency.',
  );
  const claim = quoteContaining(analysis, 'a bridge, not a wall');
  assert.equal(claim.text, 'the new border road would be “a bridge, not a wall”', 'the reported clause, up to the credit to the agency');
  assert.match(speakerName(analysis, claim) ?? '', /Klaveren/, JSON.stringify(claim));
});

test('words quoted inside a reported clause belong to that clause; a quoted phrase after a verb of judging stays the claim itself', () => {
  const analysis = analyse(
    'Peru’s foreign minister said the two teams had made “real progress” on the text. Bolivia said relations were “back on track.” Chile accused Peru of “deliberately stalling the talks”.',
  );
  const progress = quoteContaining(analysis, 'real progress');
  assert.deepEqual([progress.kind, progress.text], ['indirect', 'the two teams had made “real progress” on the text']);
  assert.ok(!analysis.quotes.some((quote) => quote.text === 'real progress'), 'the fragment is not a second claim');
  assert.equal(quoteContaining(analysis, 'back on track').text, 'relations were “back on track.”');
  const accusation = quoteContaining(analysis, 'deliberately stalling');
  assert.deepEqual([accusation.kind, accusation.text], ['partial', 'deliberately stalling the talks']);
});

test('"CONTENT, X said on Friday, in what …": the clause before the source is what was said, not the circumstance after the cue', () => {
  const analysis = analyse('Chilean President Gabriel Boric will travel to Lima next week for talks on trade, the government said on Friday, in what would be his first visit to Peru in two years.');
  const said = analysis.quotes.find((quote) => quote.kind === 'indirect' && quote.cue?.text === 'said');
  assert.ok(said, JSON.stringify(analysis.quotes));
  assert.match(said.text, /^Chilean President Gabriel Boric will travel to Lima/);
});

test('"…, an official said on Friday, speaking on condition of anonymity": the clause before is what was said', () => {
  const analysis = analyse('Chile could close its border with Peru next week, a senior official in Santiago said on Friday, speaking on condition of anonymity.');
  const said = analysis.quotes.find((quote) => quote.kind === 'indirect' && quote.cue?.text === 'said');
  assert.ok(said, JSON.stringify(analysis.quotes));
  assert.match(said.text, /^Chile could close its border/);
});

test('"… after four months in custody, their lawyer said, in a sign …": the source is the lawyer, the content the clause before', () => {
  const analysis = analyse('Azerbaijan released two Russian journalists from Sputnik Azerbaijan on Monday after nearly four months in custody, their lawyer said, in the clearest sign yet that relations between Baku and Moscow are thawing.');
  const said = analysis.quotes.find((quote) => quote.kind === 'indirect' && quote.cue?.text === 'said');
  assert.ok(said, JSON.stringify(analysis.quotes));
  assert.equal(said.source?.text, 'their lawyer');
  assert.match(said.text, /^Azerbaijan released two Russian journalists/);
});

test('"a diplomat who asked not to be named said": the diplomat speaks through "said", the formula is no quote', () => {
  const analysis = analyse('A senior EU diplomat who asked not to be named said the mission would stay in Armenia. Asked whether she would go to Baku, Kaja Kallas said she had no plans.');
  const stay = quoteContaining(analysis, 'the mission would stay');
  assert.equal(stay.cue?.text, 'said');
  assert.equal(speakerName(analysis, stay), 'senior EU diplomat');
  assert.ok(!analysis.quotes.some((quote) => quote.text.startsWith('not to be named')), JSON.stringify(analysis.quotes.map((q) => q.text)));
  assert.ok(!analysis.quotes.some((quote) => quote.text.startsWith('whether she would go')), JSON.stringify(analysis.quotes.map((q) => q.text)));
});

test('", while …" hands the sentence to another speaker; an office speaks for its owner; published figures speak for their publisher', () => {
  const analysis = analyse('Chilean commentators called for sanctions against Lima, while a Peruvian senator urged calm. Benjamin Netanyahu returned home. Netanyahu\'s office said the hostages were free. Nearly half of the families live in rented flats, according to figures released by Chile\'s Ministry of Labour.');
  const called = quoteContaining(analysis, 'sanctions against Lima');
  assert.ok(!called.text.includes('senator'), called.text);
  const office = quoteContaining(analysis, 'the hostages were free');
  assert.equal(speakerName(analysis, office), 'Benjamin Netanyahu');
  const figures = quoteContaining(analysis, 'rented flats');
  assert.match(figures.source?.text ?? '', /Ministry of Labour$/);
  assert.equal(speakerName(analysis, figures), 'Ministry of Labour');
});

test('reported content stops where the narrator comments: ", but …", ", though …", ", a charge …"', () => {
  const analysis = analyse('Chile has promised to help build the route through the Andes, but Chilean money has not yet been committed. Bolivia warned against any change of borders, though it has not threatened force. Peru accused Chile of shooting down a drone in May, a charge Santiago has only partly acknowledged.');
  assert.ok(quoteContaining(analysis, 'route through the Andes').text.endsWith('the Andes'), JSON.stringify(analysis.quotes.map((quote) => quote.text)));
  assert.ok(!analysis.quotes.some((quote) => /not yet been committed|threatened force|partly acknowledged/.test(quote.text)), JSON.stringify(analysis.quotes.map((quote) => quote.text)));
});

test('one speaker\'s two attributions joined by "and said": the first stops before it', () => {
  const analysis = analyse('Foreign ministry spokeswoman Rosa Diaz urged Peru to reverse the move and said Chile would take measured steps.');
  const urged = quoteContaining(analysis, 'reverse the move');
  assert.ok(urged.text.endsWith('reverse the move'), urged.text);
  assert.equal(quoteContaining(analysis, 'measured steps').text, 'Chile would take measured steps');
});

test('", and he accused …": the narrator\'s next clause ends the reported content; ", and it would …" is still reported', () => {
  const analysis = analyse('Pedro Ruiz warned on Monday that Lima would oppose any change to the border, and he accused Santiago of meddling. Rosa Diaz said Chile would pay, and it would also help the families.');
  const warned = quoteContaining(analysis, 'oppose any change');
  assert.ok(warned.text.endsWith('change to the border'), warned.text);
  assert.ok(quoteContaining(analysis, 'Chile would pay').text.endsWith('help the families'));
});

test('"said it was concerned and offered to mediate": a simple past joined to a reported state or modal clause is the speaker\'s next act; a shared tense keeps the report whole', () => {
  const analysis = analyse('Bolivia\'s Foreign Ministry said it was deeply concerned and offered to mediate. Peru said it would attend the talks and urged Chile to do the same. ' +
    'Chile said Bolivian troops had shelled the post and killed two soldiers. Peru said the talks were useful and would continue.');
  const texts = analysis.quotes.map((quote) => quote.text);
  assert.ok(texts.includes('it was deeply concerned'), JSON.stringify(texts));
  assert.ok(texts.includes('it would attend the talks'), JSON.stringify(texts));
  assert.ok(texts.includes('Bolivian troops had shelled the post and killed two soldiers'), JSON.stringify(texts));
  assert.ok(texts.includes('the talks were useful and would continue'), JSON.stringify(texts));
  // The act left to the narrator is no longer reported by the speaker.
  const offered = analysis.events.find((event) => event.trigger.text === 'offered');
  assert.ok(offered, JSON.stringify(analysis.events.map((event) => event.trigger.text)));
  assert.equal(offered.attribution, null);
});

test('"dismissed that call", "denied the allegation": a determiner "that" opens a noun phrase, and an act answered quotes no words', () => {
  const analysis = analyse('Peru\'s foreign minister Rosa Diaz dismissed that call as absurd. Chile\'s defence minister Pedro Ruiz denied the allegation. ' +
    'Peru\'s president Ana Ruiz rejected that proposal on Monday. Rosa Diaz said that the plan would fail.');
  const texts = analysis.quotes.map((quote) => quote.text);
  assert.ok(!texts.some((text) => /call|allegation/.test(text)), JSON.stringify(texts));
  // Stance words before a noun phrase may still be reported (PolNeAR counts them), but never without their determiner.
  assert.ok(texts.filter((text) => text.includes('proposal')).every((text) => text.startsWith('that proposal')), JSON.stringify(texts));
  assert.ok(texts.includes('the plan would fail'), JSON.stringify(texts));
});

test('a sum pledged or promised is an act, not words; a phrase quoted before "and said" leaves the cue to its own clause', () => {
  const analysis = analyse('At a conference in Quito last week, donors pledged about 200 million dollars. Chile promised 5 million dollars on Monday. ' +
    'Interior Minister Pablo Soto thanked the President of Uruguay for his "tireless efforts" and said no concessions had been offered to La Paz.');
  const texts = analysis.quotes.map((quote) => quote.text);
  assert.ok(!texts.some((text) => /million/.test(text)), JSON.stringify(texts));
  assert.ok(texts.includes('tireless efforts'), JSON.stringify(texts));
  assert.ok(texts.includes('no concessions had been offered to La Paz'), JSON.stringify(texts));
});

test('thanking, referring and agreeing to act report no words', () => {
  const analysis = analyse('Rosa Diaz thanked him for the help. He said the deal was fair, referring to the border accord. Chile and Peru agreed on Wednesday to increase gas deliveries. Peru agreed that the talks had gone well.');
  const texts = analysis.quotes.map((quote) => quote.text);
  assert.ok(!texts.some((text) => /^him|the border accord|increase gas/.test(text)), JSON.stringify(texts));
  assert.ok(texts.includes('the deal was fair'), JSON.stringify(texts));
  assert.ok(texts.some((text) => text.startsWith('the talks had gone well')), JSON.stringify(texts));
});

test('a passive cue\'s "by" phrase is the speaker, and what was said follows it', () => {
  const analysis = analyse('Peru has been accused by Chile of hiding the fate of missing fishermen.');
  const quote = quoteContaining(analysis, 'hiding the fate');
  assert.equal(speakerName(analysis, quote), 'Chile');
  assert.ok(!quote.text.startsWith('by'), quote.text);
});

test('a direct quote ends before the comma that hands the sentence back to the narrator', () => {
  const analysis = analyse('"This is a step toward peace," Rosa Diaz said. "We will see," she added, "whether it holds."');
  const step = quoteContaining(analysis, 'This is a step');
  assert.equal(step.text, 'This is a step toward peace');
  assert.equal(analysis.document.text.slice(step.start, step.end), step.text);
});

test('declining or refusing to comment reports no words', () => {
  const analysis = analyse('Its director, Ana Ruiz, declined to comment when contacted by reporters. The ministry refused to say when the talks would resume. Peru said it would respond.');
  const texts = analysis.quotes.map((quote) => quote.text);
  assert.ok(!texts.some((text) => /comment|talks would resume/.test(text)), JSON.stringify(texts));
  assert.ok(texts.includes('it would respond'), JSON.stringify(texts));
});

test('"EFE quoted Ana Ruiz as saying that …": the person quoted speaks, the words follow "as saying"', () => {
  const analysis = analyse('EFE quoted Chilean Foreign Minister Ana Ruiz as saying that the talks would resume in October.');
  const quote = quoteContaining(analysis, 'the talks would resume');
  assert.equal(quote.text, 'the talks would resume in October');
  assert.match(quote.source?.text ?? '', /Ana Ruiz$/);
  assert.equal(speakerName(analysis, quote), 'Ana Ruiz');
});

test('a timeline\'s day labels and a fact-check\'s headings name no speaker', () => {
  const analysis = analyse('Monday: A court in Lima sentenced three men to life in prison.\n\nSunday: Chilean Foreign Minister Ana Ruiz said in an interview that Chile would not withdraw its envoy.\n\nVerdict: False. The figures show trade grew.');
  assert.ok(!analysis.quotes.some((quote) => /^(monday|sunday|verdict)$/i.test(quote.source?.text ?? '')), JSON.stringify(analysis.quotes.map((quote) => quote.source?.text)));
  assert.equal(speakerName(analysis, quoteContaining(analysis, 'would not withdraw')), 'Ana Ruiz');
});

test('a place that only locates the speaker does not speak ("an industry source in Lima", "officials in Santiago")', () => {
  const analysis = analyse('An industry source in Lima, who asked not to be named, said the pause was political. Officials in Santiago said the talks would resume.');
  assert.equal(quoteContaining(analysis, 'the pause was political').speaker, null);
  const officials = analysis.entities.find((entity) => entity.id === quoteContaining(analysis, 'the talks would resume').speaker);
  assert.notEqual(officials?.type, 'GPE');
});

test('a cue found on a verb of doing with no clause after it reports an act, not words; a stance verb before a noun phrase still reports', () => {
  const analysis = analyse('Chilean President Gabriel Boric apologized to President Arce in October. The Peruvian utility raised household tariffs by 9 percent. Bolivia called for new talks on the border. Bolivian officials pressed for a rapid conclusion of the talks.');
  const texts = analysis.quotes.map((quote) => quote.text);
  assert.ok(!texts.some((text) => text.includes('President Arce in October') || text.includes('household tariffs')), JSON.stringify(texts));
  assert.equal(speakerName(analysis, quoteContaining(analysis, 'new talks on the border')), 'Bolivia');
  assert.ok(quoteContaining(analysis, 'a rapid conclusion of the talks'));
});

test('"…,” he said after an account credited "according to" someone continues that source, not the subject further back', () => {
  const analysis = analyse('President Gabriel Boric has promised a referendum, but he may not hold it until 2027. If the vote fails, Peru could refuse to sign the treaty, according to Carlos Mendez, an analyst at a Lima institute. "The treaty is hostage to a referendum," he said.');
  assert.equal(speakerName(analysis, quoteContaining(analysis, 'hostage to a referendum')), 'Carlos Mendez');
});

test('a speech withheld ("did not say how", "did not respond to a request for comment") and a court upholding a sentence report no words', () => {
  const analysis = analyse('Bolivia’s envoy said La Paz would help, though he did not say how. Peru’s foreign ministry did not respond to a request for comment. A Lima appeals court upheld a 15-year sentence handed to Juan Rojas. Chile did not say that talks had failed.');
  const texts = analysis.quotes.map((quote) => quote.text);
  assert.ok(texts.includes('La Paz would help'), JSON.stringify(texts));
  assert.ok(!texts.some((text) => /^(how|a request for comment|a 15-year sentence)/.test(text)), JSON.stringify(texts));
  assert.ok(texts.includes('talks had failed'), 'a withheld cue with a clause after it still reports the clause');
});

test('an interview: "Q (NAME):" and "A (NAME):" name who asks and who answers, a bare "Q:" or "A:" is their turn again, each turn the whole paragraph', () => {
  const text = [
    'LIMA, May 4 (Radio Andes) — Host Ana Rojas spoke to Peru’s deputy foreign minister, Luis Vera, about the border talks with Chile.',
    'Q (ROJAS): Chile says the new crossing will open in June. Is that true?',
    'A (VERA): No. The crossing will open in August, after our engineers finish the road.',
    'Q: What about the fishermen detained in Arica?',
    'A: They are home. We thanked Santiago for that.',
  ].join('\n\n');
  const analysis = analyse(text);
  const turn = (opening: string): Quote => {
    const found = analysis.quotes.find((quote) => quote.text.startsWith(opening));
    assert.ok(found, `no quote opening "${opening}" in ${JSON.stringify(analysis.quotes.map((quote) => quote.text))}`);
    return found;
  };
  assert.equal(speakerName(analysis, turn('Chile says the new crossing')), 'Ana Rojas');
  const answer = turn('No. The crossing will open in August');
  assert.equal(speakerName(analysis, answer), 'Luis Vera');
  assert.ok(answer.text.endsWith('finish the road'), answer.text);
  assert.equal(speakerName(analysis, turn('What about the fishermen')), 'Ana Rojas');
  assert.equal(speakerName(analysis, turn('They are home. We thanked Santiago')), 'Luis Vera');
});

test('whom words went to, with no clause of what was said, is no quote ("has written to the OAS", "apologised to Jeri on Thursday for …")', () => {
  const analysis = analyse('Quispe has written to the Red Cross, to the Peruvian government and, in May, to the United Nations. Boric apologised to Jeri on Thursday for the downing of the plane near Arica. Peru said to reporters that talks would resume.');
  assert.deepEqual(analysis.quotes.map((quote) => quote.text), ['talks would resume']);
});

test('denying the allegation or welcoming the verdict answers an act and quotes no words; a claim denied is still reported', () => {
  const analysis = analyse('The Peruvian Interior Ministry denied the allegation. Human Rights Watch welcomed the verdict. Bolivia denied that its troops had crossed the border.');
  assert.deepEqual(analysis.quotes.map((quote) => quote.text), ['its troops had crossed the border']);
});
