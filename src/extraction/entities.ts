/**
 * Entry point of the entity stage (the implementation lives in ./entities/): `extractEntities`,
 * `entityAt` and `speakerAt`.
 */
export { entityAt, extractEntities, speakerAt } from './entities/index.js';
