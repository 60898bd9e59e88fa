import { raw } from 'hono/html';
import type { LiveSummary } from '../../shared/livestream/service';
import { liveStyles } from './live-parts';
import { LIVESTREAMS_PATH, livePath } from './paths';

/** The home page's "Đang live" strip: only when something is on. */
export function LiveStrip({ lives }: { lives: LiveSummary[] }) {
  if (lives.length === 0) return null;
  return (
    <section class="live-strip" aria-labelledby="dang-live-ngay">
      <style>{raw(liveStyles)}</style>
      <h2 id="dang-live-ngay">
        <span class="live-badge">Đang live</span> Mua giá live ngay
      </h2>
      <ul>
        {lives.map((l) => (
          <li>
            <a href={livePath(l.id)}>{l.title}</a> — {l.producerName}
          </li>
        ))}
      </ul>
      <p>
        <a href={LIVESTREAMS_PATH}>Tất cả buổi live</a>
      </p>
    </section>
  );
}
