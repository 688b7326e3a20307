/**
 * The interface of an evaluation task run by `storyline eval <task> --data <path>`: it reads real
 * annotated data, runs our own pipeline on it and reports figures both as JSON and as text.
 */
export interface EvalOptions {
  data: string;
  /** Optional model file to evaluate instead of the shipped one. */
  model?: string;
  /** Optional cap on documents/sentences, for quick runs in tests. */
  limit?: number;
}

export interface EvalReport {
  /** Printed with --json: one object, e.g. { task, n, upos, … }. */
  json: Record<string, unknown>;
  /** Printed otherwise: a short human-readable table. */
  text: string;
}

export interface EvalTask {
  name: string;
  summary: string;
  run(options: EvalOptions): Promise<EvalReport>;
}
