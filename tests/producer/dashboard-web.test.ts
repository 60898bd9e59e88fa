import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../shared/app';
import type { Services } from '../../shared/services';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { postForm } from '../identity/http';
import { makeCertificateSnapshot, makeProducer, makeProduct } from '../support/catalog-fixtures';
import { createTestServices } from '../support/test-services';

describe('producer dashboard pages', () => {
  let services: Services;
  let app: App;
  let owner: TestAccount;
  const id = 'htx-bang-dieu-khien';

  beforeAll(async () => {
    services = await createTestServices();
    app = createApp(services);
    await services.producers.createProducer(makeProducer({ id, name: 'HTX Bảng điều khiển' }));
    owner = await createTestAccount(services, 'producer', { producerId: id });
    await services.catalog.saveProduct(makeProduct({ id: 'sp-bang-1', name: 'Mắm tôm chua', producerId: id, stock: 7, certificate: makeCertificateSnapshot({ decisionDate: '2025-09-01' }) }));
    await services.catalog.saveProduct(makeProduct({ id: 'sp-bang-2', name: 'Mắm nêm nháp', producerId: id, status: 'draft', certificate: undefined }));
  });

  const get = (path: string, headers: Record<string, string>) => app.request(path, { headers: { accept: 'text/html', ...headers } });

  it('lists every product with status, stock and certificate expiry', async () => {
    const res = await get('/co-so-cua-toi', owner.cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Mắm tôm chua');
    expect(html).toContain('Mắm nêm nháp');
    expect(html).toContain('Bản nháp');
    expect(html).toContain('hết hạn 2028-09-01');
    expect(html).toContain('value="HTX Bảng điều khiển"');
  });

  it('an unbound producer is pointed to the application form', async () => {
    const fresh = await createTestAccount(services, 'producer');
    expect(await (await get('/co-so-cua-toi', fresh.cookie)).text()).toContain('/co-so-cua-toi/dang-ky');
  });

  it('the storefront form saves, and shows inline errors for non-integer money', async () => {
    const bad = await postForm(app, '/co-so-cua-toi/gian-hang', { name: 'HTX Bảng điều khiển', story: '', phone: '0912345678', shippingFeeVnd: '30.000,5' }, owner.cookie);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toMatch(/id="truong-shippingFeeVnd"[^>]*aria-invalid="true"/);
    expect(html).toContain('Nhập số nguyên đồng');

    const ok = await postForm(app, '/co-so-cua-toi/gian-hang', { name: 'HTX Bảng điều khiển mới', story: '**Mới** <script>alert(1)</script>', phone: '0912345678', shippingFeeVnd: '30000' }, owner.cookie);
    expect(ok.status).toBe(303);
    expect(await services.producers.getProducer(id)).toMatchObject({ name: 'HTX Bảng điều khiển mới', shippingFeeVnd: 30000 });
    expect((await services.catalog.getProduct('sp-bang-1'))?.producerName).toBe('HTX Bảng điều khiển mới');
    const page = await (await get('/co-so-cua-toi', owner.cookie)).text();
    expect(page).toContain('<strong>Mới</strong>');
    expect(page).not.toContain('<script>alert(1)</script>');
  });
});
