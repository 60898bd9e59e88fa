import { defineModule } from '../module/define-module';
import { createMediaServices, type MediaServices } from './services';
import { IMAGE_UPLOAD_PATH, mediaRoutes } from './routes';

declare module '../services' {
  interface Services {
    /** Image storage and presigned uploads; optional so hand-built test Services stay valid. */
    media?: MediaServices;
  }
}

/** Images: the sharp pipeline, local files or S3 with presigned uploads (docs/images.md). */
export const mediaModule = defineModule({
  name: 'media',
  keyPrefixes: ['UPLOAD#'],
  api: mediaRoutes,
  // The upload carries a file and sets its own 10 MB limit (media-routes.ts).
  ownBodyLimitPaths: [IMAGE_UPLOAD_PATH],
  services: (deps) => ({ media: createMediaServices(deps.config, deps.db) }),
  tableActions: ['GetItem', 'PutItem'],
});
