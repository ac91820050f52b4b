// HTML (and inline SVG) for people who want to look, not read rows. Article text is
// untrusted: every value put into markup with the `html` tag is escaped unless it is
// itself markup made by `html`, so a report cannot forget to escape and an article
// cannot smuggle in a <script>. Control characters are made visible first, as in
// every other output.
import { sanitizeText } from './sanitize.js';

/** Markup made by `html` (or `trustedHtml`): safe to put into more markup as it is. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return sanitizeText(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch] as string);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: html`<p>${text}</p>` escapes `text`; nested html`` and arrays of it are kept. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup written by claims itself (a stylesheet), never article text. */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}

/** A fragment identifier made only of safe characters, for id="" and href="#…". */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${id.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`;
}
