import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { InvalidInput } from '../http/errors';
import { contentTypeForKey, isValidMediaKey, type MediaObject, type MediaStore } from './media-store';

const FALLBACK_TYPE = 'application/octet-stream';
/** Valid keys never start a segment with a dot, so this folder cannot collide with a stored object. */
const TYPE_DIR = '.content-type';

/**
 * Media on the local disk, one file per key under `rootDir`, so a dev server can serve the folder as
 * it is. The content type is implied by the extension; only when a caller states a different one is
 * it kept beside the file (under `.content-type/`), so nothing is lost for unusual keys.
 */
export class LocalMediaStore implements MediaStore {
  readonly rootDir: string;

  constructor(rootDir: string) {
    this.rootDir = resolve(rootDir);
  }

  /** The file a key is stored in; throws on a key that could escape the root. */
  pathOf(key: string): string {
    if (!isValidMediaKey(key)) throw new InvalidInput(`Invalid media key: ${JSON.stringify(key)}`, 'INVALID_MEDIA_KEY', { key });
    const path = join(this.rootDir, ...key.split('/'));
    // Belt and braces: the key rules already forbid it, but a path outside the root must never be touched.
    if (!path.startsWith(this.rootDir + sep)) throw new InvalidInput(`Invalid media key: ${JSON.stringify(key)}`, 'INVALID_MEDIA_KEY', { key });
    return path;
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    const path = this.pathOf(key);
    await writeAtomically(path, body);
    const typePath = join(this.rootDir, TYPE_DIR, ...key.split('/'));
    if (contentType && contentType !== (contentTypeForKey(key) ?? FALLBACK_TYPE)) {
      await writeAtomically(typePath, Buffer.from(contentType, 'utf8'));
    } else {
      await rm(typePath, { force: true });
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
    await rm(join(this.rootDir, TYPE_DIR, ...key.split('/')), { force: true });
  }

  async get(key: string): Promise<MediaObject | undefined> {
    const path = this.pathOf(key);
    let body: Buffer;
    try {
      body = await readFile(path);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    let contentType = contentTypeForKey(key) ?? FALLBACK_TYPE;
    try {
      contentType = (await readFile(join(this.rootDir, TYPE_DIR, ...key.split('/')), 'utf8')).trim() || contentType;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return { body, contentType };
  }
}

/** Write then rename, so a reader (the dev server) never sees half a file. */
async function writeAtomically(path: string, body: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, body);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
