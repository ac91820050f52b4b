// Markdown for notes and wikis. Article text is untrusted here too: Markdown passes
// HTML through, so < > & become entities, and the characters that would start
// emphasis, links, code or table cells are backslash-escaped. Text stays on one line
// so it cannot start a heading or a list.
import { sanitizeInline } from './sanitize.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Inline text, escaped for Markdown (and for the HTML Markdown lets through). */
export function escapeMarkdown(text: string): string {
  return sanitizeInline(text)
    .replace(/[&<>]/g, (ch) => ENTITIES[ch] as string)
    .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`)
    .replace(/^[#+\-=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A pipe table; cells are Markdown already (escape text with escapeMarkdown first). */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly ('left' | 'right')[] = []): string {
  const rule = headers.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [headers, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
