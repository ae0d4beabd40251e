// Model output is untrusted: markdown is rendered to HTML and sanitised; no
// scripts, no event handlers, no forms, no embedded content, and no `id` or `name`:
// an answer holding `<span id="stop">` must not stand in for the panel's own Stop
// button (DOM clobbering); panels hold references to their controls anyway.
import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';
import { marked } from 'marked';

/** `purify` is the page's DOMPurify; unit tests pass one bound to a jsdom window. */
export function renderMarkdown(markdown: string, purify: Purifier = DOMPurify): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  return purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'img', 'video', 'audio'],
    FORBID_ATTR: ['style', 'id', 'name'],
    SANITIZE_DOM: true,
  });
}
