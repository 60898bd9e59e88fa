import { raw } from 'hono/html';
import type { Product } from '../../shared/catalog/product';
import { platformLabels, platforms } from '../../shared/livestream/stream-url';
import type { LiveFigures, LiveSummary } from '../../shared/livestream/service';
import { formatVnd } from '../../shared/money/vnd';
import { Layout } from '../components/layout';
import { fieldId, type FormState } from '../components/form/form';
import type { AssetUrls } from '../view';
import { LiveTimes, liveStyles, StatusBadge } from './live-parts';
import { livePath, PRODUCER_LIVES_PATH, producerLiveActionPath, producerLiveEditPath, producerLiveReplayPath } from './paths';

/** A UTC instant as the value of a `datetime-local` input in Vietnam time (UTC+7 all year). */
const vietnamInputValue = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 16);

/** Before the start: title, times and the live price of the first featured product (the API edits all of them). */
function EditForm({ live }: { live: LiveSummary }) {
  const id = (name: string) => `sua-${live.id}-${name}`;
  return (
    <details class="live-edit">
      <summary>Sửa buổi live</summary>
      <form method="post" action={producerLiveEditPath(live.id)}>
        <p>
          <label for={id('title')}>Tiêu đề</label>
          <br />
          <input id={id('title')} name="title" value={live.title} required minlength={3} maxlength={120} />
        </p>
        <p>
          <label for={id('startsAt')}>Bắt đầu (giờ Việt Nam)</label>
          <br />
          <input id={id('startsAt')} name="startsAt" type="datetime-local" value={vietnamInputValue(live.startsAt)} required />
        </p>
        <p>
          <label for={id('endsAt')}>Kết thúc (giờ Việt Nam)</label>
          <br />
          <input id={id('endsAt')} name="endsAt" type="datetime-local" value={vietnamInputValue(live.endsAt)} required />
        </p>
        <p>
          <label for={id('livePriceVnd')}>Giá live mới (đồng)</label>
          <br />
          <input id={id('livePriceVnd')} name="livePriceVnd" type="number" min={1} inputmode="numeric" />
          <small> Để trống: giữ giá cũ</small>
        </p>
        <button type="submit" class="btn">
          Lưu thay đổi
        </button>
      </form>
    </details>
  );
}

function ReplayForm({ live }: { live: LiveSummary }) {
  const id = `xem-lai-${live.id}`;
  return (
    <form method="post" action={producerLiveReplayPath(live.id)}>
      <label for={id}>{live.replayUrl ? 'Đổi video xem lại' : 'Gắn video xem lại'}</label>{' '}
      <input id={id} name="replayUrl" type="url" value={live.replayUrl ?? ''} required placeholder={`https://… (${platformLabels[live.platform]})`} />{' '}
      <button type="submit">Lưu</button>
    </form>
  );
}

export interface ProducerLivesPageProps {
  assets: AssetUrls;
  lives: { live: LiveSummary; figures: LiveFigures }[];
  products: Product[];
  state: FormState;
  saved?: string | undefined;
}

const Field = ({ name, label, state, type = 'text', hint, required = true }: { name: string; label: string; state: FormState; type?: string; hint?: string; required?: boolean }) => {
  const error = state.errors[name];
  return (
    <p>
      <label for={fieldId(name)}>{label}</label>
      <br />
      <input id={fieldId(name)} name={name} type={type} value={state.values[name] ?? ''} required={required} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${fieldId(name)}-loi` : undefined} />
      {hint ? <small> {hint}</small> : null}
      {error ? (
        <span id={`${fieldId(name)}-loi`} class="field-error">
          {' '}
          {error}
        </span>
      ) : null}
    </p>
  );
};

/** The storefront's lives: schedule one (times typed in Vietnam time), start/end/cancel, figures. */
export function ProducerLivesPage({ assets, lives, products, state, saved }: ProducerLivesPageProps) {
  return (
    <Layout title="Livestream của cơ sở" description="Lên lịch livestream, bắt đầu, kết thúc và xem kết quả." assets={assets} noindex>
      <style>{raw(liveStyles)}</style>
      <div class="wrap">
        <h1>Livestream của cơ sở</h1>
        {saved ? <p role="status">{saved}</p> : null}
        <section class="section" aria-labelledby="len-lich">
          <h2 id="len-lich">Lên lịch buổi live</h2>
          {state.formError ? (
            <p role="alert" class="form-error">
              {state.formError}
            </p>
          ) : null}
          <form method="post" action={PRODUCER_LIVES_PATH}>
            <Field name="title" label="Tiêu đề" state={state} />
            <p>
              <label for={fieldId('platform')}>Nền tảng</label>
              <br />
              <select id={fieldId('platform')} name="platform">
                {platforms.map((p) => (
                  <option value={p} selected={state.values.platform === p}>
                    {platformLabels[p]}
                  </option>
                ))}
              </select>
            </p>
            <Field name="streamUrl" label="Đường dẫn buổi live" state={state} type="url" hint="https://… của đúng nền tảng đã chọn" />
            <Field name="startsAt" label="Bắt đầu (giờ Việt Nam)" state={state} type="datetime-local" />
            <Field name="endsAt" label="Kết thúc (giờ Việt Nam)" state={state} type="datetime-local" />
            <p>
              <label for={fieldId('productId')}>Sản phẩm</label>
              <br />
              <select id={fieldId('productId')} name="productId">
                {products.map((p) => (
                  <option value={p.id} selected={state.values.productId === p.id}>
                    {p.name} — {formatVnd(p.priceVnd)}
                  </option>
                ))}
              </select>
            </p>
            <Field name="livePriceVnd" label="Giá live (đồng)" state={state} type="number" hint="Phải thấp hơn giá thấp nhất 30 ngày qua" />
            <Field name="quota" label="Số suất giá live" state={state} type="number" required={false} hint="Để trống: theo tồn kho" />
            <button type="submit" class="btn">
              Lên lịch
            </button>
          </form>
        </section>
        <section class="section" aria-labelledby="cac-buoi-live">
          <h2 id="cac-buoi-live">Các buổi live</h2>
          {lives.length === 0 ? <p class="empty">Chưa có buổi live nào.</p> : null}
          <ul class="live-list">
            {lives.map(({ live, figures }) => (
              <li class="live-card" data-live={live.id}>
                <StatusBadge status={live.status} />
                <h3>
                  <a href={livePath(live.id)}>{live.title}</a>
                </h3>
                <p>
                  <LiveTimes live={live} />
                </p>
                <p class="live-figures">
                  {figures.orders} đơn · {figures.units} sản phẩm · doanh thu {formatVnd(figures.revenueVnd)}
                </p>
                {live.allowedActions.includes('start') ? (
                  <form method="post" action={producerLiveActionPath(live.id, 'start')}>
                    <button type="submit" class="btn">
                      Bắt đầu live
                    </button>
                  </form>
                ) : null}
                {live.allowedActions.includes('end') ? (
                  <form method="post" action={producerLiveActionPath(live.id, 'end')}>
                    <button type="submit" class="btn">
                      Kết thúc live
                    </button>
                  </form>
                ) : null}
                {live.status === 'scheduled' ? <EditForm live={live} /> : null}
                {live.status === 'ended' ? <ReplayForm live={live} /> : null}
                {live.allowedActions.includes('cancel') ? (
                  <form method="post" action={producerLiveActionPath(live.id, 'cancel')}>
                    <label>
                      Lý do huỷ <input name="reason" required minlength={3} maxlength={300} />
                    </label>{' '}
                    <button type="submit">Huỷ buổi live</button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Layout>
  );
}
