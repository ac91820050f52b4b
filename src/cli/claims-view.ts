// How claims look in every format: the table of `list` and `parse`, the CSV
// columns of `list`, `parse` and `export`, and stance colours.
import type { ChalkInstance } from 'chalk';
import type { Article, Claim, Stance } from '../model.js';
import { briefEvidence, uniquePrefixLength, withArticles, type ExportedClaim, type RepeatGroup } from '../query/index.js';
import type { Context } from './context.js';
import { renderTable, type CsvSheet, type StyledCell, type TableCell } from './render/index.js';

export function stanceCell(chalk: ChalkInstance, stance: Stance): StyledCell {
  const style = stance === 'asserts' ? chalk.green : stance === 'denies' ? chalk.red : chalk.yellow;
  return { text: stance, style: (s) => style(s) };
}

/** A change of stance as people read it: `unconfirmed → asserts`. */
export function stanceChangeText(change: { from: Stance; to: Stance }): string {
  return `${change.from} → ${change.to}`;
}

/** `repeats` (with --dedupe) adds a column: in how many articles each claim appeared. */
export function claimsTable(ctx: Context, claims: readonly Claim[], repeats?: ReadonlyMap<string, RepeatGroup>): string {
  const idLength = uniquePrefixLength(claims.map((c) => c.id));
  const rows: TableCell[][] = claims.map((claim) => [
    { text: claim.id.slice(0, idLength), style: (s) => ctx.chalk.dim(s) },
    claim.date ?? '—',
    claim.speaker.name,
    stanceCell(ctx.chalk, claim.stance),
    briefEvidence(claim, 160),
    ...(repeats ? [repeats.get(claim.id)?.articles ?? 1] : []),
  ]);
  return renderTable(
    [
      { header: 'ID' }, { header: 'Date' }, { header: 'Speaker', flex: true }, { header: 'Stance' }, { header: 'Claim', flex: true },
      ...(repeats ? [{ header: 'Articles', align: 'right' as const }] : []),
    ],
    rows,
    { width: ctx.width, headerStyle: (s) => ctx.chalk.bold(s) },
  );
}

/** What --dedupe adds to a claim in JSON: the articles it appeared in, and every appearance. */
export function repeatsJson(group: RepeatGroup): { articles: number; firstDate: string | null; appearances: { id: string; articleId: string; date: string | null }[] } {
  return {
    articles: group.articles,
    firstDate: group.first.date,
    appearances: group.appearances.map((c) => ({ id: c.id, articleId: c.articleId, date: c.date })),
  };
}

const CSV_HEADERS = [
  'id', 'articleId', 'articleTitle', 'articleDate', 'speakerId', 'speakerName', 'speakerMention', 'stance',
  'date', 'dateText', 'content', 'quote', 'sentence', 'start', 'end', 'cue', 'topics',
] as const;

export function claimsCsv(claims: readonly ExportedClaim[]): CsvSheet {
  return {
    headers: CSV_HEADERS,
    rows: claims.map((c) => [
      c.id, c.articleId, c.articleTitle, c.articleDate, c.speaker.id, c.speaker.name, c.speaker.mention, c.stance,
      c.date, c.dateText, c.content, c.quote, c.sentence, c.start, c.end, c.cue, c.topics ? c.topics.join('; ') : null,
    ]),
  };
}

export function claimsCsvWithArticles(claims: readonly Claim[], articles: readonly Article[]): CsvSheet {
  return claimsCsv(withArticles(claims, articles));
}

/** With --dedupe, CSV rows gain the number of articles and the ids of every appearance. */
export function withRepeatColumns(sheet: CsvSheet, claims: readonly Claim[], repeats: ReadonlyMap<string, RepeatGroup>): CsvSheet {
  return {
    headers: [...sheet.headers, 'articles', 'appearances'],
    rows: sheet.rows.map((row, i) => {
      const group = repeats.get(claims[i]?.id ?? '');
      return [...row, group?.articles ?? 1, group ? group.appearances.map((c) => c.id).join('; ') : (claims[i]?.id ?? null)];
    }),
  };
}
