// Entry point of the pure parsing layer: article text in, article metadata and
// claims out. No I/O happens below src/parse/.
import type { ActorRegistry, ParseResult } from '../model.js';

export interface ParseOptions {
  /** Canonical actors and their aliases (data/actors.json, or the user's registry). */
  registry: ActorRegistry;
  /** Where the text came from (file path, "-", URL); recorded on the article. */
  origin?: string | null;
}

export function parseArticle(text: string, options: ParseOptions): ParseResult {
  void text;
  void options;
  throw new Error('parser not written yet');
}
