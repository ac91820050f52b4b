// `claims report` as one self-contained HTML file: inline CSS, an inline SVG chart,
// no script and nothing fetched when it is opened (a Content-Security-Policy says so
// to the browser too). Every piece links to the others: matrix rows and chart marks
// to actors and claims, conflicts and repeats to claims, claims to their articles
// and articles back to their claims. All article text goes through the `html` tag,
// which escapes it.
import type { Claim, Stance } from '../../model.js';
import { briefEvidence, uniquePrefixLength, type Report } from '../../query/index.js';
import { anchorId, html, trustedHtml, type Html } from '../render/index.js';
import { STANCE_COLOURS, timelineChart } from './chart.js';

export interface ReportMeta {
  /** claims's version, for the footer. */
  version: string;
}

const STANCE_LABEL: Record<Stance, string> = { asserts: 'asserts', denies: 'denies', unconfirmed: 'has not confirmed' };
const STANCES = ['asserts', 'denies', 'unconfirmed'] as const;

const STYLE = `
:root{color-scheme:light;--asserts:${STANCE_COLOURS.asserts};--denies:${STANCE_COLOURS.denies};--unconfirmed:${STANCE_COLOURS.unconfirmed}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1000px;padding:24px 20px 48px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#24292f;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 12px;padding-bottom:4px;border-bottom:1px solid #d0d7de}h3{font-size:16px;margin:20px 0 8px}h4{font-size:14px;margin:0 0 6px}
a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}
.summary{color:#57606a;margin:0 0 12px}nav a{margin-right:14px}
table.matrix{border-collapse:collapse;min-width:60%}
.matrix th,.matrix td{border:1px solid #d0d7de;padding:6px 12px;text-align:right}.matrix th:first-child,.matrix td:first-child{text-align:left}
.matrix thead th{background:#f6f8fa}.matrix td.zero{color:#8c959f}
.matrix td.asserts:not(.zero){background:#dafbe1}.matrix td.denies:not(.zero){background:#ffebe9}.matrix td.unconfirmed:not(.zero){background:#fff8c5}
.chart{border:1px solid #d0d7de;border-radius:6px;padding:8px 0}.chart svg{display:block;width:100%;height:auto}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
.badge.asserts{background:var(--asserts)}.badge.denies{background:var(--denies)}.badge.unconfirmed{background:var(--unconfirmed)}
.change{font-weight:600}
.conflict{border:1px solid #d0d7de;border-radius:6px;padding:10px 14px;margin:12px 0}.conflict h3{margin-top:4px}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:16px}.side ul{margin:0;padding-left:18px}
.side.asserts h4{color:var(--asserts)}.side.denies h4{color:var(--denies)}
article.claim{border-left:4px solid #d0d7de;padding:4px 0 4px 12px;margin:12px 0}
article.claim.asserts{border-color:var(--asserts)}article.claim.denies{border-color:var(--denies)}article.claim.unconfirmed{border-color:var(--unconfirmed)}
article.claim:target,li:target{background:#fff8c5}
.meta{color:#57606a;font-size:13px;margin:0}.content{margin:4px 0;font-weight:500}
blockquote{margin:4px 0;padding:2px 10px;border-left:2px solid #d0d7de;color:#424a53}mark{background:#fff3b0;padding:0 1px}
.ids{font:12px ui-monospace,monospace;color:#57606a}
footer{margin-top:40px;color:#57606a;font-size:13px}
`;

export function reportHtml(report: Report, meta: ReportMeta): string {
  const title = `Claims report${report.topic ? ` — ${report.topic}` : ''}`;
  const idLength = uniquePrefixLength(report.claims.map((c) => c.id));
  const short = (claim: Claim) => claim.id.slice(0, idLength);
  const claimLink = (claim: Claim, text?: Html | string) => html`<a href="#${anchorId('claim', claim.id)}">${text ?? short(claim)}</a>`;
  const actorLink = (actor: { id: string; name: string }) => html`<a href="#${anchorId('actor', actor.id)}">${actor.name}</a>`;
  const titles = new Map(report.articles.map((a) => [a.id, a.title]));
  const repeatOf = new Map(report.repeats.flatMap((g) => g.appearances.map((c) => [c.id, g] as const)));
  const changeOf = new Map(report.timelines.flatMap((t) => t.changes.map((ch) => [ch.claimId, ch] as const)));
  const actors = report.matrix.length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const span = report.dates.first === null ? '' : report.dates.first === report.dates.last ? `, on ${report.dates.first}` : `, from ${report.dates.first} to ${report.dates.last}`;

  const matrix = html`<table class="matrix"><thead><tr><th scope="col">Actor</th>${STANCES.map((s) => html`<th scope="col">${STANCE_LABEL[s]}</th>`)}<th scope="col">Total</th></tr></thead><tbody>${report.matrix.map(
    (row) =>
      html`<tr><th scope="row">${actorLink(row.actor)}</th>${STANCES.map((s) =>
        html`<td class="${s}${row.counts[s] === 0 ? ' zero' : ''}">${row.counts[s] === 0 ? '·' : row.counts[s]}</td>`,
      )}<td>${row.total}</td></tr>`,
  )}</tbody></table>`;

  const changes = report.timelines.flatMap((t) => t.changes.map((change) => ({ actor: t.actor, change })));
  const byId = new Map(report.claims.map((c) => [c.id, c]));
  const chart = timelineChart(report);
  const undated = report.claims.filter((c) => c.date === null).length;
  const timeline = html`${chart ? html`<div class="chart">${chart}</div>` : html`<p>${report.claims.length === 0 ? 'No claims.' : 'No claim has a date, so there is no chart.'}</p>`}${
    undated > 0 ? html`<p class="summary">${plural(undated, 'claim')} without a date ${undated === 1 ? 'is' : 'are'} not in the chart.</p>` : ''
  }<h3>Changes of stance</h3>${
    changes.length === 0
      ? html`<p>No actor changed stance.</p>`
      : html`<ul class="changes">${changes.map(({ actor, change }) => {
          const before = byId.get(change.previousClaimId);
          const after = byId.get(change.claimId);
          return html`<li>${actorLink(actor)}: <span class="change">${change.from} → ${change.to}</span> on ${change.date ?? 'an unknown day'} (${
            before ? claimLink(before, `before, ${change.previousDate ?? 'undated'}`) : ''
          }; ${after ? claimLink(after, 'after') : ''})</li>`;
        })}</ul>`
  }`;

  const sideList = (claims: readonly Claim[]) =>
    html`<ul>${claims.map((c) => html`<li>${c.date ?? 'undated'} · ${claimLink(c, briefEvidence(c, 140))}</li>`)}</ul>`;
  const conflicts =
    report.conflicts.length === 0
      ? html`<p>No actor denies what another asserts${report.topic ? '' : ' on any topic'}.</p>`
      : report.conflicts.map(
          (c, i) =>
            html`<article class="conflict" id="conflict-${i + 1}"><h3>${c.topic}: ${actorLink(c.asserts.actor)} asserts, ${actorLink(c.denies.actor)} denies</h3><div class="sides"><div class="side asserts"><h4>${c.asserts.actor.name} asserts</h4>${sideList(
              c.asserts.claims,
            )}</div><div class="side denies"><h4>${c.denies.actor.name} denies</h4>${sideList(c.denies.claims)}</div></div></article>`,
        );

  const repeats =
    report.repeats.length === 0
      ? html`<p>No claim is repeated.</p>`
      : html`<ul>${report.repeats.map(
          (g) =>
            html`<li>${actorLink(g.first.speaker)} ${STANCE_LABEL[g.first.stance]}: ${claimLink(g.first, briefEvidence(g.first, 140))} — ${plural(g.articles, 'article')}, first on ${
              g.first.date ?? 'an unknown day'
            }: ${g.appearances.map((c, i) => html`${i > 0 ? ', ' : ''}${claimLink(c)}`)}</li>`,
        )}</ul>`;

  const claimArticle = (claim: Claim) => {
    const change = changeOf.get(claim.id);
    const group = repeatOf.get(claim.id);
    const others = group ? group.appearances.filter((c) => c.id !== claim.id) : [];
    const mention = claim.speaker.mention === claim.speaker.name ? '' : html` · as “${claim.speaker.mention}”`;
    return html`<article class="claim ${claim.stance}" id="${anchorId('claim', claim.id)}"><p class="meta"><span class="badge ${claim.stance}">${STANCE_LABEL[claim.stance]}</span> <time>${
      claim.date ?? 'undated'
    }</time>${claim.dateText ? html` (“${claim.dateText}”)` : ''}${mention} · cue “${claim.cue}” · in <a href="#${anchorId('article', claim.articleId)}">${
      titles.get(claim.articleId) ?? claim.articleId
    }</a>${change ? html` · <span class="change">${change.from} → ${change.to}</span>` : ''} · <span class="ids">${short(claim)}</span></p><p class="content">${
      claim.quote ? `“${claim.quote}”` : claim.content
    }</p><blockquote>${highlighted(claim)}</blockquote>${
      others.length > 0 ? html`<p class="meta">The same claim also in: ${others.map((c, i) => html`${i > 0 ? ', ' : ''}${claimLink(c, `${titles.get(c.articleId) ?? c.articleId} (${c.date ?? 'undated'})`)}`)}</p>` : ''
    }</article>`;
  };
  const everyClaim = report.timelines.map((t) => {
    const row = report.matrix.find((r) => r.actor.id === t.actor.id);
    const counts = row ? STANCES.filter((s) => row.counts[s] > 0).map((s) => `${row.counts[s]} ${STANCE_LABEL[s]}`).join(', ') : '';
    return html`<section class="actor" id="${anchorId('actor', t.actor.id)}"><h3>${t.actor.name}</h3><p class="summary">${counts}</p>${t.entries.map((e) => claimArticle(e.claim))}</section>`;
  });

  const articles = html`<ol>${report.articles.map((a) => {
    const facts = [a.date ?? 'no date', a.source, a.origin ? `from ${a.origin}` : null].filter((f): f is string => !!f).join(' · ');
    const own = report.claims.filter((c) => c.articleId === a.id);
    return html`<li id="${anchorId('article', a.id)}"><strong>${a.title}</strong> <span class="meta">${facts}</span><br><span class="ids">${plural(own.length, 'claim')}: ${own.map(
      (c, i) => html`${i > 0 ? ', ' : ''}${claimLink(c)}`,
    )}</span></li>`;
  })}</ol>`;

  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="claims ${meta.version}">
<title>${title}</title>
<style>${trustedHtml(STYLE)}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="summary">${plural(report.claims.length, 'claim')} by ${plural(actors, 'actor')} in ${plural(report.articles.length, 'article')}${span}.</p>
<nav><a href="#matrix">Who says what</a><a href="#timeline">Timeline</a><a href="#conflicts">Conflicts (${report.conflicts.length})</a><a href="#repeats">Repeated claims (${report.repeats.length})</a><a href="#claims">Every claim</a><a href="#articles">Articles</a></nav>
</header>
<main>
<section id="matrix"><h2>Who asserts, denies, has not confirmed</h2>${report.claims.length === 0 ? html`<p>No claims.</p>` : matrix}</section>
<section id="timeline"><h2>Timeline</h2>${timeline}</section>
<section id="conflicts"><h2>Conflicts</h2>${conflicts}</section>
<section id="repeats"><h2>Repeated claims</h2>${repeats}</section>
<section id="claims"><h2>Every claim, by actor</h2>${everyClaim}</section>
<section id="articles"><h2>Articles</h2>${articles}</section>
</main>
<footer>Made by claims ${meta.version}. This file is self-contained: no scripts, nothing fetched.</footer>
</body>
</html>
`;
  return page.markup;
}

/** The evidence sentence with the claimed words (the quote, else the content) marked. */
function highlighted(claim: Claim): Html {
  const { sentence } = claim;
  const target = [claim.quote, claim.content].find((t): t is string => !!t && t.trim() !== '' && sentence.includes(t));
  if (target === undefined) return html`${sentence}`;
  const at = sentence.indexOf(target);
  return html`${sentence.slice(0, at)}<mark>${target}</mark>${sentence.slice(at + target.length)}`;
}
