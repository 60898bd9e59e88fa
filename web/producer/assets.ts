import type { Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import type { AssetUrls } from '../view';

export function assetsOf(c: Context<AppEnv>): AssetUrls {
  const { config } = c.get('services');
  return { media: config.mediaBaseUrl.replace(/\/+$/, ''), static: config.staticBaseUrl.replace(/\/+$/, '') };
}
