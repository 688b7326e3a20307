/**
 * Checks an analysis against the published contract: the JSON Schema (through Ajv) and the one
 * thing a schema cannot say — that every span points at the exact text it claims.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { resourcePath } from '../paths.js';

let compiled: ValidateFunction | null = null;

function analysisValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(resourcePath('src', 'contract', 'analysis.schema.json'), 'utf8')) as object;
  compiled = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return compiled;
}

/** Schema errors as readable lines; empty when the value is a valid `storyline.analysis/1`. */
export function schemaErrors(value: unknown): string[] {
  const validate = analysisValidator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
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

/** Every object with numeric start/end must lie inside the text, and its `text` (if any) must equal the slice. */
export function spanErrors(analysis: { document: { text: string } }): string[] {
  const text = analysis.document.text;
  const errors: string[] = [];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${where}/${index}`));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (isSpanLike(value)) {
      if (value.start < 0 || value.end > text.length || value.start > value.end) {
        errors.push(`${where}: span [${value.start}, ${value.end}) outside the text (length ${text.length})`);
      } else if (typeof value.text === 'string' && text.slice(value.start, value.end) !== value.text) {
        errors.push(`${where}: text ${JSON.stringify(value.text)} differs from the slice ${JSON.stringify(text.slice(value.start, value.end))}`);
      }
    }
    for (const [key, child] of Object.entries(value)) {
      if (key !== 'document') visit(child, `${where}/${key}`);
    }
  };
  visit(analysis, '');
  return errors;
}
