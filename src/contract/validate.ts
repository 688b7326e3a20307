/**
 * Checks an analysis against the published contract: the JSON Schema (through Ajv) and the one
 * thing a schema cannot say — that every span points at the exact text it claims. The same for the
 * cross-document `storyline.story/1`, whose spans each name their document.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { resourcePath } from '../paths.js';

const compiled = new Map<string, ValidateFunction>();

function validatorFor(schemaFile: string): ValidateFunction {
  let validate = compiled.get(schemaFile);
  if (!validate) {
    const schema = JSON.parse(readFileSync(resourcePath('src', 'contract', schemaFile), 'utf8')) as object;
    validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    compiled.set(schemaFile, validate);
  }
  return validate;
}

function errorsAgainst(schemaFile: string, value: unknown): string[] {
  const validate = validatorFor(schemaFile);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}

/** Schema errors as readable lines; empty when the value is a valid `storyline.analysis/1`. */
export function schemaErrors(value: unknown): string[] {
  return errorsAgainst('analysis.schema.json', value);
}

/** Schema errors as readable lines; empty when the value is a valid `storyline.story/1`. */
export function storySchemaErrors(value: unknown): string[] {
  return errorsAgainst('story.schema.json', value);
}

interface SpanLike {
  start: number;
  end: number;
  text?: string;
}

function isSpanLike(value: unknown): value is SpanLike {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.start === 'number' && typeof record.end === 'number';
}

/**
 * Walks every object under `root` (skipping keys in `skip`); for each span-like object, `textOf`
 * says which text it must point into (a string), that its document is unknown (null), or that it
 * is not a span to check (undefined). Returns one line per span that falls outside its text or
 * whose `text` differs from the slice.
 */
function spanWalk(root: unknown, textOf: (record: Record<string, unknown>) => string | null | undefined, skip: ReadonlySet<string>): string[] {
  const errors: string[] = [];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${where}/${index}`));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (isSpanLike(value)) {
      const text = textOf(record);
      if (text === null) errors.push(`${where}: unknown document ${String(record.document)}`);
      else if (text !== undefined && (value.start < 0 || value.end > text.length || value.start > value.end)) {
        errors.push(`${where}: span [${value.start}, ${value.end}) outside the text (length ${text.length})`);
      } else if (text !== undefined && typeof value.text === 'string' && text.slice(value.start, value.end) !== value.text) {
        errors.push(`${where}: text ${JSON.stringify(value.text)} differs from the slice ${JSON.stringify(text.slice(value.start, value.end))}`);
      }
    }
    for (const [key, child] of Object.entries(record)) if (!skip.has(key)) visit(child, `${where}/${key}`);
  };
  visit(root, '');
  return errors;
}

/** Every object with numeric start/end must lie inside the text, and its `text` (if any) must equal the slice. */
export function spanErrors(analysis: { document: { text: string } }): string[] {
  return spanWalk(analysis, () => analysis.document.text, new Set(['document']));
}

/** In a story every span names its document: each must lie in that document's text and match it. */
export function storySpanErrors(story: { documents: { id: string }[] }, textOf: (documentId: string) => string | undefined): string[] {
  return spanWalk(story, (record) => (typeof record.document === 'string' ? textOf(record.document) ?? null : undefined), new Set());
}
