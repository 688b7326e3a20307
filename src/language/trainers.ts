/**
 * Every model `storyline train <kind>` can learn. Each trainer lives in its own module and is listed
 * here once.
 */
import { sentencesTrainer } from '../text/trainBoundaries.js';
import { nerTrainer } from './nerTrainer.js';
import { posTrainer } from './pos-model.js';
import { depsTrainer } from './deps-model.js';

export interface TrainOptions {
  data: string;
  out: string;
  /** Training iterations (epochs). */
  iterations?: number;
  seed?: number;
  /** Optional dev file for reporting progress. */
  dev?: string;
  /** Optional cap on training sentences (tests train on a small slice). */
  limit?: number;
  /** Pre-trained word vectors (GloVe text or wink-embeddings JSON), for trainers that take them. */
  embeddings?: string;
  log?: (line: string) => void;
}

export interface Trainer {
  name: string;
  summary: string;
  /** Whether `TrainOptions.embeddings` is read. */
  takesEmbeddings?: boolean;
  train(options: TrainOptions): Promise<void>;
}

export const trainers: Trainer[] = [sentencesTrainer, nerTrainer, posTrainer, depsTrainer];
