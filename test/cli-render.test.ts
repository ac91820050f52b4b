// Rendering: sanitising untrusted text, CSV quoting and formula neutralising,
// JSON escaping, tables and the colour decision.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colorLevel } from '../src/cli/color.js';
import { csvCell, renderCsv, renderJson, renderNdjson, renderTable, sanitizeInline, sanitizeText } from '../src/cli/render/index.js';

const ESC = '\u001b';
const BEL = '\u0007';

describe('sanitizeText removes terminal escapes and shows other controls', () => {
  it.each<[string, string, string]>([
    ['plain text is unchanged', 'Seoul said “no”.', 'Seoul said “no”.'],
    ['newlines are kept', 'a\nb', 'a\nb'],
    ['tabs become spaces', 'a\tb', 'a    b'],
    ['SGR colour', `${ESC}[31mred${ESC}[0m`, 'red'],
    ['cursor movement and erase', `ok${ESC}[2J${ESC}[1;1H${ESC}[K`, 'ok'],
    ['OSC title ending in BEL', `${ESC}]0;pwned${BEL}text`, 'text'],
    ['OSC 8 hyperlink ending in ST', `${ESC}]8;;http://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
    ['unterminated OSC stops at the line end', `${ESC}]0;title\nnext line`, '\nnext line'],
    ['DCS string', `${ESC}Pq#0;2;0;0;0${ESC}\\after`, 'after'],
    ['C1 CSI', '\u009b31mred', 'red'],
    ['C1 OSC', '\u009d0;title\u009cafter', 'after'],
    ['two-byte escape', `${ESC}cafter`, 'after'],
    ['bare ESC at the end', `text${ESC}`, 'text'],
    ['BEL and backspace become visible', `a${BEL}b\bc`, 'a\\x07b\\x08c'],
    ['carriage return becomes visible', 'over\rwrite', 'over\\x0dwrite'],
    ['DEL and C1 controls', 'a\u007fb\u0085c', 'a\\x7fb\\x85c'],
    ['bidi override', 'abc\u202edcba', 'abc\\u202edcba'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it('never lets ESC or C1 through, whatever the input', () => {
    const nasty = Array.from({ length: 200 }, (_, i) => String.fromCharCode(i % 0xa0)).join('') + `${ESC}[${ESC}]${ESC}`;
    expect(sanitizeText(nasty)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('sanitizeInline puts everything on one line', () => {
    expect(sanitizeInline('  a\n\n b\t c  ')).toBe('a b c');
  });

  it('sanitizeInline returns text it has nothing to do to as it is, and does all of it to the rest', () => {
    // The five passes of the definition, against the shortcut that skips them.
    const slow = (text: string) => sanitizeText(text).replace(/\s+/g, ' ').trim();
    const chars = [...'ab “”é ', ' ', ' ', '\t', '\n', '\r', ESC, '[', ']', '3', 'm', BEL, '\u009b', '\u0085', '\u00a0', '\u2028', '\u202e', '\u2066', '\u3000', '\ufeff'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        expect(sanitizeInline(text)).toBe(slow(text));
      }),
      { numRuns: 3000 },
    );
    expect(sanitizeInline('Seoul’s spy agency said')).toBe('Seoul’s spy agency said');
    expect(sanitizeInline(' x')).toBe('x');
    expect(sanitizeInline('x\u00a0y')).toBe('x y');
  });
});

describe('CSV cells', () => {
  it.each<[string, string | number | null, string]>([
    ['text is quoted', 'plain', '"plain"'],
    ['quotes are doubled', 'he said "no"', '"he said ""no"""'],
    ['commas and newlines stay inside quotes', 'a,b\nc', '"a,b\nc"'],
    ['numbers are bare', 42, '42'],
    ['null is empty', null, ''],
    ['= formula', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+ formula', '+1+2', `"'+1+2"`],
    ['- formula', '-2+3', `"'-2+3"`],
    ['@ formula', '@SUM(A1)', `"'@SUM(A1)"`],
    ['leading tab', '\t=1', `"'\t=1"`],
    ['a formula character later is fine', 'a=b', '"a=b"'],
    ['terminal escapes are removed', `${ESC}[31mred`, '"red"'],
  ])('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('renders RFC 4180 rows with CRLF', () => {
    expect(renderCsv({ headers: ['a', 'b'], rows: [['x', 1], [null, 'y,z']] })).toBe('"a","b"\r\n"x",1\r\n,"y,z"\r\n');
  });
});

describe('JSON output', () => {
  it('escapes C0 as JSON does and also C1, bidi and line separators', () => {
    const value = { s: `a${ESC}[31mb\u009bc\u202ed\u2028e` };
    const text = renderJson(value);
    expect(text).toBe('{\n  "s": "a\\u001b[31mb\\u009bc\\u202ed\\u2028e"\n}\n');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('NDJSON is one compact value per line', () => {
    expect(renderNdjson([{ a: 1 }, { b: '\n' }])).toBe('{"a":1}\n{"b":"\\n"}\n');
  });
});

describe('renderTable', () => {
  it('sanitises cells and applies styles after', () => {
    const bold = (s: string): string => `${ESC}[1m${s}${ESC}[22m`;
    const plain = renderTable([{ header: 'A' }], [[`${ESC}]0;x${BEL}safe`]], { width: 80 });
    expect(plain).toContain('safe');
    expect(plain).not.toContain(ESC);
    const styled = renderTable([{ header: 'A' }], [[{ text: `${ESC}[31mstyled`, style: bold }]], { width: 80 });
    expect(styled).toContain(bold('styled'));
    expect(styled).not.toContain(`${ESC}[31m`);
  });

  it('wraps flexible columns to fit the width', () => {
    const long = 'word '.repeat(60);
    const out = renderTable([{ header: 'ID' }, { header: 'Text', flex: true }], [['x', long]], { width: 60 });
    for (const line of out.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(out.split('\n').length).toBeGreaterThan(5);
  });
});

describe('colorLevel', () => {
  it.each<[string, { isTTY: boolean; env: NodeJS.ProcessEnv; color: boolean }, number]>([
    ['a terminal', { isTTY: true, env: { TERM: 'xterm' }, color: true }, 1],
    ['a 256-colour terminal', { isTTY: true, env: { TERM: 'xterm-256color' }, color: true }, 2],
    ['truecolor', { isTTY: true, env: { COLORTERM: 'truecolor' }, color: true }, 3],
    ['a pipe', { isTTY: false, env: { TERM: 'xterm' }, color: true }, 0],
    ['--no-color', { isTTY: true, env: { TERM: 'xterm' }, color: false }, 0],
    ['NO_COLOR=1', { isTTY: true, env: { TERM: 'xterm', NO_COLOR: '1' }, color: true }, 0],
    ['NO_COLOR empty is ignored', { isTTY: true, env: { TERM: 'xterm', NO_COLOR: '' }, color: true }, 1],
    ['TERM=dumb', { isTTY: true, env: { TERM: 'dumb' }, color: true }, 0],
  ])('%s', (_name, settings, expected) => {
    expect(colorLevel(settings)).toBe(expected);
  });
});
