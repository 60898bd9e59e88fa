import { pointStatusLabels, pointTypeLabels, type PointOfSale } from '../../shared/locator/point-of-sale';
import { describeDay, WEEKDAYS, weekdayLabels } from '../../shared/locator/opening-hours';
import { provinceByCode } from '../../shared/reference/provinces';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { directionsUrl, pointPath } from './paths';

export interface PointRow {
  point: PointOfSale;
  distanceKm?: number | undefined;
  openNow: boolean;
  nextOpening?: Date | undefined;
}

const km = (d: number) => (d < 1 ? `${Math.round(d * 1000)} m` : `${d.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} km`);

export const addressOf = (p: PointOfSale) => `${p.street}, ${p.commune}, ${provinceByCode(p.provinceCode)?.name ?? p.provinceCode}`;

export function OpenState({ row }: { row: PointRow }) {
  if (row.point.status !== 'open') return <span class="pos-state closed">{pointStatusLabels[row.point.status]}</span>;
  if (row.openNow) return <span class="pos-state open">Đang mở cửa</span>;
  return (
    <span class="pos-state closed">
      Đang đóng cửa{row.nextOpening ? ` · mở lại ${formatVietnamDateTime(row.nextOpening)}` : ''}
    </span>
  );
}

/** The accessible list: everything the map shows, in reading order, nearest first. */
export function PointList({ rows }: { rows: PointRow[] }) {
  return (
    <ol class="pos-list">
      {rows.map((row) => (
        <li>
          <h3>
            <a href={pointPath(row.point.id)}>{row.point.name}</a>
          </h3>
          <p class="meta">
            {pointTypeLabels[row.point.type]}
            {row.distanceKm !== undefined ? <> · cách {km(row.distanceKm)}</> : null}
          </p>
          <p>{addressOf(row.point)}</p>
          <p>
            <OpenState row={row} />
          </p>
          <p class="pos-actions">
            <a href={directionsUrl(row.point.lat, row.point.lng)} rel="noopener" target="_blank">
              Chỉ đường<span class="sr-only"> đến {row.point.name} (mở bản đồ)</span>
            </a>
            {row.point.phone ? (
              <>
                {' · '}
                <a href={`tel:${row.point.phone}`}>Gọi {row.point.phone}</a>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function WeeklyHours({ point }: { point: PointOfSale }) {
  return (
    <table class="pos-hours">
      <caption>Giờ mở cửa (giờ Việt Nam)</caption>
      <tbody>
        {WEEKDAYS.map((d) => (
          <tr>
            <th scope="row">{weekdayLabels[d]}</th>
            <td>{describeDay(point.openingHours.weekly[d] ?? [])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The map's data: what the client script draws (web/client/point-map.ts); the list above is the same. */
export const mapData = (rows: PointRow[]) =>
  JSON.stringify(rows.map((r) => ({ id: r.point.id, name: r.point.name, lat: r.point.lat, lng: r.point.lng, href: pointPath(r.point.id), open: r.openNow })));

export const locatorCss = `
.pos-list{list-style:none;padding:0;margin:0;display:grid;gap:.8rem}
.pos-list li{border:1px solid #d6e4dc;border-radius:.6rem;padding:.7rem .9rem;background:#fff}
.pos-list h3{margin:0 0 .2rem;font-size:1.05rem}
.pos-list p{margin:.15rem 0}
.pos-state.open{color:#0a6b3a;font-weight:600}
.pos-state.closed{color:#8a4b00}
.pos-map{height:320px;border-radius:.6rem;margin:.8rem 0;background:#e8f0ec}
.pos-hours th{text-align:left;padding-right:1rem;font-weight:normal}
.pos-find{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;margin:.6rem 0}
.pos-find label{display:flex;flex-direction:column;font-size:.9rem}
.pos-find label.check{flex-direction:row;align-items:center;gap:.4rem;min-height:2.75rem}
.pos-find label.check input{width:1.25rem;height:1.25rem;margin:0}
`;
