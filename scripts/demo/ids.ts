import { createHash } from 'node:crypto';
import { slugify } from '../../shared/text/fold';

const MAX_ID_LENGTH = 80;
const SUFFIX_LENGTH = 5; // '-' + 4 hex

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text.normalize('NFC'), 'utf8').digest('hex');
}

/**
 * The id of a demo record: slug of its name plus 4 hex of the name's SHA-1, so the same name always
 * gives the same id (re-seeding, links in docs and tests) and two similar names still differ.
 */
export function demoId(name: string): string {
  const slug = slugify(name).slice(0, MAX_ID_LENGTH - SUFFIX_LENGTH).replace(/-+$/, '');
  return `${slug}-${sha1Hex(name).slice(0, 4)}`;
}

/**
 * A number in [min, max] drawn from text: demo values look varied but are identical on every run,
 * which keeps `demoCatalog(now)` a pure function.
 */
export function stableInt(text: string, min: number, max: number): number {
  const n = Number.parseInt(sha1Hex(text).slice(0, 8), 16);
  return min + (n % (max - min + 1));
}
