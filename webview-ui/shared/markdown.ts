// Model output is untrusted: markdown is rendered to HTML and sanitised; no
// scripts, no event handlers, no forms, no embedded content, and no `id` or `name`:
// an answer holding `<span id="stop">` must not stand in for the panel's own Stop
// button (DOM clobbering); panels hold references to their controls anyway.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'img', 'video', 'audio'],
    FORBID_ATTR: ['style', 'id', 'name'],
    SANITIZE_DOM: true,
  });
}
