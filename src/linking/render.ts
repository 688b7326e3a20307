/**
 * A `storyline.story/1` as something an editor can read: the timeline of merged events with the
 * outlets that report them, the quotes by speaker, the disagreements and what each article alone
 * reports — as plain text, Markdown, or a self-contained HTML page (all text escaped).
 */
import type { Story, StoryDocument, StoryEvent } from '../contract/story.js';

export type BriefFormat = 'text' | 'md' | 'html';

/** One block of the brief: a heading and its items, each item a line with optional detail lines. */
interface Section {
  title: string;
  items: { line: string; details: string[] }[];
}

const MAX_EXCERPT = 160;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_EXCERPT ? `${flat.slice(0, MAX_EXCERPT - 1)}…` : flat;
}

function documentLabel(document: StoryDocument, index: number): string {
  const letter = String.fromCharCode(65 + (index % 26)) + (index >= 26 ? String(Math.floor(index / 26)) : '');
  return `[${letter}]`;
}

function describeDocument(document: StoryDocument): string {
  const name = document.outlet ?? document.agency ?? document.title ?? document.source ?? document.id;
  const title = document.title && document.title !== name ? ` — ${document.title}` : '';
  return `${name}${title}${document.published ? ` (${document.published})` : ''}`;
}

function sections(story: Story): Section[] {
  const labels = new Map(story.documents.map((document, index) => [document.id, documentLabel(document, index)]));
  const label = (documentId: string): string => labels.get(documentId) ?? documentId;
  const entityName = new Map(story.entities.map((entity) => [entity.id, entity.name]));
  const names = (ids: string[]): string => ids.map((id) => entityName.get(id) ?? id).join(', ');
  const eventLine = (event: StoryEvent): string => {
    const who = names([...new Set([...event.source, ...event.target])]);
    const where = event.place.name ? ` in ${event.place.name}` : '';
    const status = event.status === 'occurred' ? '' : ` (${event.status})`;
    return `${event.time ?? 'undated'} · ${event.label}${status}${who ? ` — ${who}` : ''}${where} · reported by ${event.documents.map(label).join(' ')}`;
  };
  const shared = story.events.filter((event) => event.documents.length > 1);
  const timeline: Section = {
    title: `Timeline (${story.events.length} events, ${shared.length} reported by more than one article)`,
    items: story.events.map((event) => ({
      line: eventLine(event),
      details: [...new Map(event.reports.map((report) => [report.document, report])).values()].map(
        (report) => `${label(report.document)} "${excerpt(report.evidence.text)}"${report.status !== 'occurred' ? ` (${report.status})` : ''}${report.hedge ? ` [${report.hedge}]` : ''}`,
      ),
    })),
  };
  const bySpeaker = new Map<string, typeof story.quotes>();
  for (const quote of story.quotes) {
    const speaker = quote.speaker_name ?? 'Unattributed';
    bySpeaker.set(speaker, [...(bySpeaker.get(speaker) ?? []), quote]);
  }
  const quotes: Section = {
    title: 'Quotes by speaker',
    items: [...bySpeaker].map(([speaker, list]) => ({
      line: `${speaker} (${list.length})`,
      // Without a speaker entity, the article's own words for the source say who it was ("officials").
      details: list.map((quote) => {
        const source = quote.speaker ? null : quote.reports[0].source;
        return `${quote.documents.map(label).join(' ')}${source ? ` (${source})` : ''} "${excerpt(quote.reports[0].text)}"`;
      }),
    })),
  };
  const disagreements: Section = {
    title: `Disagreements (${story.discrepancies.length})`,
    items: story.discrepancies.map((discrepancy) => ({
      line: `${discrepancy.kind}: ${discrepancy.note}`,
      details: discrepancy.claims.map((claim) => `${label(claim.document)} "${excerpt(claim.text)}" → ${claim.value ?? '—'}`),
    })),
  };
  const eventById = new Map(story.events.map((event) => [event.id, event]));
  const alone: Section = {
    title: 'What each article alone reports',
    items: story.exclusive.map((entry) => ({
      line: `${label(entry.document)} ${entry.events.length} events, ${entry.quotes.length} quotes`,
      details: entry.events.map((id) => eventById.get(id)).filter((event): event is StoryEvent => event !== undefined).map(eventLine),
    })),
  };
  const sources: Section = {
    title: `Articles (${story.documents.length})`,
    items: story.documents.map((document) => ({ line: `${label(document.id)} ${describeDocument(document)}`, details: [] })),
  };
  return [sources, timeline, quotes, disagreements, alone];
}

function asText(all: Section[]): string {
  return all
    .map((section) => [section.title, ...section.items.flatMap((item) => [`  ${item.line}`, ...item.details.map((detail) => `      ${detail}`)])].join('\n'))
    .join('\n\n');
}

function markdownEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function asMarkdown(all: Section[]): string {
  const body = all.map((section) =>
    [`## ${markdownEscape(section.title)}`, '', ...section.items.flatMap((item) => [`- ${markdownEscape(item.line)}`, ...item.details.map((detail) => `  - ${markdownEscape(detail)}`)])].join('\n'),
  );
  return ['# Story brief', '', body.join('\n\n'), ''].join('\n');
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function asHtml(all: Section[]): string {
  const body = all
    .map(
      (section) =>
        `<section><h2>${escapeHtml(section.title)}</h2><ul>${section.items
          .map((item) => `<li>${escapeHtml(item.line)}${item.details.length ? `<ul>${item.details.map((detail) => `<li>${escapeHtml(detail)}</li>`).join('')}</ul>` : ''}</li>`)
          .join('')}</ul></section>`,
    )
    .join('\n');
  const style = 'body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}li li{color:#444;font-size:.92em}h2{border-bottom:1px solid #ccc}';
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Story brief</title><style>${style}</style></head><body><h1>Story brief</h1>\n${body}\n</body></html>\n`;
}

/** The story as a readable brief in the chosen format. */
export function renderStory(story: Story, format: BriefFormat = 'text'): string {
  const all = sections(story);
  if (format === 'md') return asMarkdown(all);
  if (format === 'html') return asHtml(all);
  return asText(all) + '\n';
}
