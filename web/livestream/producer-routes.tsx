import { Hono, type Context } from 'hono';
import { checkListingGate } from '../../shared/catalog/gate';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError, Forbidden } from '../../shared/http/errors';
import { requirePrincipal } from '../../shared/identity/authorize';
import type { Principal } from '../../shared/identity/principal';
import { attachReplay, editLivestream } from '../../shared/livestream/edit';
import { CreateLivestreamSchema, EditLivestreamSchema, LivestreamIdSchema } from '../../shared/livestream/schemas';
import { createLivestream, figuresOf, moveLivestream, summaryOf } from '../../shared/livestream/service';
import { livestreamNotFound } from '../../shared/livestream/errors';
import { emptyForm, type FormState } from '../components/form/form';
import { fieldErrorsOf, readForm } from '../components/form/form-state';
import { assetsOf, formBodyLimit } from '../http';
import { NO_STORE, renderDocument } from '../render';
import { PRODUCER_LIVES_PATH } from './paths';
import { ProducerLivesPage } from './producer-lives-page';

const fields = ['title', 'platform', 'streamUrl', 'startsAt', 'endsAt', 'productId', 'livePriceVnd', 'quota'] as const;
const DASHBOARD_LIVES = 20;

function ownStorefront(principal: Principal): string {
  if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Trang này dành cho cơ sở đã có gian hàng');
  return principal.producerId;
}

/** `datetime-local` has no zone: the producer typed Vietnam time (UTC+7 all year). */
const vietnamLocal = (value: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : value);

const savedMessages: Record<string, string> = { sua: 'Đã lưu thay đổi của buổi live.', 'xem-lai': 'Đã gắn video xem lại.', 'len-lich': 'Đã lên lịch buổi live.', start: 'Buổi live đã bắt đầu: giá live đang áp dụng.', end: 'Buổi live đã kết thúc.', cancel: 'Đã huỷ buổi live.' };

/** Lives (GSI2 Query) and each one's offers (1 BatchGetItem each) plus the storefront's products (1 Query). */
async function render(c: Context<AppEnv>, producerId: string, state: FormState, status: 200 | 400 | 403 | 404 | 409 | 422 = 200) {
  const services = c.get('services');
  const now = services.clock.now();
  const [lives, page] = await Promise.all([services.livestreams.ofProducer(producerId, DASHBOARD_LIVES), services.producerProducts.page(producerId, { limit: 100 })]);
  const withFigures = await Promise.all(
    lives.map(async (live) => ({ live: summaryOf(live, now), figures: figuresOf(live, await services.livestreams.offers(live.products.map((p) => ({ livestreamId: live.id, productId: p.productId, variantId: p.variantId })))) })),
  );
  const products = page.items.filter((p) => checkListingGate(p, now).listed && !p.variants?.length);
  c.header('Cache-Control', NO_STORE);
  const saved = savedMessages[c.req.query('da-luu') ?? ''];
  return c.html(await renderDocument(<ProducerLivesPage assets={assetsOf(c)} lives={withFigures} products={products} state={state} saved={saved} />), status);
}

/** A refusal the form can show; "not yours" (401/403) goes to the app's error handler like every page's. */
const refusal = (error: unknown) => (error instanceof AppError && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 403 ? error : undefined);

export function producerLiveRoutes() {
  const web = new Hono<AppEnv>();
  web.get(PRODUCER_LIVES_PATH, async (c) => render(c, ownStorefront(requirePrincipal(c)), emptyForm({ platform: 'youtube' })));
  web.post(PRODUCER_LIVES_PATH, formBodyLimit(), async (c) => {
    const principal = requirePrincipal(c);
    const producerId = ownStorefront(principal);
    const values = await readForm(c, fields);
    const parsed = CreateLivestreamSchema.safeParse({
      title: values.title,
      platform: values.platform,
      streamUrl: values.streamUrl,
      startsAt: vietnamLocal(values.startsAt ?? ''),
      endsAt: vietnamLocal(values.endsAt ?? ''),
      products: [{ productId: values.productId, livePriceVnd: Number(values.livePriceVnd), ...(values.quota ? { quota: Number(values.quota) } : {}) }],
    });
    if (!parsed.success) {
      const errors = fieldErrorsOf(parsed.error);
      return render(c, producerId, { values, errors, formError: Object.keys(errors).length ? undefined : 'Kiểm tra lại các ô đã nhập' }, 400);
    }
    try {
      await createLivestream(c.get('services'), principal, parsed.data);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      const field = refused.code === 'INVALID_STREAM_URL' ? 'streamUrl' : refused.code === 'LIVE_PRICE_NOT_A_DISCOUNT' ? 'livePriceVnd' : refused.code === 'INVALID_LIVE_TIMES' ? 'startsAt' : undefined;
      return render(c, producerId, { values, errors: field ? { [field]: refused.message } : {}, formError: field ? undefined : refused.message }, refused.status as 400 | 403 | 404 | 409 | 422);
    }
    c.header('Cache-Control', NO_STORE);
    return c.redirect(`${PRODUCER_LIVES_PATH}?da-luu=len-lich`, 303);
  });
  for (const action of ['start', 'end', 'cancel'] as const) {
    web.post(`${PRODUCER_LIVES_PATH}/:id/${action}`, formBodyLimit(), async (c) => {
      const principal = requirePrincipal(c);
      const producerId = ownStorefront(principal);
      const id = c.req.param('id');
      if (!LivestreamIdSchema.safeParse(id).success) throw livestreamNotFound();
      const values = await readForm(c, ['reason']);
      if (action === 'cancel' && (values.reason?.trim().length ?? 0) < 3) {
        return render(c, producerId, { values: { platform: 'youtube' }, errors: {}, formError: 'Nhập lý do huỷ (ít nhất 3 ký tự)' }, 400);
      }
      try {
        await moveLivestream(c.get('services'), principal, id, action, values.reason?.trim() || undefined);
      } catch (error) {
        const refused = refusal(error);
        if (!refused) throw error;
        return render(c, producerId, { values: { platform: 'youtube' }, errors: {}, formError: refused.message }, refused.status as 403 | 404 | 409);
      }
      c.header('Cache-Control', NO_STORE);
      return c.redirect(`${PRODUCER_LIVES_PATH}?da-luu=${action}`, 303);
    });
  }
  web.post(`${PRODUCER_LIVES_PATH}/:id/sua`, formBodyLimit(), async (c) => {
    const principal = requirePrincipal(c);
    const producerId = ownStorefront(principal);
    const id = c.req.param('id');
    if (!LivestreamIdSchema.safeParse(id).success) throw livestreamNotFound();
    const services = c.get('services');
    const live = await services.livestreams.get(id);
    if (!live) throw livestreamNotFound();
    const values = await readForm(c, ['title', 'startsAt', 'endsAt', 'livePriceVnd']);
    const first = live.products[0];
    const parsed = EditLivestreamSchema.safeParse({
      ...(values.title ? { title: values.title } : {}),
      ...(values.startsAt ? { startsAt: vietnamLocal(values.startsAt) } : {}),
      ...(values.endsAt ? { endsAt: vietnamLocal(values.endsAt) } : {}),
      ...(values.livePriceVnd && first ? { products: [{ productId: first.productId, ...(first.variantId ? { variantId: first.variantId } : {}), livePriceVnd: Number(values.livePriceVnd) }] } : {}),
    });
    if (!parsed.success) return render(c, producerId, { values: { platform: 'youtube' }, errors: {}, formError: `Sửa buổi live: ${Object.values(fieldErrorsOf(parsed.error))[0] ?? 'kiểm tra lại các ô đã nhập'}` }, 400);
    try {
      await editLivestream(services, principal, id, parsed.data);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      return render(c, producerId, { values: { platform: 'youtube' }, errors: {}, formError: `Sửa buổi live: ${refused.message}` }, refused.status as 400 | 404 | 409 | 422);
    }
    c.header('Cache-Control', NO_STORE);
    return c.redirect(`${PRODUCER_LIVES_PATH}?da-luu=sua`, 303);
  });
  web.post(`${PRODUCER_LIVES_PATH}/:id/xem-lai`, formBodyLimit(), async (c) => {
    const principal = requirePrincipal(c);
    const producerId = ownStorefront(principal);
    const id = c.req.param('id');
    if (!LivestreamIdSchema.safeParse(id).success) throw livestreamNotFound();
    const { replayUrl } = await readForm(c, ['replayUrl']);
    try {
      await attachReplay(c.get('services'), principal, id, (replayUrl ?? '').trim());
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      return render(c, producerId, { values: { platform: 'youtube' }, errors: {}, formError: `Video xem lại: ${refused.message}` }, refused.status as 400 | 404 | 409);
    }
    c.header('Cache-Control', NO_STORE);
    return c.redirect(`${PRODUCER_LIVES_PATH}?da-luu=xem-lai`, 303);
  });
  return web;
}
