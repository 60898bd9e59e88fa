import { raw } from 'hono/html';
import type { Product } from '../../shared/catalog/product';
import type { Booth, BoothApplication } from '../../shared/fairs/fair';
import type { Inquiry } from '../../shared/fairs/inquiry';
import type { FairView } from '../../shared/fairs/service';
import { platforms, platformLabels } from '../../shared/livestream/stream-url';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { Layout } from '../components/layout';
import type { AssetUrls } from '../view';
import { FairDates, fairStyles } from './fair-parts';
import { boothPath, PRODUCER_FAIRS_PATH } from './paths';

export interface ProducerFairsProps {
  assets: AssetUrls;
  openFairs: FairView[];
  applications: (BoothApplication & { fairName: string })[];
  booths: Booth[];
  products: Product[];
  inbox: Inquiry[];
  message?: string | undefined;
  error?: string | undefined;
}

const FEATURED_ROWS = 3;

function DecorateForm({ booth, products }: { booth: Booth; products: Product[] }) {
  const base = `${PRODUCER_FAIRS_PATH}/${booth.fairId}/gian/${booth.boothNo}`;
  const id = (s: string) => `trang-tri-${booth.boothNo}-${s}`;
  return (
    <form method="post" action={base} class="fair-form" aria-label={`Trang trí gian ${booth.boothNo}`}>
      <label for={id('intro')}>Giới thiệu</label>
      <textarea id={id('intro')} name="intro" rows={3}>
        {booth.intro ?? ''}
      </textarea>
      <label for={id('banner')}>Ảnh băng rôn (https)</label>
      <input id={id('banner')} name="bannerUrl" type="url" value={booth.bannerUrl ?? ''} />
      <label for={id('platform')}>Video trên</label>
      <select id={id('platform')} name="videoPlatform">
        {platforms.map((p) => (
          <option value={p} selected={booth.video?.platform === p}>
            {platformLabels[p]}
          </option>
        ))}
      </select>
      <label for={id('video')}>Đường dẫn video</label>
      <input id={id('video')} name="videoUrl" type="url" value={booth.video?.url ?? ''} />
      <label for={id('zalo')}>Zalo (https://zalo.me/…)</label>
      <input id={id('zalo')} name="zalo" type="url" value={booth.contacts.find((x) => x.kind === 'zalo')?.url ?? ''} />
      {Array.from({ length: FEATURED_ROWS }, (_, i) => {
        const current = booth.products[i];
        return (
          <fieldset>
            <legend>Sản phẩm trưng bày {i + 1}</legend>
            <label for={id(`p${i}`)}>Sản phẩm</label>
            <select id={id(`p${i}`)} name={`product${i}`}>
              <option value="">—</option>
              {products.map((p) => (
                <option value={p.id} selected={current?.productId === p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <label for={id(`g${i}`)}>Giá hội chợ (₫, không bắt buộc)</label>
            <input id={id(`g${i}`)} name={`fairPrice${i}`} type="number" min="1" inputmode="numeric" value={current?.fairPriceVnd !== undefined ? String(current.fairPriceVnd) : ''} />
          </fieldset>
        );
      })}
      <p>
        <button type="submit" class="btn">
          Lưu gian hàng
        </button>
      </p>
    </form>
  );
}

/** The exhibitor's fairs: fairs to apply to, its applications and booths (with the dressing form), its inquiry inbox. */
export function ProducerFairsPage(props: ProducerFairsProps) {
  const applied = new Set(props.applications.map((a) => a.fairId));
  return (
    <Layout title="Hội chợ của cơ sở" description="Đăng ký gian, trang trí gian hàng, trả lời yêu cầu giao thương." assets={props.assets} noindex>
      <style>{raw(fairStyles)}</style>
      <div class="wrap">
        <h1>Hội chợ của cơ sở</h1>
        {props.message ? <p role="status">{props.message}</p> : null}
        {props.error ? <p role="alert">{props.error}</p> : null}
        <h2 id="dang-nhan-dang-ky">Hội chợ đang nhận đăng ký</h2>
        {props.openFairs.filter((f) => !applied.has(f.id)).length ? (
          <ul>
            {props.openFairs
              .filter((f) => !applied.has(f.id))
              .map((f) => (
                <li>
                  {f.name} · <FairDates fair={f} />
                  <form method="post" action={`${PRODUCER_FAIRS_PATH}/${f.id}/dang-ky`}>
                    <label for={`loi-nhan-${f.id}`}>Lời nhắn cho ban tổ chức</label> <input id={`loi-nhan-${f.id}`} name="message" />{' '}
                    <button type="submit" class="btn">
                      Đăng ký gian
                    </button>
                  </form>
                </li>
              ))}
          </ul>
        ) : (
          <p class="empty">Không có hội chợ mới đang nhận đăng ký.</p>
        )}
        <h2 id="don-cua-toi">Đơn đăng ký của tôi</h2>
        <ul>
          {props.applications.map((a) => (
            <li data-application={a.id}>
              {a.fairName}: {a.status === 'pending' ? 'chờ duyệt' : a.status === 'accepted' ? `đã nhận, gian ${a.boothNo}` : `bị từ chối (${a.reason ?? ''})`}
            </li>
          ))}
        </ul>
        {props.booths.map((b) => (
          <section class="section" aria-labelledby={`gian-${b.fairId}-${b.boothNo}`}>
            <h2 id={`gian-${b.fairId}-${b.boothNo}`}>
              Gian {b.boothNo} — <a href={boothPath(b.fairId, b.boothNo)}>xem trang gian</a>
            </h2>
            <DecorateForm booth={b} products={props.products} />
          </section>
        ))}
        <h2 id="hop-thu">Yêu cầu giao thương</h2>
        {props.inbox.length ? (
          props.inbox.map((q) => (
            <article class="booth-card" data-inquiry={q.id} aria-labelledby={`yc-${q.id}`}>
              <h3 id={`yc-${q.id}`}>
                {q.company} ({q.country}) — {q.product}, {q.quantity} · <span>{q.status === 'new' ? 'Mới' : q.status === 'replied' ? 'Đã trả lời' : 'Đã đóng'}</span>
              </h3>
              <p>
                {q.contactName} · {q.contactEmail}
              </p>
              <ol>
                {q.messages.map((m) => (
                  <li>
                    <strong>{m.from === 'buyer' ? q.company : 'Cơ sở'}</strong> ({formatVietnamDateTime(m.at)}): {m.text}
                  </li>
                ))}
              </ol>
              <form method="post" action={`${PRODUCER_FAIRS_PATH}/lien-he/${q.id}`} class="fair-form">
                <label for={`tra-loi-${q.id}`}>Trả lời</label>
                <textarea id={`tra-loi-${q.id}`} name="text" rows={2}></textarea>
                <label for={`trang-thai-${q.id}`}>Trạng thái</label>
                <select id={`trang-thai-${q.id}`} name="status">
                  <option value="">Giữ nguyên (trả lời → đã trả lời)</option>
                  <option value="closed">Đóng</option>
                  <option value="new">Mới</option>
                </select>
                <p>
                  <button type="submit" class="btn">
                    Gửi
                  </button>
                </p>
              </form>
            </article>
          ))
        ) : (
          <p class="empty">Chưa có yêu cầu giao thương.</p>
        )}
      </div>
    </Layout>
  );
}
