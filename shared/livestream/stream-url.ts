/**
 * Stream and replay URLs, checked per platform: https only, the platform's own hosts only (exact
 * names, so "youtube.com.evil.vn" or "faceb00k.com" never pass), no credentials, no port. Parsed
 * with URL, never matched as text. YouTube and Facebook allow embedding: the page derives the player
 * URL from the checked one; the others are a link out.
 */
export const platforms = ['tiktok', 'facebook', 'youtube', 'shopee', 'zalo'] as const;
export type Platform = (typeof platforms)[number];

export const platformLabels: Record<Platform, string> = {
  tiktok: 'TikTok',
  facebook: 'Facebook',
  youtube: 'YouTube',
  shopee: 'Shopee Live',
  zalo: 'Zalo',
};

const hosts: Record<Platform, readonly string[]> = {
  tiktok: ['tiktok.com', 'www.tiktok.com', 'm.tiktok.com', 'vt.tiktok.com', 'vm.tiktok.com'],
  facebook: ['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com', 'fb.watch'],
  youtube: ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be'],
  shopee: ['shopee.vn', 'live.shopee.vn', 's.shopee.vn', 'vn.shp.ee'],
  zalo: ['zalo.me', 'www.zalo.me', 'zalo.vn', 'oa.zalo.me'],
};

export const MAX_STREAM_URL_LENGTH = 500;

export type StreamUrlCheck = { ok: true; url: string; embedUrl?: string | undefined } | { ok: false; reason: string };

export function checkStreamUrl(platform: Platform, raw: string): StreamUrlCheck {
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_STREAM_URL_LENGTH) return { ok: false, reason: `Đường dẫn từ 1 đến ${MAX_STREAM_URL_LENGTH} ký tự` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'Đường dẫn không hợp lệ' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'Chỉ nhận đường dẫn https://' };
  if (url.username || url.password) return { ok: false, reason: 'Đường dẫn không được chứa tên đăng nhập hay mật khẩu' };
  if (url.port) return { ok: false, reason: 'Đường dẫn không được có cổng riêng' };
  const host = url.hostname.toLowerCase();
  if (!hosts[platform].includes(host)) return { ok: false, reason: `Đường dẫn phải thuộc ${platformLabels[platform]} (${hosts[platform][0]})` };
  url.hash = '';
  const embedUrl = platform === 'youtube' ? youtubeEmbed(url) : platform === 'facebook' ? facebookEmbed(url) : undefined;
  return { ok: true, url: url.toString(), ...(embedUrl ? { embedUrl } : {}) };
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** watch?v=, youtu.be/, /live/, /shorts/, /embed/ → the privacy-enhanced player; a channel page has none. */
function youtubeEmbed(url: URL): string | undefined {
  let id: string | null | undefined;
  const parts = url.pathname.split('/').filter(Boolean);
  if (url.hostname === 'youtu.be') id = parts[0];
  else if (parts[0] === 'watch') id = url.searchParams.get('v');
  else if (parts[0] === 'live' || parts[0] === 'shorts' || parts[0] === 'embed') id = parts[1];
  return id && YOUTUBE_ID.test(id) ? `https://www.youtube-nocookie.com/embed/${id}` : undefined;
}

/** A video (or live video) URL → Facebook's video plugin; a page or profile URL has no player. */
function facebookEmbed(url: URL): string | undefined {
  const isVideo = url.hostname === 'fb.watch' || /\/videos\/\d+/.test(url.pathname) || (url.pathname === '/watch' && url.searchParams.has('v')) || url.pathname.startsWith('/watch/live');
  if (!isVideo) return undefined;
  return `https://www.facebook.com/plugins/video.php?href=${encodeURIComponent(url.toString())}&show_text=false`;
}
