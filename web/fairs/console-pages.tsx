import { raw } from 'hono/html';
import type { FairDashboard } from '../../shared/fairs/analytics';
import type { BoothApplication } from '../../shared/fairs/fair';
import type { FairView } from '../../shared/fairs/service';
import { formatVnd } from '../../shared/money/vnd';
import { Layout } from '../components/layout';
import type { AssetUrls } from '../view';
import { FairDates, fairStyles, statusLabels } from './fair-parts';
import { CONSOLE_FAIRS_PATH, consoleFairPath, fairPath } from './paths';

const transitionLabels: Record<string, string> = { open: 'Mở đăng ký gian', live: 'Khai mạc (bắt đầu diễn ra)', closed: 'Bế mạc' };

function Flash({ message, error }: { message?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {message ? <p role="status">{message}</p> : null}
      {error ? <p role="alert">{error}</p> : null}
    </>
  );
}

/** The organiser's fairs and the creation form (halls: up to three rows). */
export function ConsoleFairsPage({ assets, fairs, values, error, message }: { assets: AssetUrls; fairs: FairView[]; values: Record<string, string>; error?: string | undefined; message?: string | undefined }) {
  const v = (k: string) => values[k] ?? '';
  return (
    <Layout title="Quản lý hội chợ" description="Tạo và điều hành hội chợ OCOP trực tuyến." assets={assets} noindex>
      <style>{raw(fairStyles)}</style>
      <div class="wrap">
        <h1>Hội chợ do tôi tổ chức</h1>
        <Flash message={message} error={error} />
        {fairs.length ? (
          <ul>
            {fairs.map((f) => (
              <li>
                <a href={consoleFairPath(f.id)}>{f.name}</a> — {statusLabels[f.status]} · <FairDates fair={f} />
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">Chưa có hội chợ nào.</p>
        )}
        <h2 id="tao-hoi-cho">Tạo hội chợ</h2>
        <form method="post" action={CONSOLE_FAIRS_PATH} class="fair-form" aria-labelledby="tao-hoi-cho">
          <label for="hc-name">Tên hội chợ</label>
          <input id="hc-name" name="name" required value={v('name')} />
          <label for="hc-theme">Chủ đề</label>
          <input id="hc-theme" name="theme" required value={v('theme')} />
          <label for="hc-description">Giới thiệu</label>
          <textarea id="hc-description" name="description" rows={3}>
            {v('description')}
          </textarea>
          <label for="hc-banner">Ảnh băng rôn (đường dẫn https, không bắt buộc)</label>
          <input id="hc-banner" name="bannerUrl" type="url" value={v('bannerUrl')} />
          <label for="hc-start">Bắt đầu (giờ Việt Nam)</label>
          <input id="hc-start" name="startsAt" type="datetime-local" required value={v('startsAt')} />
          <label for="hc-end">Kết thúc (giờ Việt Nam)</label>
          <input id="hc-end" name="endsAt" type="datetime-local" required value={v('endsAt')} />
          <label for="hc-provinces">Mã tỉnh tổ chức (quản trị viên: nhiều mã cách nhau dấu phẩy, để trống = toàn quốc)</label>
          <input id="hc-provinces" name="provinceCodes" value={v('provinceCodes')} />
          {[1, 2, 3].map((i) => (
            <fieldset>
              <legend>Khu {i}</legend>
              <label for={`hc-hall${i}-name`}>Tên khu</label>
              <input id={`hc-hall${i}-name`} name={`hall${i}Name`} required={i === 1} value={v(`hall${i}Name`)} />
              <label for={`hc-hall${i}-kind`}>Theo</label>
              <select id={`hc-hall${i}-kind`} name={`hall${i}Kind`}>
                <option value="group" selected={v(`hall${i}Kind`) !== 'province'}>
                  Nhóm sản phẩm
                </option>
                <option value="province" selected={v(`hall${i}Kind`) === 'province'}>
                  Tỉnh, thành phố
                </option>
              </select>
              <label for={`hc-hall${i}-code`}>Mã nhóm hoặc mã tỉnh</label>
              <input id={`hc-hall${i}-code`} name={`hall${i}Code`} value={v(`hall${i}Code`)} />
              <label for={`hc-hall${i}-count`}>Số gian</label>
              <input id={`hc-hall${i}-count`} name={`hall${i}Count`} type="number" min="1" max="200" inputmode="numeric" value={v(`hall${i}Count`)} />
            </fieldset>
          ))}
          <p>
            <button type="submit" class="btn">
              Tạo bản nháp
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

/** Visits per day as a server-rendered bar chart (no script): one bar per Vietnam day. */
export function VisitsChart({ days }: { days: FairDashboard['days'] }) {
  const max = Math.max(1, ...days.map((d) => d.views));
  const w = 40;
  const h = 120;
  return (
    <svg role="img" aria-labelledby="bieu-do-tieu-de" width={Math.max(1, days.length) * w + 10} height={h + 30} viewBox={`0 0 ${Math.max(1, days.length) * w + 10} ${h + 30}`}>
      <title id="bieu-do-tieu-de">Lượt xem theo ngày</title>
      {days.map((d, i) => {
        const bar = Math.round((d.views / max) * h);
        return (
          <g>
            <rect x={i * w + 10} y={h - bar + 5} width={w - 12} height={bar} fill="#0a5a3a" />
            <text x={i * w + 10} y={h + 22} font-size="10">
              {d.day.slice(5)}
            </text>
            <text x={i * w + 10} y={h - bar} font-size="10">
              {d.views}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function ConsoleFairPage({ assets, fair, applications, dashboard, message, error }: { assets: AssetUrls; fair: FairView; applications: BoothApplication[]; dashboard: FairDashboard; message?: string | undefined; error?: string | undefined }) {
  return (
    <Layout title={`Quản lý: ${fair.name}`} description="Điều hành hội chợ." assets={assets} noindex>
      <style>{raw(fairStyles)}</style>
      <div class="wrap">
        <p>
          <a href={CONSOLE_FAIRS_PATH}>← Hội chợ của tôi</a> · <a href={fairPath(fair.id)}>Xem trang công khai</a>
        </p>
        <h1>{fair.name}</h1>
        <p>
          <span class="fair-badge">{statusLabels[fair.status]}</span> <FairDates fair={fair} />
        </p>
        <Flash message={message} error={error} />
        {fair.allowedTransitions.map((to) => (
          <form method="post" action={`${consoleFairPath(fair.id)}/chuyen`}>
            <input type="hidden" name="to" value={to} />
            <button type="submit" class="btn">
              {transitionLabels[to] ?? to}
            </button>
          </form>
        ))}
        <h2 id="don-dang-ky">Đơn đăng ký gian</h2>
        {applications.length ? (
          <table class="fair-table" aria-labelledby="don-dang-ky">
            <thead>
              <tr>
                <th scope="col">Cơ sở</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Xử lý</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr data-application={a.id}>
                  <td>
                    {a.producerName}
                    {a.message ? <small> — {a.message}</small> : null}
                  </td>
                  <td>{a.status === 'pending' ? 'Chờ duyệt' : a.status === 'accepted' ? `Đã nhận, gian ${a.boothNo}` : `Từ chối: ${a.reason ?? ''}`}</td>
                  <td>
                    {a.status === 'pending' ? (
                      <>
                        <form method="post" action={`${CONSOLE_FAIRS_PATH}/don/${a.id}/nhan`}>
                          <label for={`gian-${a.id}`}>Số gian</label> <input id={`gian-${a.id}`} name="boothNo" type="number" min="1" required inputmode="numeric" size={4} />{' '}
                          <button type="submit" class="btn">
                            Nhận
                          </button>
                        </form>
                        <form method="post" action={`${CONSOLE_FAIRS_PATH}/don/${a.id}/tu-choi`}>
                          <label for={`ly-do-${a.id}`}>Lý do</label> <input id={`ly-do-${a.id}`} name="reason" required minlength={3} />{' '}
                          <button type="submit">Từ chối</button>
                        </form>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">Chưa có đơn đăng ký.</p>
        )}
        <h2 id="so-lieu">Số liệu</h2>
        <p>
          {dashboard.totals.views} lượt xem · {dashboard.totals.uniques} khách (theo ngày) · {dashboard.totals.inquiries} yêu cầu giao thương · {dashboard.totals.orders} đơn giá hội chợ ·{' '}
          {formatVnd(dashboard.totals.revenueVnd)}
        </p>
        <VisitsChart days={dashboard.days} />
        <table class="fair-table" aria-labelledby="so-lieu">
          <thead>
            <tr>
              <th scope="col">Gian</th>
              <th scope="col">Cơ sở</th>
              <th scope="col">Lượt xem</th>
              <th scope="col">Yêu cầu</th>
              <th scope="col">Đơn</th>
              <th scope="col">Doanh thu</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.booths.map((b) => (
              <tr>
                <td>{b.boothNo}</td>
                <td>{b.producerName}</td>
                <td>{b.views}</td>
                <td>{b.inquiries}</td>
                <td>{b.orders}</td>
                <td>{formatVnd(b.revenueVnd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <a href={`/api/fairs/${fair.id}/dashboard.csv`} download>
            Tải CSV
          </a>
        </p>
      </div>
    </Layout>
  );
}
