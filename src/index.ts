/**
 * Storyline as a library: the package's one entry point. Read articles (`readInputs`), analyse each
 * (`createStoryline().analyze`), compare several on one story (`compareAnalyses`, `renderStory`),
 * and check output against the contracts (`schemaErrors`, `storySchemaErrors`, `spanErrors`). The CLI is built on
 * exactly these functions.
 */
export { createStoryline, analyzeDocument, documentId } from './pipeline.js';
export type { AnalyzeOptions, PipelineResources, Storyline, StorylineOptions } from './pipeline.js';
export { readInputs, DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_BYTES } from './input/index.js';
export type { LineHint, LineHintKind, ReadFailure, ReadOptions, ReadOutcome, SourceDocument } from './input/index.js';
export { compareAnalyses } from './linking/story.js';
export { renderStory } from './linking/render.js';
export type { BriefFormat } from './linking/render.js';
export * from './contract/types.js';
export * from './contract/story.js';
export * from './contract/validate.js';
