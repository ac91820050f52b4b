// The report's timeline chart: one row per actor, one mark per dated claim at its
// day, coloured and shaped by stance (so it reads without colour too), a ring round
// each change of stance. Inline SVG, drawn here: no script, no fonts or files to
// fetch, and every mark links to its claim further down the page.
import type { Stance } from '../../model.js';
import { briefEvidence, type Report } from '../../query/index.js';
import { anchorId, html, type Html } from '../render/index.js';

const WIDTH = 960;
const LABEL = 200;
const RIGHT = 28;
const TOP = 56;
const ROW = 34;
const BOTTOM = 12;
const SAME_DAY_GAP = 13;
const LEGEND_GAP = 160;

export const STANCE_COLOURS: Record<Stance, string> = { asserts: '#1a7f37', denies: '#cf222e', unconfirmed: '#9a6700' };
const DAY = 86_400_000;

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
}

function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function mark(stance: Stance, x: number, y: number): Html {
  const colour = STANCE_COLOURS[stance];
  if (stance === 'asserts') return html`<circle cx="${x}" cy="${y}" r="6" fill="${colour}"/>`;
  if (stance === 'denies') return html`<rect x="${x - 5.5}" y="${y - 5.5}" width="11" height="11" fill="${colour}"/>`;
  return html`<circle cx="${x}" cy="${y}" r="5.5" fill="#fff" stroke="${colour}" stroke-width="2.5"/>`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The chart, or null when no claim has a date. */
export function timelineChart(report: Report): Html | null {
  const rows = report.timelines.filter((t) => t.entries.some((e) => e.claim.date !== null));
  if (rows.length === 0 || report.dates.first === null || report.dates.last === null) return null;
  let d0 = dayNumber(report.dates.first);
  let d1 = dayNumber(report.dates.last);
  if (d0 === d1) {
    d0 -= 1;
    d1 += 1;
  }
  const pad = Math.max(0.5, (d1 - d0) * 0.03);
  const span = { from: d0 - pad, to: d1 + pad };
  const x = (day: number) => Math.round((LABEL + ((day - span.from) / (span.to - span.from)) * (WIDTH - LABEL - RIGHT)) * 10) / 10;
  const height = TOP + rows.length * ROW + BOTTOM;

  const step = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730].find((s) => (d1 - d0) / s <= 8) ?? 1461;
  const ticks: Html[] = [];
  for (let day = d0; day <= d1; day += step) {
    ticks.push(html`<g class="tick"><line x1="${x(day)}" y1="${TOP - 6}" x2="${x(day)}" y2="${height - BOTTOM}" stroke="#d0d7de" stroke-dasharray="2 3"/><text x="${x(day)}" y="${TOP - 12}" text-anchor="middle">${isoDay(day)}</text></g>`);
  }

  const lanes = rows.map((timeline, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const dated = timeline.entries.filter((e) => e.claim.date !== null);
    const perDay = new Map<string, number>();
    for (const e of dated) perDay.set(e.claim.date as string, (perDay.get(e.claim.date as string) ?? 0) + 1);
    const seen = new Map<string, number>();
    const points = dated.map((entry) => {
      const date = entry.claim.date as string;
      const index = seen.get(date) ?? 0;
      seen.set(date, index + 1);
      const offset = (index - ((perDay.get(date) ?? 1) - 1) / 2) * SAME_DAY_GAP;
      return { entry, cx: x(dayNumber(date)) + offset };
    });
    const first = points[0]?.cx ?? LABEL;
    const last = points.at(-1)?.cx ?? LABEL;
    const marks = points.map(({ entry, cx }) => {
      const { claim, change } = entry;
      const tip = `${timeline.actor.name} · ${claim.date} · ${change ? `${change.from} → ${change.to}` : claim.stance}: ${briefEvidence(claim, 140)}`;
      return html`<a href="#${anchorId('claim', claim.id)}" class="mark ${claim.stance}"><title>${tip}</title>${
        change ? html`<circle class="change" cx="${cx}" cy="${y}" r="10" fill="none" stroke="#24292f" stroke-width="1.5"/>` : ''
      }${mark(claim.stance, cx, y)}</a>`;
    });
    return html`<g class="lane">${
      i % 2 === 0 ? html`<rect x="0" y="${y - ROW / 2}" width="${WIDTH}" height="${ROW}" fill="#f6f8fa"/>` : ''
    }<a href="#${anchorId('actor', timeline.actor.id)}"><text x="${LABEL - 12}" y="${y + 4}" text-anchor="end" class="actor">${shorten(timeline.actor.name, 28)}</text></a><line x1="${first}" y1="${y}" x2="${last}" y2="${y}" stroke="#8c959f" stroke-width="1.5"/>${marks}</g>`;
  });

  const legend = (['asserts', 'denies', 'unconfirmed'] as const).map(
    (stance, i) => html`<g transform="translate(${LABEL + i * LEGEND_GAP} 0)">${mark(stance, 8, 16)}<text x="20" y="20">${stance === 'unconfirmed' ? 'has not confirmed' : stance}</text></g>`,
  );
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="chart-title"><title id="chart-title">Stances per actor over time: ${rows.length} actors, ${report.dates.first} to ${report.dates.last}</title><style>text{font:12px system-ui,sans-serif;fill:#24292f}.actor{font-weight:600}.tick text{fill:#57606a;font-size:11px}a:hover circle,a:hover rect{opacity:.75}</style>${legend}<g transform="translate(${LABEL + 3 * LEGEND_GAP} 0)"><circle cx="8" cy="16" r="9" fill="none" stroke="#24292f" stroke-width="1.5"/><text x="24" y="20">change of stance</text></g>${ticks}${lanes}</svg>`;
}
