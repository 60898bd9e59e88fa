import { Hono } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { LivestreamIdSchema } from '../../shared/livestream/schemas';
import { listLivestreams, livestreamDetail } from '../../shared/livestream/service';
import { livestreamNotFound } from '../../shared/livestream/errors';
import { requirePrincipal } from '../../shared/identity/authorize';
import { readForm } from '../components/form/form-state';
import { assetsOf, formBodyLimit } from '../http';
import { NO_STORE, sendPage } from '../render';
import { LivePage } from './live-page';
import { LivestreamListPage } from './livestream-list-page';
import { LIVESTREAMS_PATH } from './paths';
import { producerLiveRoutes } from './producer-routes';

/** Lives open and close by the clock: revalidated on every view, never served stale. */
const LIVE_CACHE = 'no-cache';

export function livestreamWebRoutes() {
  const web = new Hono<AppEnv>();
  web.get(LIVESTREAMS_PATH, async (c) => {
    const services = c.get('services');
    const [live, upcoming, ended] = await Promise.all([
      listLivestreams(services, { status: 'live', limit: 24 }),
      listLivestreams(services, { status: 'upcoming', limit: 24 }),
      listLivestreams(services, { status: 'ended', limit: 12 }),
    ]);
    return sendPage(c, <LivestreamListPage assets={assetsOf(c)} live={live} upcoming={upcoming} ended={ended} />, { cache: LIVE_CACHE });
  });
  web.get(`${LIVESTREAMS_PATH}/:id`, async (c) => {
    const id = c.req.param('id');
    if (!LivestreamIdSchema.safeParse(id).success) throw livestreamNotFound();
    const live = await livestreamDetail(c.get('services'), id);
    const follow = c.req.query('theo-doi');
    return sendPage(c, <LivePage assets={assetsOf(c)} live={live} followed={follow === '1' ? true : follow === '0' ? false : undefined} />, { cache: LIVE_CACHE });
  });
  // Follow (or stop following) the live's storefront from its page: post/redirect/get, signed in.
  web.post(`${LIVESTREAMS_PATH}/:id/theo-doi`, formBodyLimit(), async (c) => {
    const principal = requirePrincipal(c);
    const id = c.req.param('id');
    if (!LivestreamIdSchema.safeParse(id).success) throw livestreamNotFound();
    const services = c.get('services');
    const live = await services.livestreams.get(id);
    if (!live) throw livestreamNotFound();
    const { action } = await readForm(c, ['action']);
    if (action === 'bo') await services.liveFollows.unfollow(live.producerId, principal.accountId);
    else await services.liveFollows.follow(live.producerId, principal.accountId, services.clock.now().toISOString());
    c.header('Cache-Control', NO_STORE);
    return c.redirect(`${LIVESTREAMS_PATH}/${id}?theo-doi=${action === 'bo' ? '0' : '1'}`, 303);
  });
  web.route('/', producerLiveRoutes());
  return web;
}
