import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlFragmentToText } from '../../src/input/html.js';
import { readOne, scratch } from './helpers.js';

const files = scratch();

const paragraph = (topic: string): string =>
  `Officials in the river town said the ${topic} had been planned for months, and residents who gathered along the embankment on Saturday morning described the mood as cautious but hopeful after a difficult year.`;

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Bridge reopens to traffic | Valley Herald</title>
  <meta property="og:title" content="Bridge reopens to traffic after two years">
  <meta property="og:site_name" content="Valley Herald">
  <meta property="article:published_time" content="2024-05-18T09:15:00+02:00">
  <meta name="author" content="Ana Ruiz">
  <link rel="canonical" href="/news/bridge-reopens">
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge reopens","datePublished":"2024-05-19","publisher":{"@type":"Organization","name":"Valley Herald Ltd"}}</script>
</head>
<body>
  <header class="site-header"><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav></header>
  <div class="ad-slot">Advertisement: buy our newsletter</div>
  <main>
    <article>
      <h1>Bridge reopens to traffic after two years</h1>
      <div class="share-buttons"><a href="#">Share on X</a> <a href="#">Share on Facebook</a></div>
      <p>${paragraph('reopening')}</p>
      <figure><img src="bridge.jpg" alt=""><figcaption>The bridge at dawn. Photo: staff photographer</figcaption></figure>
      <h2>Years of repairs</h2>
      <p>${paragraph('repair programme')}</p>
      <p>The mayor <em>thanked</em> the engineers &amp; crews, calling the work &ldquo;a relief for everyone&rdquo;.<br>Traffic returned within the hour.</p>
      <aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Flood warning lifted across the region today</a></li></ul></aside>
    </article>
  </main>
  <footer>© 2024 Valley Herald. All rights reserved. Contact us and read our privacy policy.</footer>
</body>
</html>`;

test('an HTML page yields its article text one block per line, without page furniture', async () => {
  const document = await readOne(files.write('article.html', page));
  const lines = document.text.split('\n');
  assert.ok(lines.includes('Years of repairs'), 'heading on its own line');
  assert.ok(lines.some((line) => line.startsWith('Officials in the river town said the reopening')));
  assert.ok(lines.includes('The mayor thanked the engineers & crews, calling the work “a relief for everyone”.'));
  assert.ok(lines.includes('Traffic returned within the hour.'), '<br> splits a line');
  for (const furniture of ['Home', 'Share on', 'Advertisement', 'Photo: staff', 'Related stories', 'Flood warning', 'All rights reserved']) {
    assert.ok(!document.text.includes(furniture), `no "${furniture}" in the text`);
  }
  assert.ok(lines.every((line) => line === line.trim() && line.length > 0));
});

test('HTML metadata comes from meta tags first, then JSON-LD', async () => {
  const document = await readOne(files.write('meta.html', page));
  assert.equal(document.title, 'Bridge reopens to traffic after two years');
  assert.equal(document.outlet, 'Valley Herald');
  assert.equal(document.author, 'Ana Ruiz');
  assert.equal(document.published, '2024-05-18');
  assert.equal(document.published_source, 'metadata');
  // A relative canonical link cannot be resolved for a local file.
  assert.equal(document.url, null);
});

test('JSON-LD and <time> fill in what meta tags lack', async () => {
  const bare = `<html><head><title>Port strike ends</title>
    <script type="application/ld+json">[{"@type":"WebSite","name":"Site"},{"@graph":[{"@type":"ReportageNewsArticle","headline":"Port strike ends after talks","url":"https://news.example.net/port","author":[{"@type":"Person","name":"Sam Lee"},{"@type":"Person","name":"Kim Ito"}],"publisher":{"name":"Harbour News"}}]}]</script>
    </head><body><article><time datetime="2023-09-02T18:00:00Z">2 September</time><p>${paragraph('settlement')}</p><p>${paragraph('vote')}</p></article></body></html>`;
  const document = await readOne(files.write('ld.html', bare));
  assert.equal(document.title, 'Port strike ends after talks');
  assert.equal(document.author, 'Sam Lee, Kim Ito');
  assert.equal(document.outlet, 'Harbour News');
  assert.equal(document.url, 'https://news.example.net/port');
  assert.equal(document.published, '2023-09-02');
});

test('HTML is recognised by content, whatever the extension, and a declared charset is honoured', async () => {
  const latin1 = Buffer.from(`<html><head><meta charset="iso-8859-1"></head><body><p>${paragraph('café opening')} Ça va.</p></body></html>`, 'latin1');
  const document = await readOne(files.write('page.txt', latin1));
  assert.match(document.text, /café opening/);
  assert.match(document.text, /Ça va\.$/);
});

test('HTML fragments become block-per-line text', () => {
  assert.equal(htmlFragmentToText('<p>One &amp; two.</p><p>Three<br/>four</p><ul><li>fi&shy;ve</li></ul>'), 'One & two.\nThree\nfour\nfive');
});

test('without og:title the page title loses its site-name suffix; a "By" byline becomes the author', async () => {
  const html = `<html><head><title>Dam declared safe after inspection | River Post</title><meta name="author" content="By Mary Smith"></head>
    <body><div class="story"><p>${paragraph('inspection')}</p><p>${paragraph('review')}</p></div></body></html>`;
  const document = await readOne(files.write('title.html', html));
  assert.equal(document.title, 'Dam declared safe after inspection');
  assert.equal(document.author, 'Mary Smith');
});

test('a bare HTML fragment file is read as an article', async () => {
  const document = await readOne(files.write('fragment.html', `<p>${paragraph('festival')}</p>\n<p>Short closing line.</p>`));
  assert.deepEqual(document.text.split('\n'), [paragraph('festival'), 'Short closing line.']);
});

test("the outlet's name is taken off the end of a title", async () => {
  const html = `<html><head><meta property="og:title" content="Floodgates opened as river rises - Valley Herald"><meta property="og:site_name" content="Valley Herald"></head>
    <body><article><p>${paragraph('opening')}</p><p>${paragraph('warning')}</p></article></body></html>`;
  const document = await readOne(files.write('suffix.html', html));
  assert.equal(document.title, 'Floodgates opened as river rises');
  assert.equal(document.outlet, 'Valley Herald');
});

test('boxes that are furniture whatever they hold are dropped: embedded posts, sign-up boxes, paywall barriers, captions, test-id ads', async () => {
  const html = `<html><head><title>Ferry service resumes</title></head><body><article>
    <p>${paragraph('ferry service')}</p>
    <blockquote class="twitter-tweet"><p>Great day for the island, thank you all.</p>&mdash; Port Office (@port) <a href="#">May 3, 2024</a></blockquote>
    <div class="newsletter-signup"><h3>Sign up to Morning Brief</h3><p>Our daily email explains the news that matters to you.</p><p>Privacy notice: newsletters may carry ads.</p></div>
    <p class="wp-caption-text">The ferry leaving port. Photo: staff</p>
    <div data-testid="Advertisement"><span>Scroll down to keep reading</span></div>
    <p>${paragraph('new timetable')}</p>
    <div class="barrier"><h2>Keep reading</h2><p>Try a month for one dollar.</p><p>Cancel at any time during your trial.</p></div>
  </article></body></html>`;
  const document = await readOne(files.write('boxes.html', html));
  assert.match(document.text, /ferry service had been planned/);
  assert.match(document.text, /new timetable had been planned/);
  for (const furniture of ['thank you all', 'Port Office', 'Morning Brief', 'daily email', 'Privacy notice', 'leaving port', 'Scroll down', 'one dollar', 'Cancel at any time']) {
    assert.ok(!document.text.includes(furniture), `"${furniture}" is furniture`);
  }
});

test('a page declared windows-1252 gets its curly quotes and dashes, not C1 control characters', async () => {
  const bytes = Buffer.concat([
    Buffer.from(`<html><head><meta charset="windows-1252"><title>Vote`),
    Buffer.from([0x20, 0x96, 0x20]),
    Buffer.from(`Ledger</title></head><body><p>${paragraph('count')} The mayor called it `),
    Buffer.from([0x93]), Buffer.from('fair'), Buffer.from([0x94, 0x85, 0x20]), Buffer.from('Peru'), Buffer.from([0x92]), Buffer.from('s turn.</p></body></html>'),
  ]);
  const document = await readOne(files.write('cp1252.html', bytes));
  assert.match(document.text, /called it “fair”… Peru’s turn\.$/);
  assert.doesNotMatch(document.text, /[\u0080-\u009f]/);
});

test('the fullest headline wins: og:title cut short of the JSON-LD headline, a <title> that is the <h1> plus the site (which names the outlet)', async () => {
  const cut = `<html><head><meta property="og:title" content="Peru and Chile sign fishing pact">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Peru and Chile sign fishing pact, leaving quotas for later"}</script></head>
    <body><article><h1>Peru and Chile sign fishing pact, leaving quotas for later</h1><p>${paragraph('signing')}</p></article></body></html>`;
  assert.equal((await readOne(files.write('cut.html', cut))).title, 'Peru and Chile sign fishing pact, leaving quotas for later');
  const suffixed = `<html><head><title>Bolivia votes – early turnout high – Andes Review</title></head>
    <body><h1>Bolivia votes – early turnout high in La Paz</h1><p>${paragraph('vote')}</p></body></html>`;
  const document = await readOne(files.write('suffixed.html', suffixed));
  assert.equal(document.title, 'Bolivia votes – early turnout high in La Paz');
  assert.equal(document.outlet, 'Andes Review');
});

test('JSON-LD @id references in @graph name the publisher and the authors', async () => {
  const graph = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'NewsArticle', headline: 'Port reopens', datePublished: '2024-06-12T08:00:00+04:00', author: [{ '@id': '#ana' }], publisher: { '@id': '#org' } },
      { '@type': 'Organization', '@id': '#org', name: 'Pacific Monitor' },
      { '@type': 'Person', '@id': '#ana', name: 'Ana Ruiz' },
    ],
  };
  const html = `<html><head><script type="application/ld+json">${JSON.stringify(graph)}</script></head><body><p>${paragraph('port')}</p></body></html>`;
  const document = await readOne(files.write('graph.html', html));
  assert.equal(document.outlet, 'Pacific Monitor');
  assert.equal(document.author, 'Ana Ruiz');
});
