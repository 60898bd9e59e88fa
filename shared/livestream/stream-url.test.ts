import { describe, expect, it } from 'vitest';
import { checkStreamUrl, type Platform } from './stream-url';

const ok = (platform: Platform, url: string) => checkStreamUrl(platform, url);

describe('stream URL per platform', () => {
  it.each([
    ['tiktok', 'https://www.tiktok.com/@htxphuquoc/live'],
    ['tiktok', 'https://vt.tiktok.com/ZSabc123/'],
    ['facebook', 'https://www.facebook.com/htxphuquoc/videos/1234567890/'],
    ['facebook', 'https://fb.watch/abCDef/'],
    ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['youtube', 'https://youtu.be/dQw4w9WgXcQ'],
    ['shopee', 'https://live.shopee.vn/share?from=live&session=123'],
    ['zalo', 'https://zalo.me/htxphuquoc'],
  ] as const)('%s accepts %s', (platform, url) => {
    expect(ok(platform, url).ok).toBe(true);
  });

  it.each([
    ['youtube', 'javascript:alert(1)//youtube.com'],
    ['youtube', 'JavaScript:alert(document.cookie)'],
    ['youtube', 'http://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['youtube', 'https://youtube.com.evil.vn/watch?v=dQw4w9WgXcQ'],
    ['youtube', 'https://evil.vn/?u=https://youtube.com'],
    ['youtube', 'https://www.youtube.com@evil.vn/watch'],
    ['youtube', 'https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['youtube', 'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ'],
    ['youtube', 'https://www.youtube.com.‌/x'],
    ['facebook', 'https://faceb00k.com/htx/videos/1'],
    ['facebook', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['tiktok', 'https://tiktok.com.vn/@x/live'],
    ['tiktok', 'https://xn--tktok-8ta.com/@x/live'],
    ['shopee', 'https://shopee.vn.co/live'],
    ['zalo', 'data:text/html,<script>alert(1)</script>'],
    ['zalo', ''],
    ['zalo', 'zalo.me/htx'],
  ] as const)('%s refuses %s', (platform, url) => {
    expect(ok(platform, url).ok).toBe(false);
  });

  it('derives the YouTube player URL, and none for a channel page', () => {
    expect(ok('youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10')).toMatchObject({ embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' });
    expect(ok('youtube', 'https://youtu.be/dQw4w9WgXcQ')).toMatchObject({ embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' });
    expect(ok('youtube', 'https://www.youtube.com/live/dQw4w9WgXcQ')).toMatchObject({ embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' });
    const channel = ok('youtube', 'https://www.youtube.com/@htxphuquoc/live');
    expect(channel.ok && channel.embedUrl).toBeFalsy();
  });

  it('derives the Facebook video plugin URL for a video, none for a page; other platforms link out', () => {
    const video = ok('facebook', 'https://www.facebook.com/htxphuquoc/videos/1234567890/');
    expect(video).toMatchObject({ embedUrl: `https://www.facebook.com/plugins/video.php?href=${encodeURIComponent('https://www.facebook.com/htxphuquoc/videos/1234567890/')}&show_text=false` });
    const page = ok('facebook', 'https://www.facebook.com/htxphuquoc');
    expect(page.ok && page.embedUrl).toBeFalsy();
    const tiktok = ok('tiktok', 'https://www.tiktok.com/@htxphuquoc/live');
    expect(tiktok.ok && tiktok.embedUrl).toBeFalsy();
  });
});
