import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAll, readOne, scratch } from './helpers.js';

const files = scratch();

test('a JSON object is one article, with the usual field names', async () => {
  const file = files.write(
    'one.json',
    JSON.stringify({ headline: 'Rail strike called off', body: 'Unions called off the strike late on Sunday.', source: { name: 'Metro Daily' }, datePublished: '2024-02-11T22:00:00Z', author: [{ name: 'R. Khan' }], url: 'https://metro.example/rail' }),
  );
  const document = await readOne(file);
  assert.equal(document.source, file);
  assert.equal(document.text, 'Unions called off the strike late on Sunday.');
  assert.equal(document.title, 'Rail strike called off');
  assert.equal(document.outlet, 'Metro Daily');
  assert.equal(document.author, 'R. Khan');
  assert.equal(document.url, 'https://metro.example/rail');
  assert.equal(document.published, '2024-02-11');
  assert.equal(document.published_source, 'metadata');
});

test('a JSON array yields one outcome per object; an object without text fails alone, naming #n', async () => {
  const file = files.write(
    'many.json',
    JSON.stringify([
      { title: 'First', text: 'The first report.', published: '2024-01-02' },
      { title: 'No body here' },
      { title: 'Third', content: '<p>Third report, first paragraph.</p><p>Second paragraph.</p>', outlet: 'Wire', date: 'March 5, 2024' },
      'not an object',
    ]),
  );
  const outcomes = await readAll([file]);
  assert.equal(outcomes.length, 4);
  const [first, second, third, fourth] = outcomes;
  assert.ok(first.ok && first.document.source === `${file}#1` && first.document.text === 'The first report.');
  assert.ok(!second.ok && second.failure.source === `${file}#2`);
  if (!second.ok) assert.match(second.failure.reason, /no text.*"text", "body", "content"/);
  assert.ok(third.ok);
  if (third.ok) {
    assert.equal(third.document.text, 'Third report, first paragraph.\nSecond paragraph.');
    assert.equal(third.document.published, '2024-03-05');
    assert.equal(third.document.outlet, 'Wire');
  }
  assert.ok(!fourth.ok && fourth.failure.source === `${file}#4`);
});

test('JSONL yields one outcome per line; a malformed line fails alone', async () => {
  const lines = [JSON.stringify({ text: 'Line one story.' }), '{"text": "broken', '', JSON.stringify({ text: 'Line three story.', title: 'Three' })];
  const file = files.write('feed.jsonl', lines.join('\n') + '\n');
  const outcomes = await readAll([file]);
  assert.deepEqual(
    outcomes.map((outcome) => (outcome.ok ? outcome.document.text : `fail ${outcome.failure.source}`)),
    ['Line one story.', `fail ${file}#2`, 'Line three story.'],
  );
  const broken = outcomes[1];
  if (!broken.ok) assert.match(broken.failure.reason, /malformed JSON on line 2/);
});

test('malformed JSON in a .json file is a failure; text merely starting with "[" is plain text', async () => {
  const outcomes = await readAll([files.write('bad.json', '{"text": "unterminated')]);
  assert.equal(outcomes.length, 1);
  assert.ok(!outcomes[0].ok);
  if (!outcomes[0].ok) assert.match(outcomes[0].failure.reason, /malformed JSON/);
  const document = await readOne(files.write('bracket.txt', '[Updated] The council met again on Monday.\n'));
  assert.equal(document.text, '[Updated] The council met again on Monday.');
});

test('a news-API response with an "articles" list yields each article', async () => {
  const response = {
    status: 'ok',
    totalResults: 2,
    articles: [
      { source: { id: null, name: 'Daily Example' }, author: 'P. Novak', title: 'Water rationing eased', url: 'https://daily.example/water', publishedAt: '2024-06-30T05:00:00Z', content: 'Water rationing was eased on Saturday.' },
      { source: { name: 'Daily Example' }, title: 'Teaser only', description: 'No body in this one.' },
    ],
  };
  const file = files.write('api.json', JSON.stringify(response));
  const outcomes = await readAll([file]);
  assert.equal(outcomes.length, 2);
  const [first, second] = outcomes;
  assert.ok(first.ok);
  if (first.ok) {
    assert.equal(first.document.source, `${file}#1`);
    assert.equal(first.document.outlet, 'Daily Example');
    assert.equal(first.document.published, '2024-06-30');
    assert.equal(first.document.text, 'Water rationing was eased on Saturday.');
  }
  assert.ok(!second.ok && second.failure.source === `${file}#2`);
});
