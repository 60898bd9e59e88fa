import { Hono, type Context } from 'hono';
import { checkListingGate } from '../../shared/catalog/gate';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError, Forbidden } from '../../shared/http/errors';
import { requirePrincipal } from '../../shared/identity/authorize';
import type { Principal } from '../../shared/identity/principal';
import { fairNotFound } from '../../shared/fairs/errors';
import { answerInquiry, inquiryInbox } from '../../shared/fairs/inquiry-service';
import { BoothNoSchema, DecorateSchema, FairIdSchema, InquiryIdSchema } from '../../shared/fairs/schemas';
import { applyForBooth, decorateBooth, listFairs } from '../../shared/fairs/service';
import { readForm } from '../components/form/form-state';
import { assetsOf, formBodyLimit } from '../http';
import { NO_STORE, renderDocument } from '../render';
import { PRODUCER_FAIRS_PATH } from './paths';
import { ProducerFairsPage } from './producer-pages';

function exhibitor(c: Context<AppEnv>): Principal & { producerId: string } {
  const principal = requirePrincipal(c);
  if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Trang này dành cho cơ sở đã có gian hàng');
  return principal as Principal & { producerId: string };
}
const refusal = (error: unknown) => (error instanceof AppError && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 403 ? error : undefined);

/** Open fairs (1 Query), own applications (1 Query) and their fairs/booths, own products (1 Query), inbox (1 Query). */
async function render(c: Context<AppEnv>, principal: Principal & { producerId: string }, error?: string, status: 200 | 400 | 404 | 409 | 422 = 200) {
  const services = c.get('services');
  const now = services.clock.now();
  const [upcoming, applications, page, inbox] = await Promise.all([
    listFairs(services, 'upcoming', 50),
    services.fairs.applicationsOfProducer(principal.producerId),
    services.producerProducts.page(principal.producerId, { limit: 100 }),
    inquiryInbox(services, principal),
  ]);
  const fairs = await services.fairs.getMany(applications.map((a) => a.fairId));
  const booths = (await Promise.all(applications.filter((a) => a.status === 'accepted' && a.boothNo).map((a) => services.fairs.booth(a.fairId, a.boothNo!)))).filter((b) => b !== undefined);
  c.header('Cache-Control', NO_STORE);
  const saved = c.req.query('da-luu') ? 'Đã lưu.' : undefined;
  return c.html(
    await renderDocument(
      <ProducerFairsPage
        assets={assetsOf(c)}
        openFairs={upcoming.filter((f) => f.status === 'open')}
        applications={applications.map((a) => ({ ...a, fairName: fairs.get(a.fairId)?.name ?? a.fairId }))}
        booths={booths.filter((b) => fairs.get(b.fairId)?.status !== 'closed')}
        products={page.items.filter((p) => checkListingGate(p, now).listed && !p.variants?.length)}
        inbox={inbox}
        message={saved}
        error={error}
      />,
    ),
    status,
  );
}

export function producerFairRoutes() {
  const web = new Hono<AppEnv>();
  web.get(PRODUCER_FAIRS_PATH, async (c) => render(c, exhibitor(c)));
  web.post(`${PRODUCER_FAIRS_PATH}/:id/dang-ky`, formBodyLimit(), async (c) => {
    const principal = exhibitor(c);
    const id = c.req.param('id');
    if (!FairIdSchema.safeParse(id).success) throw fairNotFound();
    const { message } = await readForm(c, ['message']);
    try {
      await applyForBooth(c.get('services'), principal, id, message?.trim() ? { message: message.trim().slice(0, 1000) } : {});
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      return render(c, principal, refused.message, refused.status as 404 | 409);
    }
    c.header('Cache-Control', NO_STORE);
    return c.redirect(`${PRODUCER_FAIRS_PATH}?da-luu=1`, 303);
  });
  web.post(`${PRODUCER_FAIRS_PATH}/:id/gian/:boothNo`, formBodyLimit(), async (c) => {
    const principal = exhibitor(c);
    const id = c.req.param('id');
    const boothNo = BoothNoSchema.safeParse(c.req.param('boothNo'));
    if (!FairIdSchema.safeParse(id).success || !boothNo.success) throw fairNotFound();
    const values = await readForm(c, ['intro', 'bannerUrl', 'videoPlatform', 'videoUrl', 'zalo', 'product0', 'fairPrice0', 'product1', 'fairPrice1', 'product2', 'fairPrice2']);
    const products = [0, 1, 2]
      .filter((i) => values[`product${i}`])
      .map((i) => ({ productId: values[`product${i}`], ...(values[`fairPrice${i}`]?.trim() ? { fairPriceVnd: Number(values[`fairPrice${i}`]) } : {}) }));
    const parsed = DecorateSchema.safeParse({
      ...(values.intro?.trim() ? { intro: values.intro } : {}),
      ...(values.bannerUrl?.trim() ? { bannerUrl: values.bannerUrl } : {}),
      ...(values.videoUrl?.trim() ? { video: { platform: values.videoPlatform, url: values.videoUrl } } : {}),
      products,
      contacts: values.zalo?.trim() ? [{ kind: 'zalo', url: values.zalo }] : [],
    });
    if (!parsed.success) return render(c, principal, 'Kiểm tra lại: ' + parsed.error.issues.map((i) => i.message).join('; '), 400);
    try {
      await decorateBooth(c.get('services'), principal, id, boothNo.data, parsed.data);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      return render(c, principal, refused.message, refused.status as 400 | 404 | 409 | 422);
    }
    c.header('Cache-Control', NO_STORE);
    return c.redirect(`${PRODUCER_FAIRS_PATH}?da-luu=1`, 303);
  });
  web.post(`${PRODUCER_FAIRS_PATH}/lien-he/:inqId`, formBodyLimit(), async (c) => {
    const principal = exhibitor(c);
    const inqId = c.req.param('inqId');
    if (!InquiryIdSchema.safeParse(inqId).success) throw fairNotFound();
    const values = await readForm(c, ['text', 'status']);
    const text = values.text?.trim();
    const status = values.status === 'closed' || values.status === 'new' || values.status === 'replied' ? values.status : undefined;
    if (!text && !status) return render(c, principal, 'Nhập câu trả lời hoặc chọn trạng thái', 400);
    if (text && (text.length < 2 || text.length > 3000)) return render(c, principal, 'Câu trả lời từ 2 đến 3000 ký tự', 400);
    try {
      await answerInquiry(c.get('services'), principal, inqId, { text, status });
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      return render(c, principal, refused.message, 404);
    }
    c.header('Cache-Control', NO_STORE);
    return c.redirect(`${PRODUCER_FAIRS_PATH}?da-luu=1`, 303);
  });
  return web;
}
