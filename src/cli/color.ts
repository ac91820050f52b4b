// Whether to colour output is the project's decision, not chalk's: chalk ignores
// NO_COLOR and looks at the real process, not at the io a test passes in.
import { Chalk, type ChalkInstance } from 'chalk';

export type ColorLevel = 0 | 1 | 2 | 3;

export interface ColorSettings {
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** false after --no-color. */
  color: boolean;
}

/** Colour only on a terminal, and never with --no-color, NO_COLOR (non-empty) or TERM=dumb. */
export function colorLevel({ isTTY, env, color }: ColorSettings): ColorLevel {
  if (!isTTY || !color) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (env.TERM?.includes('256')) return 2;
  return 1;
}

export function makeChalk(settings: ColorSettings): ChalkInstance {
  return new Chalk({ level: colorLevel(settings) });
}
