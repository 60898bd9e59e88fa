import type { MediaStore } from './media-store';

/**
 * A MediaStore that can also remove what it wrote: the pipeline needs it to leave nothing behind.
 * Kept apart from MediaStore so read-and-write-only stores (the demo seed's) stay valid.
 */
export interface MediaBlobStore extends MediaStore {
  /** Removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}
