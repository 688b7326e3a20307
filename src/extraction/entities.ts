/**
 * Entry point of the entity stage (the implementation lives in ./entities/): `extractEntities`
 * and `entityAt`.
 */
export { entityAt, extractEntities } from './entities/index.js';
