import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { readAll, failureOf, readOne } from './helpers.js';

const longParagraph = 'Engineers inspected the dam on Thursday and said the structure was sound, although heavy rain is forecast for the weekend and the reservoir remains close to its highest level in a decade.';

let server: Server;
let base = '';

before(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === '/article') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<html><head><meta property="og:site_name" content="Dam Watch"><link rel="canonical" href="/stories/dam"></head><body><article><p>${longParagraph}</p><p>${longParagraph}</p></article></body></html>`);
    } else if (url === '/moved') {
      response.writeHead(301, { location: '/article' });
      response.end();
    } else if (url.startsWith('/hop/')) {
      const n = Number(url.slice(5));
      response.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/article' });
      response.end();
    } else if (url === '/loop-a') {
      response.writeHead(302, { location: '/loop-b' });
      response.end();
    } else if (url === '/loop-b') {
      response.writeHead(302, { location: '/loop-a' });
      response.end();
    } else if (url === '/slow') {
      // Never answers; the client's deadline must end the request.
    } else if (url === '/stalls') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('The first words arrive and then nothing more');
    } else if (url === '/huge-streamed') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const push = (): void => {
        while (sent < 400 && response.write(chunk)) sent++;
        if (sent < 400) response.once('drain', push);
        else response.end();
      };
      push();
    } else if (url === '/huge-declared') {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) });
      response.write('only the start');
    } else if (url === '/image') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else if (url === '/api') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify([{ text: 'First wire story.' }, { text: 'Second wire story.' }]));
    } else if (url === '/feed') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end('<rss version="2.0"><channel><title>Dam Watch</title><item><title>Level falls</title><link>/stories/level</link><description>The water level fell overnight.</description></item></channel></rss>');
    } else if (url === '/plain') {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('title: Served plain\n\nA short plain report.\n');
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

test('an HTML page is fetched; a relative canonical URL is resolved against it', async () => {
  const document = await readOne(`${base}/article`);
  assert.equal(document.source, `${base}/article`);
  assert.equal(document.text, `${longParagraph}\n${longParagraph}`);
  assert.equal(document.outlet, 'Dam Watch');
  assert.equal(document.url, `${base}/stories/dam`);
});

test('redirects are followed up to the limit', async () => {
  assert.equal((await readOne(`${base}/moved`)).source, `${base}/moved`);
  assert.ok((await readOne(`${base}/hop/3`)).text.startsWith('Engineers'));
  assert.match(await failureOf(`${base}/hop/3`, { maxRedirects: 2 }), /too many redirects \(more than 2\)/);
});

test('a redirect loop is reported with its path', async () => {
  assert.match(await failureOf(`${base}/loop-a`), /redirect loop: .*\/loop-a → .*\/loop-b → .*\/loop-a/);
});

test('a 404 is a failure naming the status', async () => {
  assert.match(await failureOf(`${base}/missing`), /HTTP 404 Not Found/);
});

test('a URL that does not answer times out', async () => {
  const started = Date.now();
  assert.match(await failureOf(`${base}/slow`, { fetchTimeoutMs: 300 }), /timed out after 0\.3 s/);
  assert.ok(Date.now() - started < 5000);
});

test('a body that stalls halfway times out too', async () => {
  assert.match(await failureOf(`${base}/stalls`, { fetchTimeoutMs: 300 }), /timed out/);
});

test('other URL schemes are refused', async () => {
  assert.match(await failureOf('ftp://files.example/story.txt'), /unsupported URL scheme ftp/);
});

test('a huge body is cut off while streaming, or refused from its declared length', async () => {
  assert.match(await failureOf(`${base}/huge-streamed`, { maxBytes: 1024 * 1024 }), /response body is more than 1\.0 MiB, over the 1\.0 MiB limit/);
  assert.match(await failureOf(`${base}/huge-declared`), /response body is 50\.0 MiB, over the 10\.0 MiB limit/);
});

test('a content type that is not an article is refused', async () => {
  assert.match(await failureOf(`${base}/image`), /unsupported content type image\/png/);
});

test('JSON and plain text are read from URLs too, and the batch goes on after failures', async () => {
  const outcomes = await readAll([`${base}/api`, `${base}/missing`, `${base}/plain`]);
  assert.deepEqual(
    outcomes.map((outcome) => (outcome.ok ? `${outcome.document.source}: ${outcome.document.text}` : `fail ${outcome.failure.source}`)),
    [`${base}/api#1: First wire story.`, `${base}/api#2: Second wire story.`, `fail ${base}/missing`, `${base}/plain: A short plain report.`],
  );
  const fromApi = outcomes[0];
  assert.ok(fromApi.ok && fromApi.document.url === null, 'an item of a JSON list does not take the list\'s URL');
  const plain = outcomes[3];
  assert.ok(plain.ok && plain.document.title === 'Served plain' && plain.document.url === `${base}/plain`);
});

test('a feed is read from a URL, its relative item links resolved against it', async () => {
  const outcomes = await readAll([`${base}/feed`]);
  assert.equal(outcomes.length, 1);
  const [item] = outcomes;
  assert.ok(item.ok);
  if (item.ok) {
    assert.equal(item.document.source, `${base}/feed#1`);
    assert.equal(item.document.url, `${base}/stories/level`);
    assert.equal(item.document.outlet, 'Dam Watch');
  }
});

test('a refused connection is a failure', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  assert.match(await failureOf(`http://127.0.0.1:${port}/`), /connection refused/);
});
