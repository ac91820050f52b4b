// Where exactly a JSON text goes wrong. V8's JSON.parse messages only sometimes
// carry an offset ("Unexpected token ',', ...snippet... is not valid JSON" does
// not), and a person fixing a store by hand needs a line and column. This scanner
// runs only after JSON.parse has failed, so its speed does not matter.

export interface SyntaxProblem {
  line: number;
  column: number;
  problem: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

export function locateJsonSyntaxError(text: string): SyntaxProblem | undefined {
  let i = 0;

  const describeAt = (at: number) => (at >= text.length ? 'end of file' : JSON.stringify(text[at]));
  const fail = (expected: string, at = i): never => {
    throw new Stop(at, `expected ${expected}, found ${describeAt(at)}`);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`"${word}"`);
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('a closing quote');
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return;
      }
      if (code < 0x20) fail('no control characters inside a string (escape them)');
      if (code === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('four hex digits after \\u', i + 2);
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          i += 2;
        } else {
          fail('a valid escape after \\', i + 1);
        }
      } else {
        i++;
      }
    }
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (match === null) fail('a number');
    i += match![0].length;
  };
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    fail('a value');
  };
  const object = () => {
    i++;
    skipSpace();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail('a property name in double quotes');
      string();
      skipSpace();
      if (text[i] !== ':') fail('":"');
      i++;
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail('"," or "}"');
    }
  };
  const array = () => {
    i++;
    skipSpace();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail('"," or "]"');
    }
  };

  try {
    value();
    skipSpace();
    if (i < text.length) fail('end of file after the value');
    return undefined;
  } catch (err) {
    // RangeError: nesting too deep to scan; the caller falls back to V8's message.
    if (!(err instanceof Stop)) return undefined;
    const before = text.slice(0, err.offset);
    const line = before.split('\n').length;
    return { line, column: err.offset - before.lastIndexOf('\n'), problem: err.problem };
  }
}
