/**
 * The readable summary `storyline analyze` prints by default: what the article is, who is in it,
 * when things happen, the numbers, the quotes and the events, each with its words from the text.
 */
import type { Analysis, Entity } from '../../contract/types.js';

function quoteText(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function counts<T extends string>(values: readonly T[]): string {
  const tally = new Map<T, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  return [...tally].map(([value, count]) => `${count} ${value}`).join(', ');
}

/** The line closing a list cut short: how many more the JSON output holds. */
function more(total: number, shown: number): string[] {
  return total > shown ? [`     … and ${total - shown} more (--json lists all)`] : [];
}

function entityLine(entity: Entity): string {
  const parts: string[] = [entity.type];
  if (entity.actor) parts.push(entity.actor.code);
  for (const role of entity.roles) parts.push(role.of ? `${role.title} (${role.of})` : role.title);
  return `${entity.name} [${parts.join(', ')}] ×${entity.mentions.length}`;
}

export function formatSummary(analysis: Analysis, source: string): string {
  const { document } = analysis;
  const names = new Map(analysis.entities.map((entity) => [entity.id, entity.name]));
  const lines: string[] = [];
  const meta = [document.outlet, document.agency && `via ${document.agency}`, document.published].filter(Boolean).join(', ');
  lines.push(`== ${source}${document.title ? ` — ${document.title}` : ''}${meta ? ` (${meta})` : ''}`);
  lines.push(
    `   id ${document.id} · language ${document.language} · ${analysis.sentences.length} sentences · blocks: ${counts(analysis.blocks.map((block) => block.kind))}`,
  );
  for (const warning of analysis.warnings) lines.push(`   ! ${warning}`);
  if (analysis.entities.length) {
    lines.push(`   Entities (${analysis.entities.length})`);
    const ranked = [...analysis.entities].sort((a, b) => b.mentions.length - a.mentions.length);
    for (const entity of ranked.slice(0, 15)) lines.push(`     ${entityLine(entity)}`);
    lines.push(...more(ranked.length, 15));
  }
  if (analysis.times.length) {
    lines.push(`   Times (${analysis.times.length})`);
    for (const time of analysis.times.slice(0, 15)) {
      lines.push(`     "${time.text}" → ${time.value}${time.mod ? ` ${time.mod}` : ''} (${time.type}, ${time.anchor})`);
    }
    lines.push(...more(analysis.times.length, 15));
  }
  if (analysis.quantities.length) {
    lines.push(`   Quantities (${analysis.quantities.length})`);
    for (const quantity of analysis.quantities.slice(0, 10)) {
      const of = quantity.of !== null ? ` of ${quantity.of}` : '';
      lines.push(`     "${quantity.text}" → ${quantity.value}${of}${quantity.unit ? ` ${quantity.unit}` : ''} (${quantity.approx})`);
    }
    lines.push(...more(analysis.quantities.length, 10));
  }
  if (analysis.quotes.length) {
    lines.push(`   Quotes (${analysis.quotes.length})`);
    for (const quote of analysis.quotes.slice(0, 10)) {
      const speaker = quote.speaker ? names.get(quote.speaker) ?? quote.speaker : quote.source ? `${quote.source.text} (no entity)` : 'unknown speaker';
      lines.push(`     ${speaker}: “${quoteText(quote.text)}” (${quote.kind})`);
    }
    lines.push(...more(analysis.quotes.length, 10));
  }
  if (analysis.events.length) {
    lines.push(`   Events (${analysis.events.length})`);
    // Who and whom by name with their actor codes; where, and who claims it, so a claim never reads as a fact.
    const party = (ids: readonly string[], codes: readonly string[]): string =>
      ids.length === 0 ? '?' : `${ids.map((id) => names.get(id) ?? id).join(' + ')}${codes.length ? ` (${codes.join('+')})` : ''}`;
    for (const event of analysis.events.slice(0, 20)) {
      const when = event.when.value ? ` on ${event.when.value}${event.when.carried ? ' (story day)' : ''}` : '';
      const where = event.where.name ? ` in ${event.where.name}` : '';
      const hedge = event.hedge ? `, ${event.hedge}` : '';
      const speaker = event.attribution?.speaker ? names.get(event.attribution.speaker) : undefined;
      const per = speaker ? ` — per ${speaker}` : '';
      // An inferred doer says so, and from which place ("PERGOV, inferred from Lima").
      const doer = event.source_inferred ? `? (${event.source_actors.join('+')}, inferred from ${names.get(event.source_inferred.from) ?? event.source_inferred.from})` : party(event.source, event.source_actors);
      lines.push(`     ${doer} → ${party(event.target, event.target_actors)}: ${event.cameo} ${event.plover ?? ''} "${event.trigger.text}" [${event.status}${hedge}]${when}${where}${per}`);
    }
    lines.push(...more(analysis.events.length, 20));
  }
  return lines.join('\n');
}
