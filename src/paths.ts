/**
 * Where things live on disk: the project root (found from this module's own location, so it works
 * the same from `src/` under tsx and from `dist/src/` after a build) and the shared corpora folder
 * (`../shared` beside the project, or `$STORYLINE_SHARED`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('storyline: cannot find the project root from ' + import.meta.url);
    dir = parent;
  }
}

/** Absolute path of the project root (the folder holding package.json). */
export const projectRoot: string = findRoot();

/** Absolute path of a resource shipped with the project, e.g. `resourcePath('models', 'pos.bin.gz')`. */
export function resourcePath(...parts: string[]): string {
  return path.join(projectRoot, ...parts);
}

/** Absolute path inside the shared folder (`../shared` or `$STORYLINE_SHARED`). */
export function sharedPath(...parts: string[]): string {
  const base = process.env.STORYLINE_SHARED ?? path.resolve(projectRoot, '..', 'shared');
  return path.join(base, ...parts);
}
