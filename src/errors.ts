// One error type for everything the user can fix. The CLI's top level prints
// `error: <message>` and `hint: <hint>` and exits with `exitCode`; anything else
// that escapes is a bug and is reported as such (stack only with --debug).
export type ErrorCode =
  | 'USAGE'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_INVALID'
  | 'INPUT_TOO_LARGE'
  | 'STORE_INVALID'
  | 'STORE_TOO_NEW'
  | 'STORE_LOCKED'
  | 'STORE_IO'
  | 'NOT_FOUND'
  | 'OUTPUT_EXISTS'
  | 'OUTPUT_UNSAFE'
  | 'FETCH_FAILED';

export class ClaimsError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(message: string, options: { code: ErrorCode; hint?: string; exitCode?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'ClaimsError';
    this.code = options.code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? (options.code === 'USAGE' ? 2 : 1);
  }
}
