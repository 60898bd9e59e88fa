import { raw } from 'hono/html';
import type { Booth, Hall } from '../../shared/fairs/fair';
import type { FairDetail, FairView, PublicBooth } from '../../shared/fairs/service';
import { fairPriceApplies } from '../../shared/fairs/lifecycle';
import { platformLabels } from '../../shared/livestream/stream-url';
import { formatVnd } from '../../shared/money/vnd';
import { provinceByCode } from '../../shared/reference/provinces';
import { groupByCodeOrUndefined } from '../../shared/reference/taxonomy';
import { Layout } from '../components/layout';
import { livePath } from '../livestream/paths';
import { CHECKOUT_PATH } from '../orders/paths';
import type { AssetUrls } from '../view';
import { FairDates, fairStyles, statusLabels } from './fair-parts';
import { boothPath, fairPath, FAIRS_PATH, hallPath, inquiryFormPath } from './paths';

const hallLabel = (h: Hall) => (h.kind === 'group' ? groupByCodeOrUndefined(h.code)?.name : provinceByCode(h.code)?.name) ?? h.code;

function FairCard({ fair }: { fair: FairView }) {
  return (
    <li class="fair-card">
      <h3>
        <a href={fairPath(fair.id)}>{fair.name}</a>
      </h3>
      <p>
        <span class="fair-badge">{statusLabels[fair.status]}</span> {fair.theme}
      </p>
      <p>
        <FairDates fair={fair} />
      </p>
    </li>
  );
}

function Section({ id, title, items, empty }: { id: string; title: string; items: FairView[]; empty: string }) {
  return (
    <section class="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length ? (
        <ul class="fair-list">
          {items.map((f) => (
            <FairCard fair={f} />
          ))}
        </ul>
      ) : (
        <p class="empty">{empty}</p>
      )}
    </section>
  );
}

/** The lobby: fairs live now, upcoming and closed (1 Query of the public fairs partition each). */
export function FairLobbyPage({ assets, live, upcoming, closed }: { assets: AssetUrls; live: FairView[]; upcoming: FairView[]; closed: FairView[] }) {
  return (
    <Layout title="Hội chợ OCOP trực tuyến" description="Hội chợ, triển lãm OCOP trực tuyến của các tỉnh: gian hàng, giá hội chợ, kết nối giao thương." assets={assets}>
      <style>{raw(fairStyles)}</style>
      <div class="wrap">
        <h1>Hội chợ OCOP trực tuyến</h1>
        <Section id="dang-dien-ra" title="Đang diễn ra" items={live} empty="Chưa có hội chợ nào đang diễn ra." />
        <Section id="sap-dien-ra" title="Sắp diễn ra" items={upcoming} empty="Chưa có hội chợ sắp tới." />
        <Section id="da-ket-thuc" title="Đã kết thúc" items={closed} empty="Chưa có hội chợ nào đã kết thúc." />
      </div>
    </Layout>
  );
}

function BoothCard({ fairId, booth }: { fairId: string; booth: PublicBooth }) {
  return (
    <li class="booth-card" data-booth={String(booth.boothNo)}>
      <h3>
        <a href={boothPath(fairId, booth.boothNo)}>
          Gian {booth.boothNo}: {booth.producerName}
        </a>
      </h3>
      <p>
        {provinceByCode(booth.provinceCode)?.name ?? booth.provinceCode} · {booth.products.length} sản phẩm
      </p>
    </li>
  );
}

/** The fair's page: its halls, each with its booths (one Query of the fair's partition). */
export function FairPage({ assets, fair }: { assets: AssetUrls; fair: FairDetail }) {
  return (
    <Layout title={fair.name} description={`${fair.name}: ${fair.theme}. Gian hàng OCOP, giá hội chợ, kết nối giao thương.`} assets={assets} noindex={fair.status === 'draft'}>
      <style>{raw(fairStyles)}</style>
      <div class="wrap">
        <p>
          <a href={FAIRS_PATH}>← Tất cả hội chợ</a>
        </p>
        {fair.bannerUrl ? <img class="fair-banner" src={fair.bannerUrl} alt={`Băng rôn ${fair.name}`} /> : null}
        <h1>{fair.name}</h1>
        <p>
          <span class="fair-badge">{statusLabels[fair.status]}</span> {fair.theme} · <FairDates fair={fair} />
        </p>
        {fair.description ? <p>{fair.description}</p> : null}
        {fair.halls.map((h) => (
          <section class="section" aria-labelledby={`khu-${h.id}`}>
            <h2 id={`khu-${h.id}`}>
              <a href={hallPath(fair.id, h.id)}>{h.name}</a> <small>({hallLabel(h)}, {h.booths.length}/{h.boothCount} gian)</small>
            </h2>
            {h.booths.length ? (
              <ul class="booth-list">
                {h.booths.slice(0, 12).map((b) => (
                  <BoothCard fairId={fair.id} booth={b} />
                ))}
              </ul>
            ) : (
              <p class="empty">Khu này chưa có gian hàng.</p>
            )}
          </section>
        ))}
        <Programme fair={fair} />
      </div>
    </Layout>
  );
}

/** The programme: the lives the exhibitors linked to the fair. */
function Programme({ fair }: { fair: FairDetail }) {
  const lives = fair.halls.flatMap((h) => h.booths.flatMap((b) => b.livestreamIds.map((id) => ({ id, producerName: b.producerName }))));
  return (
    <section class="section" aria-labelledby="chuong-trinh">
      <h2 id="chuong-trinh">Chương trình</h2>
      {lives.length ? (
        <ul>
          {lives.map((l) => (
            <li>
              <a href={livePath(l.id)}>Livestream của {l.producerName}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">Chưa có buổi livestream nào trong chương trình.</p>
      )}
    </section>
  );
}

/** One hall: its booths, filtered by product group or province (query `nhom`, `tinh`). */
export function HallPage({ assets, fair, hall, group, province }: { assets: AssetUrls; fair: FairDetail; hall: FairDetail['halls'][number]; group?: string | undefined; province?: string | undefined }) {
  const booths = hall.booths.filter((b) => (!group || b.groups.includes(group)) && (!province || b.provinceCode === province));
  const groups = [...new Set(hall.booths.flatMap((b) => b.groups))];
  const provinces = [...new Set(hall.booths.map((b) => b.provinceCode))];
  return (
    <Layout title={`${hall.name} – ${fair.name}`} description={`Các gian hàng ${hall.name} tại ${fair.name}.`} assets={assets}>
      <style>{raw(fairStyles)}</style>
      <div class="wrap">
        <p>
          <a href={fairPath(fair.id)}>← {fair.name}</a>
        </p>
        <h1>{hall.name}</h1>
        <form method="get" action={hallPath(fair.id, hall.id)} class="fair-form" aria-label="Lọc gian hàng">
          <label for="loc-nhom">Nhóm sản phẩm</label>
          <select id="loc-nhom" name="nhom">
            <option value="">Tất cả</option>
            {groups.map((g) => (
              <option value={g} selected={g === group}>
                {groupByCodeOrUndefined(g)?.name ?? g}
              </option>
            ))}
          </select>
          <label for="loc-tinh">Tỉnh, thành phố</label>
          <select id="loc-tinh" name="tinh">
            <option value="">Tất cả</option>
            {provinces.map((p) => (
              <option value={p} selected={p === province}>
                {provinceByCode(p)?.name ?? p}
              </option>
            ))}
          </select>
          <p>
            <button type="submit" class="btn">
              Lọc
            </button>
          </p>
        </form>
        {booths.length ? (
          <ul class="booth-list">
            {booths.map((b) => (
              <BoothCard fairId={fair.id} booth={b} />
            ))}
          </ul>
        ) : (
          <p class="empty">Không có gian hàng phù hợp.</p>
        )}
      </div>
    </Layout>
  );
}

export interface InquiryFormState {
  values: Record<string, string>;
  error?: string | undefined;
  sent?: boolean | undefined;
}

const inquiryFields: [string, string, string][] = [
  ['company', 'Doanh nghiệp', 'text'],
  ['country', 'Quốc gia', 'text'],
  ['contactName', 'Người liên hệ', 'text'],
  ['contactEmail', 'Email liên hệ', 'email'],
  ['product', 'Sản phẩm quan tâm', 'text'],
  ['quantity', 'Số lượng dự kiến', 'text'],
];

/** A booth: its dressing, products at the fair price with a buy button (inside the window), the inquiry form. */
export function BoothPage({ assets, fair, booth, now, inquiry }: { assets: AssetUrls; fair: FairView; booth: PublicBooth & Partial<Pick<Booth, 'fairId'>>; now: Date; inquiry: InquiryFormState }) {
  const priced = fairPriceApplies(fair, now);
  return (
    <Layout title={`Gian ${booth.boothNo}: ${booth.producerName} – ${fair.name}`} description={`${booth.producerName} tại ${fair.name}: sản phẩm OCOP giá hội chợ.`} assets={assets}>
      <style>{raw(fairStyles)}</style>
      <div class="wrap">
        <p>
          <a href={hallPath(fair.id, booth.hallId)}>← Về khu</a> · <a href={fairPath(fair.id)}>{fair.name}</a>
        </p>
        {booth.bannerUrl ? <img class="fair-banner" src={booth.bannerUrl} alt={`Băng rôn gian ${booth.producerName}`} /> : null}
        <h1>
          Gian {booth.boothNo}: {booth.producerName}
        </h1>
        {booth.intro ? <p>{booth.intro}</p> : null}
        {booth.video ? (
          <>
            {booth.video.embedUrl ? <iframe class="live-player" src={booth.video.embedUrl} title={`Video gian ${booth.producerName}`} loading="lazy" allowfullscreen referrerpolicy="strict-origin-when-cross-origin"></iframe> : null}
            <p>
              <a href={booth.video.url} rel="noopener noreferrer nofollow" target="_blank">
                Xem video trên {platformLabels[booth.video.platform]}
              </a>
            </p>
          </>
        ) : null}
        <section class="section" aria-labelledby="san-pham-gian">
          <h2 id="san-pham-gian">Sản phẩm</h2>
          {!priced ? <p role="status">Giá hội chợ chỉ áp dụng khi hội chợ đang diễn ra.</p> : null}
          {booth.products.length ? (
            <table class="fair-table">
              <caption class="sr-only">Giá hội chợ và giá thường</caption>
              <thead>
                <tr>
                  <th scope="col">Sản phẩm</th>
                  <th scope="col">Giá hội chợ</th>
                  <th scope="col">Giá thường</th>
                  <th scope="col">Mua</th>
                </tr>
              </thead>
              <tbody>
                {booth.products.map((p) => (
                  <tr data-product={p.productId}>
                    <td>
                      {p.name} <small>({p.unit})</small>
                    </td>
                    <td class="fair-price">{p.fairPriceVnd !== undefined ? formatVnd(p.fairPriceVnd) : '—'}</td>
                    <td>{p.regularPriceVnd !== undefined ? <span class={p.fairPriceVnd !== undefined ? 'regular-price' : ''}>{formatVnd(p.regularPriceVnd)}</span> : null}</td>
                    <td>
                      <form method="get" action={CHECKOUT_PATH}>
                        <input type="hidden" name="product" value={p.productId} />
                        {p.variantId ? <input type="hidden" name="variant" value={p.variantId} /> : null}
                        {priced && p.fairPriceVnd !== undefined ? <input type="hidden" name="fair" value={fair.id} /> : null}
                        <label>
                          Số lượng <input type="number" name="qty" value="1" min="1" max="999" inputmode="numeric" size={3} />
                        </label>{' '}
                        <button type="submit" class="btn">
                          {priced && p.fairPriceVnd !== undefined ? 'Mua giá hội chợ' : 'Mua ngay'}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="empty">Gian hàng chưa trưng bày sản phẩm.</p>
          )}
        </section>
        {booth.contacts.length ? (
          <section class="section" aria-labelledby="lien-ket">
            <h2 id="lien-ket">Kênh liên hệ</h2>
            <ul>
              {booth.contacts.map((ch) => (
                <li>
                  <a href={ch.url} rel="noopener noreferrer nofollow" target="_blank">
                    {ch.kind === 'zalo' ? 'Zalo' : ch.kind === 'facebook' ? 'Facebook' : 'Trang web'}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section class="section" aria-labelledby="giao-thuong">
          <h2 id="giao-thuong">Gửi yêu cầu giao thương</h2>
          {inquiry.sent ? (
            <p role="status">Đã gửi yêu cầu. Cơ sở sẽ trả lời qua Chợ OCOP tới email bạn để lại.</p>
          ) : (
            <form method="post" action={inquiryFormPath(fair.id, booth.boothNo)} class="fair-form" aria-describedby={inquiry.error ? 'loi-giao-thuong' : undefined}>
              {inquiry.error ? (
                <p id="loi-giao-thuong" role="alert">
                  {inquiry.error}
                </p>
              ) : null}
              {inquiryFields.map(([name, label, type]) => (
                <>
                  <label for={`gt-${name}`}>{label}</label>
                  <input id={`gt-${name}`} name={name} type={type} required value={inquiry.values[name] ?? ''} />
                </>
              ))}
              <label for="gt-message">Lời nhắn</label>
              <textarea id="gt-message" name="message" rows={4} required>
                {inquiry.values.message ?? ''}
              </textarea>
              <div class="hp" aria-hidden="true">
                <label for="gt-website">Để trống ô này</label>
                <input id="gt-website" name="website" type="text" tabindex={-1} autocomplete="off" />
              </div>
              <p>
                <button type="submit" class="btn">
                  Gửi yêu cầu
                </button>
              </p>
            </form>
          )}
        </section>
      </div>
    </Layout>
  );
}
