// JSON for scripts. JSON.stringify escapes C0 controls (so ESC becomes \u001b)
// but leaves C1 and bidi controls raw; those are escaped too, which keeps the
// value identical and the terminal safe when JSON is printed to it.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

function escapeUnsafe(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${(ch.codePointAt(0) as number).toString(16).padStart(4, '0')}`);
}

export function renderJson(value: unknown): string {
  return `${escapeUnsafe(JSON.stringify(value, null, 2))}\n`;
}

export function renderNdjson(values: readonly unknown[]): string {
  return values.map((v) => `${escapeUnsafe(JSON.stringify(v))}\n`).join('');
}
