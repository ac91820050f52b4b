// `claims report --format md`: the report as Markdown, for notes and wikis. The
// same sections as the HTML, with the timeline as lists instead of a chart; anchors
// are <a id> tags (which GitHub and most renderers keep), and every piece of
// article text is escaped by escapeMarkdown.
import type { Claim, Stance } from '../../model.js';
import { briefEvidence, uniquePrefixLength, type Report } from '../../query/index.js';
import { anchorId, escapeMarkdown as md, markdownTable } from '../render/index.js';
import type { ReportMeta } from './html.js';

const STANCE_LABEL: Record<Stance, string> = { asserts: 'asserts', denies: 'denies', unconfirmed: 'has not confirmed' };
const STANCES = ['asserts', 'denies', 'unconfirmed'] as const;

export function reportMarkdown(report: Report, meta: ReportMeta): string {
  const idLength = uniquePrefixLength(report.claims.map((c) => c.id));
  const link = (claim: Claim, text?: string) => `[${text === undefined ? `\`${claim.id.slice(0, idLength)}\`` : md(text)}](#${anchorId('claim', claim.id)})`;
  const actorLink = (actor: { id: string; name: string }) => `[${md(actor.name)}](#${anchorId('actor', actor.id)})`;
  const titles = new Map(report.articles.map((a) => [a.id, a.title]));
  const changeOf = new Map(report.timelines.flatMap((t) => t.changes.map((ch) => [ch.claimId, ch] as const)));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const span = report.dates.first === null ? '' : report.dates.first === report.dates.last ? `, on ${report.dates.first}` : `, from ${report.dates.first} to ${report.dates.last}`;
  const out: string[] = [];

  out.push(`# Claims report${report.topic ? ` — ${md(report.topic)}` : ''}`, '');
  out.push(`${plural(report.claims.length, 'claim')} by ${plural(report.matrix.length, 'actor')} in ${plural(report.articles.length, 'article')}${span}.`, '');

  out.push('## Who asserts, denies, has not confirmed', '');
  out.push(
    markdownTable(
      ['Actor', ...STANCES.map((s) => STANCE_LABEL[s]), 'Total'],
      report.matrix.map((row) => [actorLink(row.actor), ...STANCES.map((s) => (row.counts[s] === 0 ? '·' : String(row.counts[s]))), String(row.total)]),
      ['left', 'right', 'right', 'right', 'right'],
    ),
    '',
  );

  out.push('## Timeline', '');
  for (const t of report.timelines) {
    const marks = t.changes.map((c) => `**${c.from} → ${c.to}** on ${c.date ?? 'an unknown day'}`);
    out.push(`- ${actorLink(t.actor)}${marks.length > 0 ? ` — ${marks.join('; ')}` : ''}`);
    for (const { claim, change } of t.entries) {
      out.push(`  - ${claim.date ?? 'undated'} · ${change ? `**${change.from} → ${change.to}**` : STANCE_LABEL[claim.stance]} · ${link(claim, briefEvidence(claim, 120))}`);
    }
  }
  out.push('');

  out.push('## Conflicts', '');
  if (report.conflicts.length === 0) out.push(`No actor denies what another asserts${report.topic ? '' : ' on any topic'}.`, '');
  for (const c of report.conflicts) {
    out.push(`### ${md(c.topic)}: ${md(c.asserts.actor.name)} asserts, ${md(c.denies.actor.name)} denies`, '');
    for (const side of [c.asserts, c.denies]) {
      for (const claim of side.claims) out.push(`- ${actorLink(side.actor)} ${STANCE_LABEL[claim.stance]}, ${claim.date ?? 'undated'}: ${link(claim, briefEvidence(claim, 140))}`);
    }
    out.push('');
  }

  out.push('## Repeated claims', '');
  if (report.repeats.length === 0) out.push('No claim is repeated.');
  for (const g of report.repeats) {
    out.push(
      `- ${actorLink(g.first.speaker)} ${STANCE_LABEL[g.first.stance]}: ${link(g.first, briefEvidence(g.first, 120))} — ${plural(g.articles, 'article')}, first on ${g.first.date ?? 'an unknown day'}: ${g.appearances.map((c) => link(c)).join(', ')}`,
    );
  }
  out.push('');

  out.push('## Every claim, by actor', '');
  for (const t of report.timelines) {
    out.push(`### <a id="${anchorId('actor', t.actor.id)}"></a>${md(t.actor.name)}`, '');
    for (const { claim } of t.entries) {
      const change = changeOf.get(claim.id);
      const facts = [
        `**${STANCE_LABEL[claim.stance]}**`,
        claim.date ?? 'undated',
        claim.speaker.mention === claim.speaker.name ? null : `as “${md(claim.speaker.mention)}”`,
        `cue “${md(claim.cue)}”`,
        `in [${md(titles.get(claim.articleId) ?? claim.articleId)}](#${anchorId('article', claim.articleId)})`,
        change ? `**${change.from} → ${change.to}**` : null,
      ].filter(Boolean);
      out.push(`<a id="${anchorId('claim', claim.id)}"></a>${facts.join(' · ')}`, '');
      out.push(`> ${md(claim.sentence)}`, '');
    }
  }

  out.push('## Articles', '');
  report.articles.forEach((a, i) => {
    const facts = [a.date ?? 'no date', a.source, a.origin ? `from ${a.origin}` : null].filter((f): f is string => !!f).map(md).join(' · ');
    const own = report.claims.filter((c) => c.articleId === a.id);
    out.push(`${i + 1}. <a id="${anchorId('article', a.id)}"></a>**${md(a.title)}** — ${facts} — ${plural(own.length, 'claim')}: ${own.map((c) => link(c)).join(', ')}`);
  });
  out.push('', `_Made by claims ${md(meta.version)}._`, '');
  return out.join('\n');
}
