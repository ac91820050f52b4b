// Parses a short article written in a test and returns its claims in a compact form.
import defaults from '../../data/actors.json' with { type: 'json' };
import { ActorRegistrySchema, type Claim } from '../../src/model.js';
import { parseArticle } from '../../src/parse/index.js';

export const registry = ActorRegistrySchema.parse(defaults);

/** An article with a title and a dateline of Tuesday 22 October 2024 around `body`. */
export function article(body: string, dateline = 'October 22, 2024'): string {
  return `Test headline\n${dateline}\n\n${body}\n`;
}

export function parse(body: string, dateline?: string) {
  return parseArticle(article(body, dateline), { registry, fallbackYear: 2024 });
}

export interface Brief {
  speaker: string;
  mention: string;
  stance: Claim['stance'];
  date: string | null;
}

export function brief(body: string, dateline?: string): Brief[] {
  return parse(body, dateline).claims.map((c) => ({ speaker: c.speaker.name, mention: c.speaker.mention, stance: c.stance, date: c.date }));
}

export const speakers = (body: string) => brief(body).map((c) => c.speaker);
