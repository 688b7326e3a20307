/**
 * URL reader: Node's fetch with one AbortController deadline covering connection, redirects and
 * body; redirects followed by hand (so loops and their length are reported, not just "failed"); the
 * size cap enforced while the body streams in, so a huge response is cut off early; and only
 * content types an article can come in (HTML, plain text, XML feeds, JSON) are accepted.
 */

export interface FetchLimits {
  maxBytes: number;
  fetchTimeoutMs: number;
  maxRedirects: number;
}

export type FetchResult =
  | { ok: true; bytes: Uint8Array; contentType: string; finalUrl: string }
  | { ok: false; reason: string };

const ACCEPTED_TYPE = /^(text\/(html|plain|xml)|application\/(xhtml\+xml|rss\+xml|atom\+xml|rdf\+xml|xml|json|ld\+json|x-ndjson|jsonl|feed\+json))$/;

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} bytes`;
}

export function tooLargeReason(what: string, size: string, maxBytes: number): string {
  return `${what} is ${size}, over the ${formatBytes(maxBytes)} limit per article (raise it with --max-bytes / the maxBytes option)`;
}

/** Reads a body to the end, or stops as soon as it passes `maxBytes`. */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function networkReason(error: unknown, url: string): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return `connection refused by ${new URL(url).host}`;
    case 'ENOTFOUND':
      return `host not found: ${new URL(url).hostname}`;
    case 'ECONNRESET':
      return 'connection reset by the server';
    default:
      return `request failed: ${cause?.message ?? (error as Error).message}`;
  }
}

export async function fetchUrl(url: string, limits: FetchLimits): Promise<FetchResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.fetchTimeoutMs);
  const visited: string[] = [url];
  let current = url;
  try {
    for (;;) {
      const response = await fetch(current, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, application/json;q=0.9, text/plain;q=0.8' },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        const next = new URL(response.headers.get('location') ?? '', current).href;
        if (visited.includes(next)) return { ok: false, reason: `redirect loop: ${[...visited, next].join(' → ')}` };
        if (visited.length > limits.maxRedirects) return { ok: false, reason: `too many redirects (more than ${limits.maxRedirects})` };
        visited.push(next);
        current = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, reason: `HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}` };
      }
      const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
      const mediaType = contentType.split(';')[0].trim();
      if (mediaType && !ACCEPTED_TYPE.test(mediaType)) {
        await response.body?.cancel();
        return { ok: false, reason: `unsupported content type ${mediaType} (expected HTML, plain text, an RSS/Atom feed or JSON)` };
      }
      const declaredLength = Number(response.headers.get('content-length') ?? NaN);
      if (declaredLength > limits.maxBytes) {
        await response.body?.cancel();
        return { ok: false, reason: tooLargeReason('response body', formatBytes(declaredLength), limits.maxBytes) };
      }
      const bytes = response.body ? await readCapped(response.body, limits.maxBytes) : new Uint8Array();
      if (!bytes) return { ok: false, reason: tooLargeReason('response body', `more than ${formatBytes(limits.maxBytes)}`, limits.maxBytes) };
      return { ok: true, bytes, contentType, finalUrl: current };
    }
  } catch (error) {
    if (controller.signal.aborted) {
      return { ok: false, reason: `timed out after ${limits.fetchTimeoutMs / 1000} s (raise it with --timeout / the fetchTimeoutMs option)` };
    }
    return { ok: false, reason: networkReason(error, current) };
  } finally {
    clearTimeout(timer);
  }
}
