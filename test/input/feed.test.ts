import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAll, scratch } from './helpers.js';

const files = scratch();

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Lakeside Gazette</title>
  <link>https://gazette.example</link>
  <item>
    <title>Ferry service resumes</title>
    <link>https://gazette.example/ferry</link>
    <pubDate>Mon, 04 Mar 2024 07:30:00 +0000</pubDate>
    <dc:creator>Lee Park</dc:creator>
    <description>Short summary only.</description>
    <content:encoded><![CDATA[<p>The ferry ran again on Monday.</p><div class="share">Share this</div><p>Passengers &amp; crew cheered.</p>]]></content:encoded>
  </item>
  <item>
    <title>Headline without a body</title>
    <link>https://gazette.example/empty</link>
  </item>
  <item>
    <title>Escaped description</title>
    <pubDate>Tue, 05 Mar 2024 08:00:00 +0000</pubDate>
    <author>desk@gazette.example (News Desk)</author>
    <description>&lt;p&gt;Schools reopened after the storm.&lt;/p&gt;&lt;p&gt;Buses ran on time.&lt;/p&gt;</description>
  </item>
</channel>
</rss>`;

test('RSS items become articles; an item without text fails alone, naming #n', async () => {
  const file = files.write('feed.xml', rss);
  const outcomes = await readAll([file]);
  assert.equal(outcomes.length, 3);
  const [first, second, third] = outcomes;
  assert.ok(first.ok);
  if (first.ok) {
    assert.equal(first.document.source, `${file}#1`);
    assert.equal(first.document.text, 'The ferry ran again on Monday.\nPassengers & crew cheered.');
    assert.equal(first.document.title, 'Ferry service resumes');
    assert.equal(first.document.outlet, 'Lakeside Gazette');
    assert.equal(first.document.author, 'Lee Park');
    assert.equal(first.document.url, 'https://gazette.example/ferry');
    assert.equal(first.document.published, '2024-03-04');
    assert.equal(first.document.published_source, 'metadata');
  }
  assert.ok(!second.ok && second.failure.source === `${file}#2`);
  if (!second.ok) assert.match(second.failure.reason, /no text/);
  assert.ok(third.ok);
  if (third.ok) {
    assert.equal(third.document.text, 'Schools reopened after the storm.\nBuses ran on time.');
    assert.equal(third.document.author, 'News Desk');
  }
});

test('Atom entries, including XHTML content, become articles', async () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Hill Times</title>
  <entry>
    <title type="html">Snow closes &lt;em&gt;mountain&lt;/em&gt; pass</title>
    <link rel="alternate" href="https://hill.example/snow"/>
    <published>2024-12-01T06:00:00-05:00</published>
    <author><name>Dana Cole</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The pass closed on <b>Sunday</b>.</p><p>It may reopen on Tuesday.</p></div></content>
  </entry>
  <entry>
    <title>Plain summary</title>
    <updated>2024-12-02T10:00:00Z</updated>
    <summary>Crews cleared the road overnight.</summary>
  </entry>
</feed>`;
  const outcomes = await readAll([files.write('atom.txt', atom)]);
  assert.equal(outcomes.length, 2);
  const [first, second] = outcomes;
  assert.ok(first.ok && second.ok);
  if (first.ok && second.ok) {
    assert.equal(first.document.text, 'The pass closed on Sunday.\nIt may reopen on Tuesday.');
    assert.equal(first.document.title, 'Snow closes mountain pass');
    assert.equal(first.document.url, 'https://hill.example/snow');
    assert.equal(first.document.author, 'Dana Cole');
    assert.equal(first.document.outlet, 'Hill Times');
    assert.equal(first.document.published, '2024-12-01');
    assert.equal(second.document.text, 'Crews cleared the road overnight.');
    assert.equal(second.document.published, '2024-12-02');
  }
});

test('a feed with a malformed item still yields the good items', async () => {
  const broken = `<rss version="2.0"><channel><title>Broken Wire</title>
  <item><title>Good one</title><description>The first item is fine.</description></item>
  <item><title>Unclosed title<description>This item is broken.</description></item>
  <item><title>Good two</title><description>The third item is fine too.</description></item>
  </channel></rss>`;
  const file = files.write('broken.rss', broken);
  const outcomes = await readAll([file]);
  assert.deepEqual(
    outcomes.map((outcome) => (outcome.ok ? `${outcome.document.source} ${outcome.document.text}` : `fail ${outcome.failure.source}`)),
    [`${file}#1 The first item is fine.`, `fail ${file}#2`, `${file}#3 The third item is fine too.`],
  );
  assert.ok(outcomes[0].ok && outcomes[0].document.outlet === 'Broken Wire');
  if (!outcomes[1].ok) assert.match(outcomes[1].failure.reason, /malformed feed item XML/);
});

test('a feed with no items, and XML that is not a feed, are single failures', async () => {
  const empty = await readAll([files.write('empty-feed.xml', '<rss version="2.0"><channel><title>Quiet</title></channel></rss>')]);
  assert.equal(empty.length, 1);
  assert.ok(!empty[0].ok && /no items/.test(empty[0].failure.reason));
  const notFeed = await readAll([files.write('config.xml', '<?xml version="1.0"?><settings><mode>fast</mode></settings>')]);
  assert.equal(notFeed.length, 1);
  assert.ok(!notFeed[0].ok && /not an RSS or Atom feed/.test(notFeed[0].failure.reason));
});

test('an Atom title of type html has its entities decoded', async () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Andes Brief</title>
  <entry><title type="html">Lima extends mission &amp;ndash; for two more years</title><published>2024-07-01T09:00:00Z</published>
    <content type="html">&lt;p&gt;The mission will stay in the border region until 2026, the ministry said.&lt;/p&gt;</content></entry>
</feed>`;
  const [outcome] = await readAll([files.write('titles.atom', atom)]);
  assert.ok(outcome.ok);
  assert.equal(outcome.document.title, 'Lima extends mission – for two more years');
});
