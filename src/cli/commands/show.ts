// `claims show <id>`: one claim in full, its sentence with the claimed words
// highlighted, and the article it came from.
import type { ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import type { Article, Claim } from '../../model.js';
import { repeatsOf, uniquePrefixLength, type RepeatGroup } from '../../query/index.js';
import { stanceCell } from '../claims-view.js';
import { makeContext } from '../context.js';
import type { CliIo } from '../io.js';
import { loadStore, resolveClaim } from '../load.js';
import { examples, formatOption } from '../options.js';
import { renderView, sanitizeInline, sanitizeText, type Format } from '../render/index.js';

export function registerShow(program: Command, io: CliIo): void {
  program
    .command('show')
    .description('show one claim in full: speaker, stance, date, its sentence with the claimed words highlighted, its article, and every other article that repeats it')
    .argument('<id>', 'claim id, or the start of one that no other claim shares')
    .addOption(formatOption(['table', 'json'], 'table'))
    .addHelpText(
      'after',
      examples([
        ['claims show 3f9a2c1b', 'a claim by (a prefix of) its id, as listed by claims list'],
        ['claims show 3f9a --json', '{ claim, article, appearances } as JSON'],
      ]),
    )
    .action(async (id: string, opts: { format?: Format }, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      const { data } = await loadStore(ctx);
      const claim = resolveClaim(id, data.claims);
      const article = data.articles.find((a) => a.id === claim.articleId) ?? null;
      const repeats = repeatsOf(claim, data.claims);
      const titles = new Map(data.articles.map((a) => [a.id, a.title]));
      const appearances = repeats.appearances.map((c) => ({ id: c.id, articleId: c.articleId, articleTitle: titles.get(c.articleId) ?? null, date: c.date }));
      ctx.out(
        renderView(format, {
          json: () => ({ claim, article, appearances }),
          table: () => describeClaim(claim, article, ctx.chalk) + describeRepeats(claim, repeats, titles, ctx.chalk),
        }),
      );
    });
}

function describeClaim(claim: Claim, article: Article | null, chalk: ChalkInstance): string {
  const label = (s: string): string => chalk.dim(s.padEnd(9));
  const speaker = claim.speaker.mention === claim.speaker.name ? claim.speaker.name : `${claim.speaker.name} (“${claim.speaker.mention}”)`;
  const stance = stanceCell(chalk, claim.stance);
  const lines = [
    `${chalk.bold('Claim')} ${claim.id}`,
    `${label('Speaker')} ${sanitizeInline(speaker)}`,
    `${label('Stance')} ${stance.style ? stance.style(stance.text) : stance.text} (cue: ${sanitizeInline(claim.cue)})`,
    `${label('Date')} ${claim.date ?? 'unknown'}${claim.dateText ? ` (from “${sanitizeInline(claim.dateText)}”)` : article?.date ? ' (the article’s date)' : ''}`,
    `${label('Claim')} ${sanitizeInline(claim.content)}`,
  ];
  if (claim.quote) lines.push(`${label('Quote')} “${sanitizeInline(claim.quote)}”`);
  if (claim.topics && claim.topics.length > 0) lines.push(`${label('Topics')} ${sanitizeInline(claim.topics.join(', '))}`);
  if (article) {
    const facts = [article.date ?? 'no date', article.source, article.origin ? `from ${article.origin}` : null, `article ${article.id}`];
    lines.push(`${label('Article')} ${sanitizeInline(article.title)}`, `${' '.repeat(10)}${sanitizeInline(facts.filter(Boolean).join(' · '))}`);
  } else {
    lines.push(`${label('Article')} ${claim.articleId} (not in the store)`);
  }
  lines.push('', `${chalk.dim(`Evidence (characters ${claim.start}–${claim.end}):`)}`, `  ${highlightSpan(claim, chalk)}`, '');
  return lines.join('\n');
}

/**
 * The claim's sentence with the claimed words (the quote, else the content, else
 * the cue) marked: bold yellow with colour, [[ ]] without.
 */
function highlightSpan(claim: Claim, chalk: ChalkInstance): string {
  const sentence = claim.sentence;
  const target = [claim.quote, claim.content, claim.cue].find((t): t is string => !!t && sentence.includes(t));
  if (target === undefined) return sanitizeInline(sentence);
  const at = sentence.indexOf(target);
  const mark = chalk.level > 0 ? (s: string) => chalk.bold.yellow(s) : (s: string) => `[[${s}]]`;
  // Pieces keep their edge spaces so the marked words sit where they were.
  const flat = (s: string): string => sanitizeText(s).replace(/\s+/g, ' ');
  const before = flat(sentence.slice(0, at)).trimStart();
  const after = flat(sentence.slice(at + target.length)).trimEnd();
  return `${before}${mark(flat(target).trim())}${after}`;
}

/** Every article that repeats the claim (same speaker and stance, near-identical words), oldest first. */
function describeRepeats(claim: Claim, group: RepeatGroup, titles: ReadonlyMap<string, string>, chalk: ChalkInstance): string {
  if (group.appearances.length < 2) return '';
  const { appearances, articles } = group;
  const idLength = uniquePrefixLength(appearances.map((c) => c.id));
  const times = appearances.length === articles ? '' : `, ${appearances.length} times`;
  const lines = [chalk.dim(`Repeated in ${articles} article${articles === 1 ? '' : 's'}${times}, first on ${group.first.date ?? 'an unknown day'}:`)];
  for (const c of appearances) {
    const title = titles.get(c.articleId) ?? `article ${c.articleId} (not in the store)`;
    const here = c.id === claim.id ? chalk.bold('  ← this claim') : '';
    lines.push(`  ${c.date ?? '—'}  ${sanitizeInline(title)}  ${chalk.dim(`claim ${c.id.slice(0, idLength)}`)}${here}`);
  }
  return `\n${lines.join('\n')}\n`;
}
