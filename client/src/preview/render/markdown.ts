// Markdown fields of a record (eligibility criteria, descriptions) as HTML: raw HTML is shown as
// text, images are off, and only web and mail links survive.
import MarkdownIt from 'markdown-it';
import { trusted, wellFormed, type Markup } from './html';

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
markdown.disable(['image']);
markdown.validateLink = (url: string): boolean => SAFE_LINK.test(url.trim());

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  // Links in a record point away from it: never let the opened page reach back.
  tokens[index].attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, index, options, env, self);
};

export function renderMarkdown(source: string): Markup {
  return trusted(markdown.render(wellFormed(source)));
}
