import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:)/i;

/**
 * Producers write their story in Markdown. `html: false` escapes any raw HTML; links are kept only
 * for http(s) and mailto (no javascript:, data:, relative tricks) and never pass referrer or rank.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
md.validateLink = (url) => SAFE_LINK.test(url.trim());
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet('rel', 'nofollow ugc noopener noreferrer');
  token.attrSet('target', '_blank');
  return defaultLinkOpen(tokens, idx, options, env, self);
};
// Images in a story would load third-party content on our pages: shown as their alt text instead.
md.disable('image');

export function renderStoryHtml(markdown: string): string {
  return md.render(markdown);
}
