import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Product } from '../../shared/catalog/product';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { postForm } from '../identity/http';
import { makeProducer } from '../support/catalog-fixtures';
import { createTestServices } from '../support/test-services';
import { draftProductOf } from './fixtures';
import { draftProductWithVariantsOf } from './variant-fixtures';

const A = 'htx-phan-loai-web-a';
const B = 'htx-phan-loai-web-b';

/** The editor's field for row `row` (0-based) and one cell. */
const cell = (row: number, name: 'id' | 'label' | 'priceVnd' | 'stock' | 'sku' | 'remove') => `variant-${row}-${name}`;

/** The table as the page rendered it for `p`: its variants' rows, ids included, and the version. */
function tableOf(p: Product): Record<string, string> {
  const form: Record<string, string> = { expectedUpdatedAt: p.updatedAt };
  (p.variants ?? []).forEach((v, row) => {
    form[cell(row, 'id')] = v.id;
    form[cell(row, 'label')] = v.label;
    form[cell(row, 'priceVnd')] = String(v.priceVnd);
    form[cell(row, 'stock')] = String(v.stock);
    if (v.sku) form[cell(row, 'sku')] = v.sku;
  });
  return form;
}

describe('variants on the producer edit page (/co-so-cua-toi/san-pham/{id}/phan-loai)', () => {
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

  const get = (path: string, who: TestAccount = ownerA) => app.request(path, { headers: { accept: 'text/html', ...who.cookie } });
  const product = async (id: string) => (await services.catalog.getProduct(id)) as Product;
  const post = (path: string, form: Record<string, string>, who: TestAccount = ownerA) => {
    clock.advance(1000);
    return postForm(app, path, form, who.cookie);
  };

  it('offers a single-price product the table, prefilled with its unit, price and stock, with a label on every cell', async () => {
    const p = await draftProductOf(services, A);
    const html = await (await get(`/co-so-cua-toi/san-pham/${p.id}`)).text();
    expect(html).toContain('Phân loại (dung tích, khối lượng…)');
    expect(html).toContain('<details');
    expect(html).toMatch(/<input id="truong-variant-0-label" name="variant-0-label" type="text" value="chai 500 ml"/);
    expect(html).toMatch(/id="truong-variant-0-priceVnd"[^>]*value="100000"/);
    expect(html).toMatch(/id="truong-variant-0-stock"[^>]*value="10"/);
    // Row 2 is the blank one; each cell has its own label.
    expect(html).toContain('<label class="cell-label" for="truong-variant-1-priceVnd">Giá phân loại 2 (đồng)</label>');
    expect(html).toContain('<label class="cell-label" for="truong-variant-1-label">Tên phân loại 2</label>');
    expect(html).toContain('Chuyển sang bán theo phân loại');
    // The single stock form, as before.
    expect(html).toContain('id="truong-stock"');
  });

  it('switches a single-price product to variants: the prefilled row plus the blank row filled in ("150.000")', async () => {
    const p = await draftProductOf(services, A);
    const res = await post(`/co-so-cua-toi/san-pham/${p.id}/phan-loai`, {
      expectedUpdatedAt: p.updatedAt,
      [cell(0, 'label')]: 'chai 500 ml',
      [cell(0, 'priceVnd')]: '100000',
      [cell(0, 'stock')]: '10',
      [cell(1, 'label')]: 'Chai 1 lít',
      [cell(1, 'priceVnd')]: '150.000',
      [cell(1, 'stock')]: '',
      [cell(1, 'sku')]: 'NM-1L',
    });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(`/co-so-cua-toi/san-pham/${p.id}?da-luu=phan-loai`);
    const saved = await product(p.id);
    expect(saved.variants).toEqual([
      { id: 'chai-500-ml', label: 'chai 500 ml', priceVnd: 100000, stock: 10 },
      { id: 'chai-1-lit', label: 'Chai 1 lít', priceVnd: 150000, stock: 0, sku: 'NM-1L' },
    ]);
    expect(saved).toMatchObject({ priceVnd: 100000, unit: 'chai 500 ml', stock: 10 });

    const html = await (await get(`/co-so-cua-toi/san-pham/${p.id}?da-luu=phan-loai`)).text();
    expect(html).toContain('Đã lưu các phân loại');
    expect(html).toContain('2 phân loại, từ');
    expect(html).toContain('Lưu phân loại');
    expect(html).toContain('name="variant-1-id" value="chai-1-lit"');
    // Price and unit are no longer fields of the details form; stock is per variant.
    expect(html).not.toContain('id="truong-priceVnd"');
    expect(html).not.toContain('id="truong-stock"');
    expect(html).toContain('<label for="truong-stock-chai-1-lit">Tồn kho Chai 1 lít</label>');
  });

  it('edits one variant, removes one ("Xoá") and adds one in the same save; ids stay stable', async () => {
    const p = await draftProductWithVariantsOf(services, A);
    const form = {
      ...tableOf(p),
      [cell(0, 'label')]: 'chai 500 ml (thủy tinh)',
      [cell(0, 'priceVnd')]: '140.000',
      [cell(1, 'remove')]: '1',
      [cell(2, 'label')]: 'can 2 lít',
      [cell(2, 'priceVnd')]: '420000',
      [cell(2, 'stock')]: '3',
    };
    const res = await post(`/co-so-cua-toi/san-pham/${p.id}/phan-loai`, form);
    expect(res.status, await res.clone().text()).toBe(303);
    const saved = await product(p.id);
    expect(saved.variants).toEqual([
      { id: 'chai-500-ml', label: 'chai 500 ml (thủy tinh)', priceVnd: 140000, stock: 10 },
      { id: 'can-2-lit', label: 'can 2 lít', priceVnd: 420000, stock: 3 },
    ]);
    expect(saved).toMatchObject({ priceVnd: 140000, unit: 'chai 500 ml (thủy tinh)', stock: 13 });
  });

  it('gives a new row whose label slugs to a kept id a fresh id instead of a clash', async () => {
    const p = await draftProductWithVariantsOf(services, A);
    const res = await post(`/co-so-cua-toi/san-pham/${p.id}/phan-loai`, {
      ...tableOf(p),
      [cell(0, 'label')]: 'chai 750 ml',
      [cell(2, 'label')]: 'chai 500 ml',
      [cell(2, 'priceVnd')]: '99000',
    });
    expect(res.status, await res.clone().text()).toBe(303);
    expect((await product(p.id)).variants?.map((v) => [v.id, v.label])).toEqual([
      ['chai-500-ml', 'chai 750 ml'],
      ['chai-1-lit', 'chai 1 lít'],
      ['chai-500-ml-2', 'chai 500 ml'],
    ]);
  });

  it('re-renders bad rows with 400, inline errors (aria-invalid), a summary naming the row, and the typed values', async () => {
    const p = await draftProductWithVariantsOf(services, A);
    const res = await post(`/co-so-cua-toi/san-pham/${p.id}/phan-loai`, {
      ...tableOf(p),
      [cell(1, 'priceVnd')]: '150.000,5',
      [cell(2, 'label')]: 'Chai  500 ML',
      [cell(2, 'priceVnd')]: '120000',
      [cell(2, 'stock')]: 'nhiều',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toMatch(/id="truong-variant-1-priceVnd"[^>]*aria-invalid="true"[^>]*aria-describedby="truong-variant-1-priceVnd-loi"/);
    expect(html).toContain('<a href="#truong-variant-1-priceVnd">Giá phân loại 2 (đồng): Nhập giá là số nguyên đồng, ví dụ 150000 hoặc 150.000</a>');
    expect(html).toMatch(/id="truong-variant-2-label"[^>]*aria-invalid="true"/);
    expect(html).toContain('Phân loại &quot;Chai  500 ML&quot; bị trùng');
    expect(html).toMatch(/id="truong-variant-2-stock"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="150.000,5"');
    expect(html).toContain('value="nhiều"');
    expect(await product(p.id)).toEqual(p);
  });

  it('asks for a name and a price on a row that has only one of them, and refuses removing every row', async () => {
    const p = await draftProductWithVariantsOf(services, A);
    const half = await post(`/co-so-cua-toi/san-pham/${p.id}/phan-loai`, { ...tableOf(p), [cell(2, 'priceVnd')]: '50000', [cell(3, 'label')]: 'hũ nhỏ' });
    expect(half.status).toBe(400);
    const html = await half.text();
    expect(html).toMatch(/id="truong-variant-2-label"[^>]*aria-invalid="true"/);
    expect(html).toContain('Nhập tên phân loại');
    expect(html).toMatch(/id="truong-variant-3-priceVnd"[^>]*aria-invalid="true"/);

    const none = await post(`/co-so-cua-toi/san-pham/${p.id}/phan-loai`, { ...tableOf(p), [cell(0, 'remove')]: '1', [cell(1, 'remove')]: '1' });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Cần ít nhất một phân loại');
    expect(await product(p.id)).toEqual(p);
  });

  it('answers a stale table with 409, the latest version and the typed rows kept', async () => {
    const p = await draftProductWithVariantsOf(services, A);
    const first = await post(`/co-so-cua-toi/san-pham/${p.id}/phan-loai`, { ...tableOf(p), [cell(0, 'priceVnd')]: '130000' });
    expect(first.status).toBe(303);
    const edited = await product(p.id);
    const stale = await post(`/co-so-cua-toi/san-pham/${p.id}/phan-loai`, { ...tableOf(p), [cell(1, 'priceVnd')]: '260000' });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Sản phẩm vừa được sửa ở nơi khác');
    expect(html).toContain('value="260000"');
    expect(html).toContain(`name="expectedUpdatedAt" value="${edited.updatedAt}"`);
    expect((await product(p.id)).variants?.map((v) => v.priceVnd)).toEqual([130000, 250000]);
  });

  it('sets each variant\'s stock from the stock form in one write, with inline errors per variant', async () => {
    const p = await draftProductWithVariantsOf(services, A);
    const bad = await post(`/co-so-cua-toi/san-pham/${p.id}/ton-kho`, { 'stock-chai-500-ml': '7', 'stock-chai-1-lit': 'hết' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toMatch(/id="truong-stock-chai-1-lit"[^>]*aria-invalid="true"/);
    expect(badHtml).toContain('Tồn kho chai 1 lít: Nhập số lượng là số nguyên');
    expect(await product(p.id)).toEqual(p);

    const ok = await post(`/co-so-cua-toi/san-pham/${p.id}/ton-kho`, { 'stock-chai-500-ml': '7', 'stock-chai-1-lit': '1.200' });
    expect(ok.status, await ok.clone().text()).toBe(303);
    expect(ok.headers.get('location')).toBe(`/co-so-cua-toi/san-pham/${p.id}?da-luu=ton-kho`);
    const saved = await product(p.id);
    expect(saved.variants?.map((v) => v.stock)).toEqual([7, 1200]);
    expect(saved.stock).toBe(1207);
  });

  it('never shows PRODUCT_HAS_VARIANTS: a single-stock form posted after variants were added gets the fresh per-variant form (409)', async () => {
    const p = await draftProductWithVariantsOf(services, A);
    const res = await post(`/co-so-cua-toi/san-pham/${p.id}/ton-kho`, { stock: '5' });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Các phân loại của sản phẩm vừa thay đổi ở nơi khác');
    expect(html).toMatch(/id="truong-stock-chai-500-ml"[^>]*value="10"/);
    expect(html).not.toContain('PRODUCT_HAS_VARIANTS');
    // And a per-variant form for a variant removed elsewhere.
    const gone = await post(`/co-so-cua-toi/san-pham/${p.id}/ton-kho`, { 'stock-chai-500-ml': '3', 'stock-chai-2-lit': '1' });
    expect(gone.status).toBe(409);
    expect(await gone.text()).toMatch(/id="truong-stock-chai-500-ml"[^>]*value="3"/);
    expect(await product(p.id)).toEqual(p);
  });

  it('goes back to a single price with the cheapest variant\'s price, label and own stock, only when confirmed', async () => {
    const p = await draftProductWithVariantsOf(services, A);
    const page = await (await get(`/co-so-cua-toi/san-pham/${p.id}`)).text();
    expect(page).toContain('Sản phẩm sẽ bán một giá theo phân loại rẻ nhất, “chai 500 ml”');
    expect(page).toContain('Các phân loại khác (chai 1 lít) bị xoá.');

    const unticked = await post(`/co-so-cua-toi/san-pham/${p.id}/phan-loai/bo`, { expectedUpdatedAt: p.updatedAt });
    expect(unticked.status).toBe(400);
    expect(await unticked.text()).toMatch(/id="truong-confirmSinglePrice"[^>]*aria-invalid="true"/);
    expect(await product(p.id)).toEqual(p);

    const res = await post(`/co-so-cua-toi/san-pham/${p.id}/phan-loai/bo`, { expectedUpdatedAt: p.updatedAt, confirmSinglePrice: '1' });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(`/co-so-cua-toi/san-pham/${p.id}?da-luu=mot-gia`);
    const single = await product(p.id);
    expect(single.variants).toBeUndefined();
    expect(single).toMatchObject({ priceVnd: 135000, unit: 'chai 500 ml', stock: 10 });

    const html = await (await get(`/co-so-cua-toi/san-pham/${p.id}?da-luu=mot-gia`)).text();
    expect(html).toContain('Đã bỏ phân loại');
    expect(html).toMatch(/id="truong-priceVnd"[^>]*value="135000"/);
    expect(html).toContain('id="truong-stock"');
  });

  it('refuses a stale "Bỏ phân loại" with 409', async () => {
    const p = await draftProductWithVariantsOf(services, A);
    expect((await post(`/co-so-cua-toi/san-pham/${p.id}/ton-kho`, { 'stock-chai-500-ml': '1', 'stock-chai-1-lit': '1' })).status).toBe(303);
    const res = await post(`/co-so-cua-toi/san-pham/${p.id}/phan-loai/bo`, { expectedUpdatedAt: p.updatedAt, confirmSinglePrice: '1' });
    expect(res.status).toBe(409);
    expect((await product(p.id)).variants).toHaveLength(2);
  });

  it("keeps producer B out of producer A's variant forms (403), changing nothing", async () => {
    const p = await draftProductWithVariantsOf(services, A);
    const attempts: [string, Record<string, string>][] = [
      ['/phan-loai', { ...tableOf(p), [cell(0, 'priceVnd')]: '1' }],
      ['/phan-loai/bo', { confirmSinglePrice: '1' }],
      ['/ton-kho', { 'stock-chai-500-ml': '0', 'stock-chai-1-lit': '0' }],
    ];
    for (const [suffix, form] of attempts) {
      const res = await post(`/co-so-cua-toi/san-pham/${p.id}${suffix}`, form, ownerB);
      expect(res.status, suffix).toBe(403);
    }
    expect(await product(p.id)).toEqual(p);
  });
});
