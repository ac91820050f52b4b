import { describe, expect, it } from 'vitest';
import { anchorId, escapeHtml, escapeMarkdown, html, markdownTable } from '../src/cli/render/index.js';

describe('html', () => {
  it('escapes every interpolated text, keeps nested html, flattens arrays and drops empty values', () => {
    const evil = '<script>alert("x")</script> & \'quotes\'';
    const out = html`<p title="${evil}">${evil}${[html`<b>${'a<b'}</b>`, 'c>d']}${null}${false}${0}</p>`;
    expect(out.markup).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;<b>a&lt;b</b>c&gt;d0</p>',
    );
  });

  it('removes terminal escapes and shows other controls, as every output does', () => {
    expect(escapeHtml('a\u001b[31mred\u001b[0m\u0007')).toBe('ared\\x07');
  });

  it('anchor ids keep only safe characters', () => {
    expect(anchorId('actor', 'Norvane "x" <y>')).toBe('actor-norvane-x-y-');
  });
});

describe('markdown', () => {
  it.each([
    ['HTML becomes entities', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['emphasis, code, links and cells are escaped', 'a *b* _c_ `d` [e](f) g|h', 'a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) g\\|h'],
    ['one line, no heading or list at the start', '# Title\n\n- item', '\\# Title - item'],
    ['no ordered list either', '1. first', '1\\. first'],
  ])('%s', (_name, text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it('pipe tables with alignment', () => {
    expect(markdownTable(['A', 'n'], [['x', '1']], ['left', 'right'])).toBe('| A | n |\n| --- | ---: |\n| x | 1 |');
  });
});
