// `claims show <id>`: one claim in full, its sentence with the claimed words
// highlighted, and the article it came from.
import type { ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import type { Article, Claim } from '../../model.js';
import { stanceCell } from '../claims-view.js';
import { makeContext } from '../context.js';
import type { CliIo } from '../io.js';
import { loadStore, resolveClaim } from '../load.js';
import { examples, formatOption } from '../options.js';
import { renderView, sanitizeInline, sanitizeText, type Format } from '../render/index.js';

export function registerShow(program: Command, io: CliIo): void {
  program
    .command('show')
    .description('show one claim in full: speaker, stance, date, its sentence with the claimed words highlighted, and its article')
    .argument('<id>', 'claim id, or the start of one that no other claim shares')
    .addOption(formatOption(['table', 'json'], 'table'))
    .addHelpText(
      'after',
      examples([
        ['claims show 3f9a2c1b', 'a claim by (a prefix of) its id, as listed by claims list'],
        ['claims show 3f9a --json', '{ claim, article } as JSON'],
      ]),
    )
    .action(async (id: string, opts: { format?: Format }, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const format = ctx.format(opts.format, 'table');
      const { data } = await loadStore(ctx);
      const claim = resolveClaim(id, data.claims);
      const article = data.articles.find((a) => a.id === claim.articleId) ?? null;
      ctx.out(renderView(format, { json: () => ({ claim, article }), table: () => describeClaim(claim, article, ctx.chalk) }));
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
