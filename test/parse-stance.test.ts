import { describe, expect, it } from 'vitest';
import { decideStance } from '../src/parse/stance.js';
import { brief } from './helpers/parse.js';

const stances = (body: string) => brief(body).map((c) => c.stance);

describe('stance: denials', () => {
  it.each([
    ['denied', 'The ministry denied that any troops had crossed the border.'],
    ['rejected', 'Norrvik rejected the findings as "fundamentally flawed".'],
    ['dismissed as fabricated', 'The company dismissed reports of extra tickets as "fabricated and malicious."'],
    ['"no truth" in reported speech', 'The commission said there was "no truth" to the allegations.'],
    ['"has not sent"', 'North Korea has not sent troops to Russia, one of its representatives said.'],
    ['"never" in a quote', '"The ship was never overloaded," Captain Arnel Ramos said.'],
    ['quote opening with "There is no"', '"There is no contamination in the tablets, full stop," Graham Whit told reporters.'],
    ['quote opening with "No one"', '"No one acting for us has spoken to them," Daniel Osei said.'],
    ['first-person "we reject"', '"We reject the conclusions and will appeal," the company said.'],
  ])('%s', (_name, body) => {
    expect(stances(body)).toEqual(['denies']);
  });
});

describe('stance: refusals and hedges', () => {
  it.each([
    ['declined to comment', 'Golden Tide declined to comment on the allegations.'],
    ['did not respond', 'The Maritime Authority did not respond to a request for comment.'],
    ['has not confirmed', 'Russia has also not confirmed the troop deployment.'],
    ['neither confirmed nor denied', 'AC Valdoria neither confirmed nor denied their interest.'],
    ['would not comment', 'Tarrow said it would not comment while the review was under way.'],
    ['if true', '"If true, this marks a dangerous development," Robert Wood said.'],
    ['if confirmed', '"If overloading is confirmed, the owners will answer for it," Commodore Teresa Villa said.'],
    ['too early to say', 'The agency said it was "too early to say" whether the smell came from the plant.'],
    ['we have seen reports', '"We have seen reports the DPRK has sent forces," Robert Wood said.'],
    ['could not verify', 'The UN said it could not independently verify either account.'],
    ['without confirming', '"Forces have been sent," Robert Wood told the council without officially confirming the reports.'],
  ])('%s', (_name, body) => {
    expect(stances(body)).toEqual(['unconfirmed']);
  });

  it('makes every source of "Neither A nor B has said" unconfirmed', () => {
    expect(stances('Neither the coast guard nor the company has said whether the cargo was secured.')).toEqual(['unconfirmed', 'unconfirmed']);
  });
});

describe('stance: assertions', () => {
  it.each([
    ['plain said', 'The hospital said 300 operations were postponed.'],
    ['negation that is no denial', 'The police said they had received no criminal complaint.'],
    ['narrative "never" after the opening sentence', '"The numbers do not add up," Commodore Teresa Villa said. "People boarded who were never recorded."'],
  ])('%s', (_name, body) => {
    expect(stances(body)).toEqual(['asserts']);
  });
});

describe('stance: context', () => {
  it('keeps a denial for a follow-up quote from the same speaker with no stance of its own', () => {
    const body = 'Korhal said she had "never" used a banned substance.\n\n"I have been tested sixty times," she said.';
    expect(stances(`Sabine Korhal, the champion, spoke on Monday. ${body}`)).toEqual(['denies', 'denies']);
  });

  it('gives a source that changes position two claims with their own dates', () => {
    const body = 'On Monday, the company had flatly denied any release. Tarrow Coatings said on Thursday that a valve had failed.';
    const out = brief(`Tarrow Coatings runs the plant. ${body}`, 'Friday 6 June 2025');
    expect(out.map((c) => [c.speaker, c.stance, c.date])).toEqual([
      ['Tarrow Coatings', 'denies', '2025-06-02'],
      ['Tarrow Coatings', 'asserts', '2025-06-05'],
    ]);
  });

  it('ranks a refusal above a denial word in the same cue', () => {
    expect(decideStance({ cues: ['unconfirm', 'deny'], negatedSubject: false, content: 'x', frame: 'x', direct: false }).stance).toBe('unconfirmed');
  });
});

describe('stance: forms seen in other outlets', () => {
  it.each([
    ['a contraction', "Ashgrove didn't respond to a request for comment on Friday.", 'unconfirmed'],
    ['a refusal with a quoted verb', 'Asked about guarantees, Majed al-Nasr said he would not “speculate on hypotheticals”.', 'unconfirmed'],
    ['"could not rule out"', 'Dr. Faraji Mwa said investigators "could not rule out" a leak.', 'unconfirmed'],
    ['"unfounded"', 'Ingrid Solv called such claims "completely unfounded."', 'denies'],
    ['a denial word only mentioned in an inner quotation', '"If they knew and said \'baseless\' anyway, that is a different conversation," Rafaela Nunes said.', 'asserts'],
    ['"never thought" muses, it does not deny', '"I never thought I\'d outlive the school," Harold Jenkins said.', 'asserts'],
  ])('%s', (_name, body, stance) => {
    expect(brief(body).map((c) => c.stance)).toEqual([stance]);
  });
});
