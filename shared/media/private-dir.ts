import { isAbsolute, relative, resolve, sep } from 'node:path';

/** True when `dir` is `root` itself or lies under it (both resolved against the working directory). */
export function isInsideDir(dir: string, root: string): boolean {
  const rel = relative(resolve(root), resolve(dir));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
