import { describe, expect, it } from 'vitest';
import { resolveDatePhrase } from '../src/parse/dates.js';
import { readMetadata } from '../src/parse/metadata.js';
import { brief } from './helpers/parse.js';

// 2024-10-22 is a Tuesday.
const ref = '2024-10-22';

describe('date phrases resolve backwards from the article date', () => {
  it.each([
    ['said Friday', '2024-10-18'],
    ['on Monday', '2024-10-21'],
    ['on Tuesday', '2024-10-22'],
    ['late on Wednesday', '2024-10-16'],
    ['last Tuesday', '2024-10-15'],
    ['yesterday', '2024-10-21'],
    ['earlier on Tuesday', '2024-10-22'],
    ['on Oct. 3', '2024-10-03'],
    ['on March 3', '2024-03-03'],
    ['on 14 December', '2023-12-14'],
    ['on Nov. 30', '2023-11-30'],
    ['last week', ref],
    ['earlier this month', ref],
  ])('%s', (phrase, date) => {
    expect(resolveDatePhrase(phrase, ref, null)?.date).toBe(date);
  });

  it('reads "the following day" and "at the time" from the statement before', () => {
    expect(resolveDatePhrase('the following day', ref, '2024-10-16')?.date).toBe('2024-10-17');
    expect(resolveDatePhrase('at the time', ref, '2024-10-16')?.date).toBe('2024-10-16');
  });

  it('finds nothing where there is no date', () => {
    expect(resolveDatePhrase('told reporters', ref, null)).toBeNull();
    expect(resolveDatePhrase('said on Friday', null, null)).toBeNull();
  });
});

describe('datelines', () => {
  it.each([
    ['October 22, 2024', '2024-10-22'],
    ['Oct. 3, 2025', '2025-10-03'],
    ['2025-03-14', '2025-03-14'],
    ['Tuesday 11 February 2025', '2025-02-11'],
    ['14 March 2025', '2025-03-14'],
    ['Fri, Jan 31, 2025', '2025-01-31'],
    ['Updated: 5 June 2025 09:12 GMT', '2025-06-05'],
  ])('a line of its own: %s', (line, date) => {
    expect(readMetadata(`Headline\n${line}\n\nBody text here.`, { fallbackYear: 2000 }).date).toBe(date);
  });

  it.each([
    ['SEOUL, Oct 22 (AFP) - Troops were seen, officials said in 2024.', '2024-10-22', 'AFP'],
    ['CASTELMAR, Nov. 19, 2024 — The count was clean, the commission said.', '2024-11-19', null],
    ['MANILA, July 8 (Newswire) - A ferry sank, the deadliest in 2025 so far.', '2025-07-08', 'Newswire'],
  ])('an opener: %s', (line, date, source) => {
    const meta = readMetadata(`Headline\n\n${line}`, { fallbackYear: 2000 });
    expect(meta.date).toBe(date);
    expect(meta.source).toBe(source);
  });

  it('reads a place-and-agency opener with no date as the source, and keeps it out of the story', () => {
    const meta = readMetadata('Headline\nSat, April 19, 2025\n\nLONDON (Reuters) - The manager said there was no case.', { fallbackYear: 2000 });
    expect(meta.date).toBe('2025-04-19');
    expect(meta.source).toBe('Reuters');
    expect(meta.skip.length).toBe(2);
  });

  it('dates a statement by a date in a participle adjunct before the subject', () => {
    const body = 'In a letter seen by the Echo, sent to parents on October 9, the council\'s director, Paul Drum, wrote that places would be offered.';
    expect(brief(body)[0]?.date).toBe('2024-10-09');
  });

  it('takes the year from the text when the dateline has none, and the fallback year without one', () => {
    expect(readMetadata('H\n\nLIMA, May 2 (Wire) - It rained.', { fallbackYear: 2031 }).date).toBe('2031-05-02');
  });

  it('reads the source line and the byline, and keeps them out of the story', () => {
    const meta = readMetadata('Headline\nMay 2, 2025\n\nThe mayor said hello.\n\nBy Liza Manalo\n\nSOURCE:AFP', { fallbackYear: 2000 });
    expect(meta.source).toBe('AFP');
    expect(meta.byline).toBe('Liza Manalo');
    expect(meta.skip).toHaveLength(3);
  });
});

describe('claim dates', () => {
  it.each([
    ['said Friday', "Seoul's intelligence agency said Friday that troops had arrived.", '2024-10-18'],
    ['date between subject and verb', 'The authority on Monday accused the firm of abuse.', '2024-10-21'],
    ['date in a sentence-initial adjunct', 'On Monday, the company had flatly denied any release.', '2024-10-21'],
    ['date after a quote', '"We stand by it," Dr. Joachim Wendt said on Monday.', '2024-10-21'],
    ['no date falls back to the article date', 'The hospital said 300 operations were postponed.', ref],
  ])('%s', (_name, body, date) => {
    expect(brief(body)[0]?.date).toBe(date);
  });

  it('ignores dates inside what was said', () => {
    expect(brief('Dr. Samira Oko said she had seen 23 patients since Sunday.')[0]?.date).toBe(ref);
    expect(brief('The commission said on Monday that a sample given on 14 December had tested positive.')[0]?.date).toBe('2024-10-21');
  });

  it('ignores dates in a relative clause of the subject', () => {
    const body = 'The Environmental Agency, which took samples on Sunday morning, confirmed yesterday that levels were high.';
    expect(brief(body)[0]?.date).toBe('2024-10-21');
  });

  it('gives null dates when the article has no date', () => {
    const out = brief('The hospital said 300 operations were postponed.', 'no dateline here');
    expect(out[0]?.date).toBeNull();
  });
});
