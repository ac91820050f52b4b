import { describe, expect, it } from 'vitest';
import { brief, parse } from './helpers/parse.js';

describe('reporting constructions', () => {
  it.each([
    ['reported speech with that', 'The ministry said that the border was calm.', 'ministry'],
    ['reported speech without that', 'The ministry said the border was calm.', 'ministry'],
    ['speaker at the end', 'The border was calm on Monday, the ministry said.', 'ministry'],
    ['told + audience', 'Health Minister Dara Okonjo told Parliament the clinics would reopen.', 'Dara Okonjo'],
    ['said in a statement', 'Golden Tide Shipping Lines said in a statement that infants travel free.', 'Golden Tide Shipping Lines'],
    ['wrote on social media', 'Dario Mendel of the Civic Union lost. He later wrote on social media that he would appeal.', 'Dario Mendel'],
    ['posted on X', 'Tomasz Lund, a founder, posted on X that the findings were welcome.', 'Tomasz Lund'],
    ['according to, first', 'According to the agency, no one was admitted to hospital.', 'agency'],
    ['according to, last', 'At least 31 people died, according to the Philippine Coast Guard.', 'Philippine Coast Guard'],
    ['according to figures published by', 'Some 1,100 appointments were cancelled, according to figures published by the hospital.', 'hospital'],
    ['called for', 'Senator Carla Ruiz called for an inquiry.', 'Carla Ruiz'],
    ['participle with its own clause subject', 'The laboratory, Hollis Analytical, first published its findings on Oct. 14, saying it had detected NDMA.', 'Hollis Analytical'],
  ])('%s', (_name, body, speaker) => {
    expect(brief(body).map((c) => c.speaker)).toEqual([speaker]);
  });

  it('gives "X reported, citing Y" a claim for X and one for Y', () => {
    const out = brief('The Evening Courier reported on Monday, citing two people familiar with the investigation, that a ransom was demanded.');
    expect(out.map((c) => c.speaker)).toEqual(['Evening Courier', 'two people familiar with the investigation']);
    expect(out.every((c) => c.date === '2024-10-21')).toBe(true);
  });

  it('merges a participle into the claim of its sentence instead of adding one', () => {
    const out = parse('The group claimed responsibility late on Wednesday, saying it had taken 400 gigabytes.').claims;
    expect(out).toHaveLength(1);
    expect(out[0]!.cue).toBe('claimed / saying');
    expect(out[0]!.date).toBe('2024-10-16');
  });

  it('merges a second verb of the same subject ("said … and dismissed …")', () => {
    const out = brief('In a statement, Norrvik said it had competed fairly and dismissed the case as an attempt to punish it.');
    expect(out).toEqual([{ speaker: 'Norrvik', mention: 'Norrvik', stance: 'denies', date: '2024-10-22' }]);
  });

  it('merges a refusal joined by "and"/"but" into the same source\'s claim', () => {
    const out = brief('Asked about job cuts, Laura Penn said the company was "always looking at costs" but declined to give specifics.');
    expect(out).toEqual([{ speaker: 'Laura Penn', mention: 'Laura Penn', stance: 'unconfirmed', date: '2024-10-22' }]);
  });

  it('dates a statement by the occasion in a participle after the subject', () => {
    const out = brief('But Commissioner Elena Marsh, speaking at a privacy conference on Monday, said companies should expect scrutiny.');
    expect(out.map((c) => [c.speaker, c.date])).toEqual([['Elena Marsh', '2024-10-21']]);
  });
});
