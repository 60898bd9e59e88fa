import { describe, expect, it } from 'vitest';
import { renderStoryHtml } from '../../shared/storefront/story-markdown';

describe('storefront story Markdown', () => {
  it('renders Markdown but never raw HTML', () => {
    const html = renderStoryHtml('**Mật ong** bạc hà\n\n<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).toContain('<strong>Mật ong</strong>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps http(s) links with rel=nofollow and drops javascript: and data: links', () => {
    const html = renderStoryHtml('[web](https://htx.vn) [x](javascript:alert(1)) [y](data:text/html;base64,PHNjcmlwdD4=)');
    expect(html).toContain('<a href="https://htx.vn" rel="nofollow ugc noopener noreferrer" target="_blank">web</a>');
    expect(html).not.toMatch(/href="(javascript|data):/);
  });

  it('does not load images from the story', () => {
    expect(renderStoryHtml('![logo](https://tracker.example/p.png)')).not.toContain('<img');
  });
});
