import { describe, expect, it } from 'vitest';
import { locateJsonSyntaxError } from '../src/store/json-syntax.js';
import { formatJsonPath, parseJson } from '../src/store/validate.js';

describe('locateJsonSyntaxError', () => {
  it.each([
    ['{"a":}', 1, 6, 'expected a value, found "}"'],
    ['{"a":1', 1, 7, 'expected "," or "}", found end of file'],
    ['', 1, 1, 'expected a value, found end of file'],
    ['{\n  "claims": [,]\n}', 2, 14, 'expected a value, found ","'],
    ['{\n  claims: []\n}', 2, 3, 'expected a property name in double quotes, found "c"'],
    ['[1, 2,]', 1, 7, 'expected a value, found "]"'],
    ['[01]', 1, 3, 'expected "," or "]", found "1"'],
    ['["a\\x"]', 1, 5, 'expected a valid escape after \\, found "x"'],
    ['["tab\there"]', 1, 6, 'expected no control characters inside a string (escape them), found "\\t"'],
    ['{"a": tru}', 1, 10, 'expected "true", found "}"'],
    ['{} {}', 1, 4, 'expected end of file after the value, found "{"'],
  ])('%j fails at line %i, column %i', (text, line, column, problem) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonSyntaxError(text)).toEqual({ line, column, problem });
  });

  it.each(['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]} ', '0'])('accepts valid JSON %j', (text) => {
    expect(locateJsonSyntaxError(text)).toBeUndefined();
  });
});

describe('parseJson', () => {
  it('accepts a leading byte-order mark', () => {
    expect(parseJson('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('formatJsonPath', () => {
  it.each([
    [['claims', 3, 'stance'], 'claims[3].stance'],
    [[0, 'id'], '[0].id'],
    [['weird key', 'x'], '["weird key"].x'],
    [[], '(top level)'],
  ])('%j → %s', (segments, expected) => {
    expect(formatJsonPath(segments)).toBe(expected);
  });
});
