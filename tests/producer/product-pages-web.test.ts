import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Product } from '../../shared/catalog/product';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { postForm } from '../identity/http';
import { makeProducer } from '../support/catalog-fixtures';
import { createTestServices } from '../support/test-services';
import { recordCertificate } from './certificates';
import { draftProductOf } from './fixtures';

const A = 'htx-trang-san-pham-a';
const B = 'htx-trang-san-pham-b';

describe('producer product pages (/co-so-cua-toi/san-pham)', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  let services: Services;
  let app: App;
  let ownerA: TestAccount;
  let ownerB: TestAccount;

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
    for (const id of [A, B]) await services.producers.createProducer(makeProducer({ id, name: `Cơ sở ${id}` }));
    ownerA = await createTestAccount(services, 'producer', { producerId: A });
    ownerB = await createTestAccount(services, 'producer', { producerId: B });
  });

  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers: { accept: 'text/html', ...headers } });
  const product = async (id: string) => (await services.catalog.getProduct(id)) as Product;
  const idFromLocation = (res: Response) => decodeURIComponent(new URL(res.headers.get('location') ?? '', 'http://x').pathname.split('/').pop() ?? '');
  const validForm = { name: 'Mật ong rừng U Minh', description: 'Mật ong hoa tràm.', group: 'food', subgroup: 'food-honey', priceVnd: '150.000', unit: 'hũ 500 g', stock: '12', tags: 'mật ong, quà biếu, Mật ong' };

  it('sends anonymous visitors to sign in and back, and keeps the pages out of caches', async () => {
    const anon = await get('/co-so-cua-toi/san-pham/moi');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toBe(`/dang-nhap?next=${encodeURIComponent('/co-so-cua-toi/san-pham/moi')}`);
    const page = await get('/co-so-cua-toi/san-pham/moi', ownerA.cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<optgroup label="1. Thực phẩm">');
    expect(html).toContain('Mật ong, mật, siro và nông sản sơ chế khác');
  });

  it('creates a draft from the form ("150.000" is 150000 đồng) and opens its edit page', async () => {
    const res = await postForm(app, '/co-so-cua-toi/san-pham/moi', validForm, ownerA.cookie);
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/co-so-cua-toi\/san-pham\/mat-ong-rung-u-minh-[0-9a-f]{6}\?da-luu=tao-moi$/);
    const saved = await product(idFromLocation(res));
    expect(saved).toMatchObject({ producerId: A, status: 'draft', priceVnd: 150000, stock: 12, subgroup: 'food-honey', tags: ['mật ong', 'quà biếu'] });

    const page = await get(res.headers.get('location')!, ownerA.cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('Đã tạo bản nháp');
    expect(html).toContain('Chưa hiển thị trên chợ');
    expect(html).toContain('Sản phẩm đang là bản nháp');
    expect(html).toContain(`name="expectedUpdatedAt" value="${saved.updatedAt}"`);
  });

  it('shows inline errors with aria-invalid and a summary, keeping what was typed', async () => {
    const res = await postForm(app, '/co-so-cua-toi/san-pham/moi', { ...validForm, name: '', priceVnd: '150.000,5', group: '', unit: '' }, ownerA.cookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toMatch(/id="truong-name"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="truong-priceVnd"[^>]*aria-invalid="true"/);
    expect(html).toContain('Nhập giá là số nguyên đồng');
    expect(html).toContain('Chọn nhóm sản phẩm');
    expect(html).toContain('Nhập tên sản phẩm');
    expect(html).toContain('value="150.000,5"');
  });

  it('refuses a subgroup that is not in the chosen group', async () => {
    const res = await postForm(app, '/co-so-cua-toi/san-pham/moi', { ...validForm, group: 'drinks', subgroup: 'food-honey' }, ownerA.cookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="truong-subgroup"[^>]*aria-invalid="true"/);
    expect(html).toContain('Phân nhóm không thuộc nhóm đã chọn');
  });

  it('saves edits, and a stale expectedUpdatedAt re-renders with 409 and a clear message', async () => {
    const p = await draftProductOf(services, A);
    const form = { name: 'Nước mắm nhĩ', description: 'Cá cơm, muối.', group: 'food', subgroup: 'food-condiment', priceVnd: '95000', unit: 'chai 500 ml', tags: 'nước mắm', expectedUpdatedAt: p.updatedAt };
    clock.advance(1000);
    const ok = await postForm(app, `/co-so-cua-toi/san-pham/${p.id}`, form, ownerA.cookie);
    expect(ok.status, await ok.clone().text()).toBe(303);
    expect(ok.headers.get('location')).toBe(`/co-so-cua-toi/san-pham/${p.id}?da-luu=thong-tin`);
    const edited = await product(p.id);
    expect(edited).toMatchObject({ name: 'Nước mắm nhĩ', priceVnd: 95000, tags: ['nước mắm'] });

    // The same (now stale) form again, from another tab.
    clock.advance(1000);
    const stale = await postForm(app, `/co-so-cua-toi/san-pham/${p.id}`, { ...form, priceVnd: '99000' }, ownerA.cookie);
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Sản phẩm vừa được sửa ở nơi khác');
    expect(html).toContain('value="99000"');
    // The form now carries the latest version, so saving again is a deliberate overwrite.
    expect(html).toContain(`name="expectedUpdatedAt" value="${edited.updatedAt}"`);
    expect((await product(p.id)).priceVnd).toBe(95000);
  });

  it('publishes and unpublishes; visibility follows the gate and says why not', async () => {
    const p = await draftProductOf(services, A);
    const publish = await postForm(app, `/co-so-cua-toi/san-pham/${p.id}/trang-thai`, { status: 'active', expectedUpdatedAt: p.updatedAt }, ownerA.cookie);
    expect(publish.status).toBe(303);
    expect((await product(p.id)).status).toBe('active');
    let html = await (await get(`/co-so-cua-toi/san-pham/${p.id}?da-luu=dang-ban`, ownerA.cookie)).text();
    expect(html).toContain('Đã đăng bán sản phẩm');
    expect(html).toContain('Sản phẩm chưa có chứng nhận OCOP');

    const cert = await recordCertificate(services, A);
    expect((await postForm(app, `/co-so-cua-toi/san-pham/${p.id}/chung-nhan`, { certificateNo: cert.certificateNo }, ownerA.cookie)).status).toBe(303);
    html = await (await get(`/co-so-cua-toi/san-pham/${p.id}`, ownerA.cookie)).text();
    expect(html).toContain('Đang hiển thị trên chợ');
    expect(html).toContain(`href="/san-pham/${p.id}"`);

    const current = await product(p.id);
    const unpublish = await postForm(app, `/co-so-cua-toi/san-pham/${p.id}/trang-thai`, { status: 'draft', expectedUpdatedAt: current.updatedAt }, ownerA.cookie);
    expect(unpublish.status).toBe(303);
    expect((await product(p.id)).status).toBe('draft');
  });

  it('updates stock, with an inline error for a non-number', async () => {
    const p = await draftProductOf(services, A);
    const bad = await postForm(app, `/co-so-cua-toi/san-pham/${p.id}/ton-kho`, { stock: 'nhiều' }, ownerA.cookie);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/id="truong-stock"[^>]*aria-invalid="true"/);
    const ok = await postForm(app, `/co-so-cua-toi/san-pham/${p.id}/ton-kho`, { stock: '1.200' }, ownerA.cookie);
    expect(ok.status).toBe(303);
    expect((await product(p.id)).stock).toBe(1200);
  });

  it('lists only the producer\'s own certificates, and refuses another producer\'s number', async () => {
    const p = await draftProductOf(services, A);
    const own = await recordCertificate(services, A, { stars: 5, decisionDate: '2026-02-10', expiresOn: '2029-02-10', expiresAt: '2029-02-10T17:00:00.000Z' });
    const foreign = await recordCertificate(services, B);
    const html = await (await get(`/co-so-cua-toi/san-pham/${p.id}`, ownerA.cookie)).text();
    expect(html).toContain(`${own.certificateNo} · 5★ · hết hạn 10/02/2029`);
    expect(html).not.toContain(foreign.certificateNo);

    const refused = await postForm(app, `/co-so-cua-toi/san-pham/${p.id}/chung-nhan`, { certificateNo: foreign.certificateNo }, ownerA.cookie);
    expect(refused.status).toBe(403);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toMatch(/id="truong-certificateNo"[^>]*aria-invalid="true"/);
    expect(refusedHtml).toContain('Giấy chứng nhận không thuộc cơ sở của bạn');
    expect((await product(p.id)).certificate).toBeUndefined();

    const linked = await postForm(app, `/co-so-cua-toi/san-pham/${p.id}/chung-nhan`, { certificateNo: own.certificateNo }, ownerA.cookie);
    expect(linked.status).toBe(303);
    expect((await product(p.id)).certificate).toMatchObject({ certificateNo: own.certificateNo, stars: 5 });
  });

  it('archives only with the confirmation ticked; an archived product is no longer editable', async () => {
    const p = await draftProductOf(services, A);
    const unticked = await postForm(app, `/co-so-cua-toi/san-pham/${p.id}/luu-tru`, {}, ownerA.cookie);
    expect(unticked.status).toBe(400);
    expect(await unticked.text()).toMatch(/id="truong-confirm"[^>]*aria-invalid="true"/);
    expect((await product(p.id)).status).toBe('draft');

    const archived = await postForm(app, `/co-so-cua-toi/san-pham/${p.id}/luu-tru`, { confirm: '1' }, ownerA.cookie);
    expect(archived.status).toBe(303);
    expect((await product(p.id)).status).toBe('archived');
    const html = await (await get(`/co-so-cua-toi/san-pham/${p.id}`, ownerA.cookie)).text();
    expect(html).toContain('không sửa được nữa');
    expect(html).not.toContain('Lưu thông tin');
  });

  it("keeps producer B out of producer A's product pages (403), changing nothing", async () => {
    const p = await draftProductOf(services, A);
    expect((await get(`/co-so-cua-toi/san-pham/${p.id}`, ownerB.cookie)).status).toBe(403);
    const attempts: [string, Record<string, string>][] = [
      ['', { name: 'Bị sửa', group: 'food', subgroup: 'food-condiment', priceVnd: '1', unit: 'x', description: '', tags: '' }],
      ['/trang-thai', { status: 'active' }],
      ['/ton-kho', { stock: '0' }],
      ['/luu-tru', { confirm: '1' }],
      ['/anh/xoa', { key: 'x' }],
    ];
    for (const [suffix, form] of attempts) {
      const res = await postForm(app, `/co-so-cua-toi/san-pham/${p.id}${suffix}`, form, ownerB.cookie);
      expect(res.status, suffix).toBe(403);
    }
    expect(await product(p.id)).toEqual(p);
    // A shopper, too; and an unknown id is 404, not a page.
    const shopper = await createTestAccount(services, 'shopper');
    expect((await get(`/co-so-cua-toi/san-pham/${p.id}`, shopper.cookie)).status).toBe(403);
    expect((await get('/co-so-cua-toi/san-pham/khong-co-abc123', ownerA.cookie)).status).toBe(404);
  });

  it('a product with variants: no price, unit or stock fields (they are derived), and its details still save', async () => {
    const p = await draftProductOf(services, A);
    const variants = [
      { id: 'chai-500-ml', label: 'chai 500 ml', priceVnd: 90000, stock: 4 },
      { id: 'chai-1-lit', label: 'chai 1 lít', priceVnd: 160000, stock: 2 },
    ];
    await services.catalog.saveProduct({ ...p, variants, priceVnd: 90000, unit: 'chai 500 ml', stock: 6 }, p);
    const withVariants = await product(p.id);
    const html = await (await get(`/co-so-cua-toi/san-pham/${p.id}`, ownerA.cookie)).text();
    expect(html).not.toContain('id="truong-priceVnd"');
    expect(html).not.toContain('id="truong-stock"');
    expect(html).toContain('giá, đơn vị và tồn kho được sửa theo từng phân loại');
    const res = await postForm(
      app,
      `/co-so-cua-toi/san-pham/${p.id}`,
      { name: 'Nước mắm hai cỡ', description: '', group: 'food', subgroup: 'food-condiment', tags: '', expectedUpdatedAt: withVariants.updatedAt },
      ownerA.cookie,
    );
    expect(res.status, await res.clone().text()).toBe(303);
    expect(await product(p.id)).toMatchObject({ name: 'Nước mắm hai cỡ', priceVnd: 90000, stock: 6, variants: [{ id: 'chai-500-ml' }, { id: 'chai-1-lit' }] });
  });

  it('refuses a form post from another site (CSRF)', async () => {
    const p = await draftProductOf(services, A);
    const res = await postForm(app, `/co-so-cua-toi/san-pham/${p.id}/ton-kho`, { stock: '0' }, { ...ownerA.cookie, origin: 'https://ke-gian.example' });
    expect(res.status).toBe(403);
    expect((await product(p.id)).stock).toBe(p.stock);
  });
});
