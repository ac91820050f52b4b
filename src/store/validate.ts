// Turns file text into checked data, and failures into messages a person can act
// on: which file, where inside the JSON, and what was wrong there. Nothing here
// touches the disk, so the same checks serve the store and the actor registry.
import type * as z from 'zod/mini';
import { ClaimsError } from '../errors.js';
import { locateJsonSyntaxError } from './json-syntax.js';

export interface CheckFailure {
  ok: false;
  /** `claims[3].stance`, or `line 2, column 7` for a syntax error; undefined when unknown. */
  where: string | undefined;
  problem: string;
  syntax: boolean;
}
export type Checked<T> = { ok: true; value: T } | CheckFailure;

export function parseJson(text: string): Checked<unknown> {
  // Editors on Windows like to add a BOM, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (err) {
    const located = locateJsonSyntaxError(body);
    if (located !== undefined) {
      return { ok: false, where: `line ${located.line}, column ${located.column}`, problem: `not valid JSON: ${located.problem}`, syntax: true };
    }
    // V8 quotes a snippet of the file in its message; one line of it is enough.
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    return { ok: false, where: undefined, problem: `not valid JSON (${message})`, syntax: true };
  }
}

export function checkSchema<S extends z.ZodMiniType>(schema: S, value: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const [first, ...rest] = result.error.issues;
  if (first === undefined) return { ok: false, where: undefined, problem: 'failed validation', syntax: false };
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
  // zod says "Invalid input: expected string, received undefined"; for a person
  // editing the file, the field is simply missing.
  const message =
    first.code === 'invalid_type' && first.message.endsWith('received undefined')
      ? `missing (expected ${first.expected})`
      : first.message;
  return { ok: false, where: formatJsonPath(first.path), problem: `${message}${more}`, syntax: false };
}

/** `['claims', 3, 'stance']` → `claims[3].stance`, the way people write it in jq or JS. */
export function formatJsonPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out === '' ? '(top level)' : out;
}

/**
 * `remedies` are the other ways out for this particular file ("restore it from …",
 * "move it away …"); the hint offers fixing the named spot first, then those.
 */
export function invalidFileError(file: string, failure: CheckFailure, remedies: readonly string[]): ClaimsError {
  const at = failure.where === undefined ? '' : ` at ${failure.where}`;
  const fix =
    failure.where === undefined ? [] : [failure.syntax ? `fix the JSON syntax at ${failure.where}` : `fix ${failure.where}`];
  const options = [...fix, ...remedies];
  const last = options.pop() ?? '';
  const sentence = options.length === 0 ? last : `${options.join(', ')}${options.length > 1 ? ',' : ''} or ${last}`;
  return new ClaimsError(`${file} is invalid${at}: ${failure.problem}`, {
    code: 'STORE_INVALID',
    hint: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}. claims will not write to this file until it loads.`,
  });
}
