// The news side of `storyline eval sentences`: MEANTIME articles rebuilt from their tokens (spacing,
// quotes, title and dateline lines) and the splitter's score on them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentencesEval } from '../../src/eval/sentences.js';
import { readNewsSentenceDocument, readNewsSentenceDocuments } from '../../src/eval/sentencesNews.js';
import { sharedPath } from '../../src/paths.js';

const MEANTIME = sharedPath('corpora', 'meantime');

function tokenXml(tokens: Array<[number, string]>): string {
  const lines = tokens.map(([sentence, form], index) => `<token number="${index}" sentence="${sentence}" t_id="${index + 1}">${form}</token>`);
  return `<Document doc_name="x">\n${lines.join('\n')}\n</Document>`;
}

test('a news article is rebuilt from its tokens with news spacing, its title and dateline on lines of their own', () => {
  const xml = tokenXml([
    [0, 'Ferry'], [0, 'service'], [0, 'resumes'],
    [1, 'March'], [1, '3'], [1, ','], [1, '2011'],
    [2, 'The'], [2, 'operator'], [2, '&apos;s'], [2, 'boats'], [2, 'did'], [2, "n't"], [2, 'sail'], [2, '('], [2, 'storms'], [2, ')'], [2, '.'],
    [3, 'A'], [3, 'captain'], [3, 'said'], [3, '"'], [3, 'we'], [3, 'are'], [3, 'ready'], [3, '"'], [3, '.'],
  ]);
  const document = readNewsSentenceDocument(xml, 'x');
  assert.equal(document.text, "Ferry service resumes\nMarch 3, 2011\nThe operator's boats didn't sail (storms). A captain said \"we are ready\".");
  assert.deepEqual(
    document.sentences.map((span) => document.text.slice(span.start, span.end)),
    ['Ferry service resumes', 'March 3, 2011', "The operator's boats didn't sail (storms).", 'A captain said "we are ready".'],
  );
});

test('MEANTIME articles rebuild into gold sentences that tile the text without whitespace at their edges', () => {
  const documents = readNewsSentenceDocuments(MEANTIME, 10);
  assert.equal(documents.length, 10);
  for (const document of documents) {
    assert.ok(document.sentences.length > 3);
    let previousEnd = 0;
    for (const span of document.sentences) {
      assert.ok(span.start >= previousEnd);
      assert.match(document.text.slice(previousEnd, span.start), /^\s*$/);
      assert.doesNotMatch(document.text.slice(span.start, span.end), /^\s|\s$/);
      previousEnd = span.end;
    }
  }
});

test('eval sentences on a MEANTIME folder scores news sentences', async () => {
  const report = await sentencesEval.run({ data: MEANTIME, limit: 30 });
  assert.equal(report.json.documents, 30);
  assert.ok((report.json.f1 as number) > 0.97, `F1 ${String(report.json.f1)}`);
  assert.ok((report.json.precision as number) > 0.97);
});
