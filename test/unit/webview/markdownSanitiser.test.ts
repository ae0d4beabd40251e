import * as assert from 'node:assert/strict';
import DOMPurify, { type WindowLike } from 'dompurify';
import { renderMarkdown } from '../../../webview-ui/shared/markdown';
import { INJECTION_ANSWER, WINDOW_FLAG } from '../../support/injectionModel';

// jsdom ships no types; the test needs only its window. It stays external to the test bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options?: { runScripts?: 'dangerously' }) => { window: WindowLike & Window & typeof globalThis } };

// Answers that try to stand in for the panel's own controls or the document's properties.
const CLOBBERING = ['<span id="stop">Stop</span>', '<form name="getElementById"><input name="x"></form>', '<img name="body" src="x">', '<a id="x" name="y" href="#x">link</a>', '<button id="send">Send</button>', '<div name="cookie" id="transcript">t</div>'];

// Model output meant to run script, load something, or style the panel.
const HOSTILE = [
  INJECTION_ANSWER,
  '<svg onload="window.pwned = 3"><circle r="1"/></svg>',
  '[click](javascript:window.pwned=4)',
  '<iframe src="javascript:window.pwned=5"></iframe>',
  '<a href="#" onclick="window.pwned=6">x</a>',
  '<style>body{display:none}</style>',
  '<object data="x"></object><embed src="x">',
  '<math><mi xlink:href="javascript:window.pwned=7">x</mi></math>',
  '<details open ontoggle="window.pwned=8">x</details>',
  '<video><source onerror="window.pwned=9"></video>',
];

/** A panel page whose controls are real, with the answer rendered into its transcript (scripts would run). */
function panelWith(markdown: string) {
  const { window } = new JSDOM('<!doctype html><body><button id="stop">Stop</button><button id="send">Send</button><div id="transcript"></div></body>', { runScripts: 'dangerously' });
  const html = renderMarkdown(markdown, DOMPurify(window));
  window.document.getElementById('transcript')!.innerHTML = html;
  return { window, document: window.document, html };
}

describe('markdown sanitiser', () => {
  for (const payload of CLOBBERING) {
    it(`keeps no id or name from ${payload}, so the panel still finds its own controls`, () => {
      const { document, html } = panelWith(payload);
      assert.doesNotMatch(html, /\s(id|name)=/i, html);
      assert.equal(document.querySelectorAll('#transcript [id], #transcript [name]').length, 0);
      assert.equal(document.querySelector('#stop')?.tagName, 'BUTTON', 'the Stop button is the real one');
      assert.equal(document.querySelector('#send')?.tagName, 'BUTTON');
      assert.equal(document.querySelectorAll('#transcript').length, 1);
      assert.equal(typeof document.getElementById, 'function', 'document.getElementById is not clobbered');
      assert.equal(document.body.tagName, 'BODY', 'document.body is not clobbered');
    });
  }

  it('keeps the text of an answer that carried clobbering markup', () => {
    assert.match(panelWith('<span id="stop">Stop now</span>').html, /<span>Stop now<\/span>/);
  });

  for (const payload of HOSTILE) {
    it(`renders ${payload} inert: no script, handler, javascript: link, frame or style`, () => {
      const { window, html } = panelWith(payload);
      assert.doesNotMatch(html, /<(script|iframe|object|embed|style|img|video|source|form|input|button)\b|\bon\w+=|javascript:/i, html);
      const w = window as unknown as Record<string, unknown>;
      assert.equal(w[WINDOW_FLAG], undefined, 'nothing ran');
    });
  }

  it('still renders ordinary markdown', () => {
    const { html } = panelWith('**bold** and a [link](https://cloud.google.com/vertex-ai)\n\n- item');
    assert.match(html, /<strong>bold<\/strong>/);
    assert.match(html, /<a href="https:\/\/cloud\.google\.com\/vertex-ai">link<\/a>/);
    assert.match(html, /<li>item<\/li>/);
  });
});
