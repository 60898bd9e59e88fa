import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app/create-app';
import type { Product } from '../shared/catalog/product';
import type { CertificateSnapshot } from '../shared/registry/certificate';
import type { Services } from '../shared/services';
import type { Producer } from '../shared/storefront/producer';
import { ManualClock } from '../shared/time/clock';
import { makeCertificateSnapshot, makeProduct } from '../tests/support/catalog-fixtures';
import { createTestServices } from '../tests/support/test-services';

const NOW = '2026-11-23T03:00:00Z';
const NBSP = '\u00a0';

/** The shared fixture with this file's decision, so the badge assertions below read naturally. */
function cert(over: Partial<CertificateSnapshot> = {}): CertificateSnapshot {
  const decisionDate = over.decisionDate ?? '2025-09-15';
  return makeCertificateSnapshot({ certificateNo: `OCOP-${decisionDate}`, decisionNo: '2105/QĐ-UBND', decisionDate, ...over });
}

const producer: Producer = {
  id: 'htx-rau-sach-thu',
  name: 'HTX Rau sạch Thử',
  legalForm: 'cooperative',
  taxCode: '0312345678',
  provinceCode: '91',
  commune: 'đặc khu Phú Quốc',
  story: 'Hợp tác xã của 30 hộ làm nước mắm.\n\nỦ chượp trong thùng gỗ bời lời.',
  phone: '+84912345678',
  createdAt: '2025-01-01T00:00:00.000Z',
  demo: true,
};

let n = 0;
function product(over: Partial<Product> & { id: string; name: string }): Product {
  n++;
  const createdAt = new Date(Date.UTC(2026, 5, 1) + n * 3_600_000).toISOString();
  return makeProduct({
    slug: over.id,
    description: 'Mô tả sản phẩm.',
    producerId: producer.id,
    producerName: producer.name,
    priceVnd: 150_000,
    stock: 20,
    certificate: cert(),
    createdAt,
    updatedAt: createdAt,
    ...over,
  });
}

const fishSauce = product({
  id: 'nuoc-mam-thu-0001',
  name: 'Nước mắm Thử 40 độ đạm',
  images: [{ key: 'test/nuoc-mam-thu', width: 1200, height: 900, widths: [320, 640, 960], alt: 'Chai nước mắm trên bàn gỗ' }],
  demo: true,
});
const traVinh = product({
  id: 'tra-vinh-thu-0002',
  name: 'Bánh tét Trà Cuôn Thử',
  provinceCode: '86',
  commune: 'xã Long Hiệp',
  group: 'food',
  subgroup: 'food-processed-grain',
  priceVnd: 85_000,
  unit: 'đòn 1 kg',
  certificate: cert({
    stars: 3,
    certificateNo: 'TV-OCOP-2024-017',
    decisionDate: '2024-03-20',
    issuingAuthority: 'UBND tỉnh Trà Vinh',
    issuerProvinceLegacyName: 'Trà Vinh',
    issuerProvinceCode2025: '86',
  }),
});
const fiveStar = product({
  id: 'tra-shan-thu-0003',
  name: 'Trà Shan tuyết Thử',
  provinceCode: '08',
  commune: 'xã Lũng Cú',
  group: 'food',
  subgroup: 'food-tea',
  priceVnd: 1_250_000,
  unit: 'hộp 200 g',
  stock: 3,
  certificate: cert({ stars: 5, issuingLevel: 'central', issuingAuthority: 'Bộ Nông nghiệp và Môi trường', certificateNo: 'TW-5SAO-01' }),
});
const homestay = product({
  id: 'homestay-thu-0004',
  name: 'Homestay Thử bên sông',
  group: 'tourism',
  subgroup: 'tourism-community',
  priceVnd: 450_000,
  unit: 'người/đêm',
  stock: 0,
});
const twoStar = product({ id: 'hai-sao-thu-0005', name: 'Rượu Hai Sao Ẩn', certificate: cert({ stars: 2, certificateNo: 'KQ-2SAO' }) });
const revoked = product({ id: 'thu-hoi-thu-0006', name: 'Mật ong Thu Hồi Ẩn', certificate: cert({ status: 'revoked', certificateNo: 'CN-THU-HOI' }) });
const expired = product({ id: 'het-han-thu-0007', name: 'Kẹo dừa Hết Hạn Ẩn', certificate: cert({ decisionDate: '2023-01-10', certificateNo: 'CN-HET-HAN' }) });
const draft = product({ id: 'nhap-thu-0008', name: 'Bản Nháp Ẩn', status: 'draft' });
const hostile = product({ id: 'xss-thu-0009', name: '<script>alert("x")</script> Mắm', priceVnd: 120_000, description: '<img src=x onerror=alert(1)>' });

const gatedNames = [twoStar.name, revoked.name, expired.name, draft.name];

describe('web pages (server-rendered, on DynamoDB Local)', () => {
  let services: Services;
  let app: App;

  beforeAll(async () => {
    services = await createTestServices({ clock: new ManualClock(NOW) });
    app = createApp(services);
    await services.producers.createProducer(producer);
    for (const p of [fishSauce, traVinh, fiveStar, homestay, twoStar, revoked, expired, draft, hostile]) await services.catalog.saveProduct(p);
  });

  const page = async (path: string, accept = 'text/html') => {
    const res = await app.request(path, { headers: { accept } });
    return { res, html: await res.text() };
  };
  const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

  it('public pages are revalidated on every view: an ETag, and 304 without a body when unchanged', async () => {
    const first = await app.request('/', { headers: { accept: 'text/html' } });
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^(W\/)?"[^"]+"$/);
    const again = await app.request('/', { headers: { accept: 'text/html', 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // The JSON API is not hashed: its clients do not revalidate pages.
    expect((await app.request('/api/provinces')).headers.get('etag')).toBeNull();
  });

  it('home: Vietnamese document, shelves, groups and provinces', async () => {
    const { res, html } = await page('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('public, no-cache');
    expect(html.startsWith('<!doctype html><html lang="vi">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toMatch(/<meta name="description" content="[^"]{40,}"/);
    expect(html).toContain('<script type="module" src="/static/app.js" defer=""></script>');
    expect(html).toContain('href="#noi-dung"');
    for (const tag of ['<header', '<nav', '<main id="noi-dung"', '<footer']) expect(html).toContain(tag);
    expect(count(html, /<h1[ >]/g)).toBe(1);
    expect(html).toContain(fiveStar.name);
    expect(html).toContain(`1.250.000${NBSP}₫`);
    expect(html).toContain('aria-label="OCOP 5 sao"');
    for (const g of ['food', 'drinks', 'herbal', 'handicraft', 'ornamental', 'tourism']) expect(html).toContain(`href="/san-pham?group=${g}"`);
    expect(count(html, /href="\/san-pham\?province=\d{2}"/g)).toBe(34);
    for (const name of gatedNames) expect(html).not.toContain(name);
  });

  it('home: the featured shelf is ordered by stars', async () => {
    const { html } = await page('/');
    const featured = html.slice(html.indexOf('id="noi-bat"'), html.indexOf('id="moi-nhat"'));
    expect(featured.indexOf(fiveStar.name)).toBeGreaterThan(-1);
    expect(featured.indexOf(fiveStar.name)).toBeLessThan(featured.indexOf(traVinh.name));
  });

  it('list: cards with prices and badges, never a gated product', async () => {
    const { res, html } = await page('/san-pham');
    expect(res.status).toBe(200);
    expect(html).toContain(fishSauce.name);
    expect(html).toContain(`150.000${NBSP}₫`);
    expect(html).toContain('aria-label="OCOP 4 sao"');
    expect(html).toContain('Đang hiển thị 5 sản phẩm.');
    for (const name of gatedNames) expect(html).not.toContain(name);
    // Every form control has a label pointing at it.
    const ids = [...html.matchAll(/<select id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(5);
    for (const id of ids) expect(html).toContain(`<label for="${id}">`);
  });

  it('list: filters by province and group, and keeps the choice in the form', async () => {
    const { html } = await page('/san-pham?province=86&group=food&sort=price_asc&minStars=');
    expect(html).toContain(traVinh.name);
    expect(html).not.toContain(fishSauce.name);
    expect(html).toContain('<option value="86" selected="">Vĩnh Long</option>');
    expect(html).toContain('<option value="price_asc" selected="">Giá tăng dần</option>');
    expect(html).toMatch(/<h1>Sản phẩm OCOP: Thực phẩm, tỉnh Vĩnh Long<\/h1>/);
  });

  it('list: empty state', async () => {
    const { res, html } = await page('/san-pham?group=handicraft');
    expect(res.status).toBe(200);
    expect(html).toContain('Chưa có sản phẩm OCOP nào phù hợp với bộ lọc này.');
  });

  it('list: pages forward with the cursor and back to the first page', async () => {
    const first = await page('/san-pham?limit=2&sort=price_desc');
    const next = /<a class="btn" href="([^"]+)" rel="next">Trang sau/.exec(first.html)?.[1];
    expect(next).toBeDefined();
    const href = next!.replaceAll('&amp;', '&');
    expect(href).toMatch(/^\/san-pham\?sort=price_desc&limit=2&cursor=/);
    const second = await page(href);
    expect(second.res.status).toBe(200);
    expect(second.html).toContain('Về trang đầu');
    expect(second.html).toContain('href="/san-pham?sort=price_desc&amp;limit=2"');
    const names = (html: string) => [...html.matchAll(/<h3><a href="\/san-pham\/([^"]+)">/g)].map((m) => m[1]);
    expect(names(first.html)).toEqual([fiveStar.id, homestay.id]);
    expect(names(second.html)).toEqual([fishSauce.id, hostile.id]);
  });

  it.each([
    ['/san-pham?minStars=abc', 'Hạng sao'],
    ['/san-pham?minStars=2', 'Hạng sao'],
    ['/san-pham?group=weapons', 'Nhóm sản phẩm'],
    ['/san-pham?province=63', 'Tỉnh, thành phố'],
    ['/san-pham?sort=cheapest', 'Sắp xếp'],
    ['/san-pham?limit=100000', 'Số sản phẩm mỗi trang'],
    // Decimal digits only: Number() would read each of these as a valid number.
    ['/san-pham?limit=0x10', 'Số sản phẩm mỗi trang'],
    ['/san-pham?limit=1e1', 'Số sản phẩm mỗi trang'],
    ['/san-pham?limit=%2B3', 'Số sản phẩm mỗi trang'],
    ['/san-pham?limit=%203', 'Số sản phẩm mỗi trang'],
    ['/san-pham?minStars=3.0', 'Hạng sao'],
    ['/san-pham?minStars=4%20', 'Hạng sao'],
  ])('list: %s is a 400 page naming the bad filter', async (path, label) => {
    const { res, html } = await page(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<h1>Bộ lọc không hợp lệ</h1>');
    expect(html).toContain(label);
  });

  it.each(['/san-pham?cursor=%25%25%25', '/san-pham?cursor=eyJxIjoiYSJ9', '/co-so/htx-rau-sach-thu?cursor=eyJxIjoiYSJ9'])(
    'a bad cursor (%s) is a 400 page, even without an Accept header',
    async (path) => {
      const { res, html } = await page(path, '*/*');
      expect(res.status).toBe(400);
      expect(html).toContain('Liên kết phân trang không còn hợp lệ');
    },
  );

  it('product: price, stock, origin, producer and the OCOP certification', async () => {
    const { res, html } = await page(`/san-pham/${fiveStar.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, no-cache');
    expect(html).toContain(`<title>${fiveStar.name} – Chợ OCOP</title>`);
    expect(html).toContain(`1.250.000${NBSP}₫`);
    expect(html).toContain('Còn hàng (chỉ còn 3)');
    expect(html).toContain('role="img" aria-label="OCOP 5 sao"');
    expect(html).toContain('★★★★★');
    expect(html).toContain('TW-5SAO-01');
    expect(html).toContain('Cấp trung ương');
    expect(html).toContain('Sản phẩm của xã Lũng Cú, tỉnh Tuyên Quang');
    expect(html).toContain('<dt>Hiệu lực đến</dt><dd><time datetime="2028-09-15">15/09/2028</time></dd>');
    expect(html).toContain('Số 2105/QĐ-UBND, ngày <time datetime="2025-09-15">15/09/2025</time>');
    expect(html).toContain(`href="/co-so/${producer.id}"`);
    expect(html).toContain('href="/san-pham?group=food"');
    expect(html).toContain('href="/san-pham?group=food&amp;subgroup=food-tea"');
    expect(html).toContain('aria-current="page"');
    expect(count(html, /<h1[ >]/g)).toBe(1);
    expect(html).not.toContain('Dữ liệu minh họa');
  });

  it('product: the Trà Vinh certificate names the province it belongs to today', async () => {
    const { html } = await page(`/san-pham/${traVinh.id}`);
    expect(html).toContain('UBND tỉnh Trà Vinh (nay thuộc tỉnh Vĩnh Long)');
    expect(html).toContain('Sản phẩm của xã Long Hiệp, tỉnh Vĩnh Long');
    expect(html).toContain('aria-label="OCOP 3 sao"');
  });

  it('product: responsive image, eager on the product page; demo label and notice', async () => {
    const { html } = await page(`/san-pham/${fishSauce.id}`);
    const img = /<img [^>]+>/.exec(html)?.[0] ?? '';
    expect(img).toContain('src="/media/test/nuoc-mam-thu-960.webp"');
    expect(img).toContain('srcset="/media/test/nuoc-mam-thu-320.webp 320w, /media/test/nuoc-mam-thu-640.webp 640w, /media/test/nuoc-mam-thu-960.webp 960w"');
    expect(img).toContain('width="1200" height="900"');
    expect(img).toContain('alt="Chai nước mắm trên bàn gỗ"');
    expect(img).toContain('loading="eager"');
    expect(img).toContain('sizes="');
    expect(html).toContain('<span class="demo-tag">Dữ liệu minh họa</span>');
    expect(html).toContain('dữ liệu minh họa</strong>');
  });

  it('cards load their images lazily', async () => {
    const { html } = await page('/san-pham');
    const img = /<img [^>]+>/.exec(html)?.[0] ?? '';
    expect(img).toContain('loading="lazy"');
    expect(img).toContain('decoding="async"');
  });

  it('product: a tourism service says it is not shipped', async () => {
    const { html } = await page(`/san-pham/${homestay.id}`);
    expect(html).toContain('không giao hàng');
    expect(html).not.toContain('Tạm hết hàng');
    expect(html).toContain('Giới thiệu dịch vụ');
  });

  it.each([
    [twoStar, 'Sản phẩm chưa đạt OCOP 3 sao'],
    [revoked, 'Chứng nhận OCOP của sản phẩm đã bị thu hồi'],
    [expired, 'Chứng nhận OCOP của sản phẩm đã hết hạn'],
  ])('product: gated $id is a 410 page with the reason, never the product', async (p, reason) => {
    for (const accept of ['text/html', '*/*']) {
      const { res, html } = await page(`/san-pham/${p.id}`, accept);
      expect(res.status).toBe(410);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(html).toContain('<h1>Sản phẩm không còn được bán</h1>');
      expect(html).toContain(reason);
      expect(html).not.toContain(p.name);
      expect(html).not.toContain(p.certificate!.certificateNo);
    }
  });

  it.each([draft.id, 'khong-co-that', 'BAD%20ID'])('product: %s is a 404 page', async (id) => {
    const { res, html } = await page(`/san-pham/${id}`);
    expect(res.status).toBe(404);
    expect(html).toContain('<h1>Không tìm thấy trang</h1>');
    expect(html).not.toContain(draft.name);
  });

  it('escapes what producers type', async () => {
    const { html } = await page(`/san-pham/${hostile.id}`);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Mắm');
    expect(html).not.toContain('<img src=x');
  });

  it('storefront: profile, national phone, listed products only', async () => {
    const { res, html } = await page(`/co-so/${producer.id}`);
    expect(res.status).toBe(200);
    expect(html).toContain(`<h1 id="ten-co-so">${producer.name} <span class="demo-tag">Dữ liệu minh họa</span></h1>`);
    expect(html).toContain('<dd>Hợp tác xã</dd>');
    expect(html).toContain('<dd>đặc khu Phú Quốc, tỉnh An Giang</dd>');
    expect(html).toContain('<a href="tel:+84912345678">0912345678</a>');
    expect(html).toContain('<p>Ủ chượp trong thùng gỗ bời lời.</p>');
    expect(html).not.toContain(producer.taxCode);
    for (const p of [fishSauce, traVinh, fiveStar, homestay]) expect(html).toContain(p.name);
    for (const name of gatedNames) expect(html).not.toContain(name);
  });

  it('storefront: unknown producer is a 404 page', async () => {
    const { res, html } = await page('/co-so/khong-ton-tai');
    expect(res.status).toBe(404);
    expect(html).toContain('Không tìm thấy cơ sở này.');
  });

  it('unknown paths get the same layout, in Vietnamese, uncached', async () => {
    const { res, html } = await page('/khong-co-trang-nay');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Không tìm thấy trang bạn cần');
    expect(html).toContain('class="skip"');
  });

  it('sends a keyword on the list page to the search page instead of dropping it', async () => {
    const res = await app.request('/san-pham?q=m%E1%BA%AFm', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/tim-kiem?q=m%E1%BA%AFm');
  });

  it.each([
    ['a bug', new Error('boom: secret detail'), 500, 'Đã có lỗi xảy ra'],
    ['throttling', Object.assign(new Error('slow down'), { name: 'ThrottlingException' }), 503, 'Hệ thống đang bận'],
  ])('store failure (%s) is a Vietnamese error page from the app handler, uncached', async (_label, error, status, heading) => {
    const failing: Services = {
      ...services,
      catalog: {
        getProduct: (id) => services.catalog.getProduct(id),
        getProducts: (ids) => services.catalog.getProducts(ids),
        saveProduct: (p, prev) => services.catalog.saveProduct(p, prev),
        priceHistory: (id, since) => services.catalog.priceHistory(id, since),
        listProducts: () => Promise.reject(error),
      },
    };
    const res = await createApp(failing).request('/', { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(res.status).toBe(status);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain(`<h1>${heading}</h1>`);
    expect(html).not.toContain('boom');
    expect(html).not.toContain('slow down');
  });

  it('leaves the JSON API alone', async () => {
    const res = await app.request('/api/products?minStars=abc');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/json/);
  });
});

describe('components', () => {
  it('a card marked demo carries the label (once listing items carry the flag)', async () => {
    const { ProductCard } = await import('./components/product-card');
    const card = {
      id: 'the-0001', slug: 'the-0001', name: 'Thẻ', producerId: 'p-001', producerName: 'Cơ sở', provinceCode: '91', group: 'food',
      subgroup: 'food-tea', priceVnd: 1000, unit: 'gói', createdAt: '2026-01-01T00:00:00.000Z', stars: 3, certificateNo: 'X',
      expiresAt: '2028-01-01T17:00:00.000Z',
    };
    const plain = String(await ProductCard({ card, media: '/media' }).toString());
    const demo = String(await ProductCard({ card: { ...card, demo: true } as typeof card, media: '/media' }).toString());
    expect(plain).not.toContain('Dữ liệu minh họa');
    expect(demo).toContain('Dữ liệu minh họa');
    expect(plain).toContain('<div class="ph" aria-hidden="true">Chưa có ảnh</div>');
  });
});
