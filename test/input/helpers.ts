/** Shared helpers for the input-stage tests: a scratch folder and a way to gather all outcomes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { readInputs, type ReadOptions } from '../../src/input/index.js';
import type { ReadOutcome, SourceDocument } from '../../src/input/types.js';

/** A temp folder removed when the test file ends; `write` puts a file in it and returns its path. */
export function scratch(): { dir: string; write: (name: string, content: string | Uint8Array) => string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'storyline-input-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
  };
}

export async function readAll(inputs: string[], options?: ReadOptions): Promise<ReadOutcome[]> {
  const outcomes: ReadOutcome[] = [];
  for await (const outcome of readInputs(inputs, options)) outcomes.push(outcome);
  return outcomes;
}

/** The single document read from one input; fails the test when it was a failure. */
export async function readOne(input: string, options?: ReadOptions): Promise<SourceDocument> {
  const outcomes = await readAll([input], options);
  if (outcomes.length !== 1) throw new Error(`expected one outcome, got ${outcomes.length}`);
  const [outcome] = outcomes;
  if (!outcome.ok) throw new Error(`expected a document, got failure: ${outcome.failure.reason}`);
  return outcome.document;
}

/** The single failure reason from one input; fails the test when a document was read. */
export async function failureOf(input: string, options?: ReadOptions): Promise<string> {
  const outcomes = await readAll([input], options);
  if (outcomes.length !== 1) throw new Error(`expected one outcome, got ${outcomes.length}`);
  const [outcome] = outcomes;
  if (outcome.ok) throw new Error(`expected a failure, got a document: ${outcome.document.text.slice(0, 80)}`);
  return outcome.failure.reason;
}
