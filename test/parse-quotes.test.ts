import { describe, expect, it } from 'vitest';
import { findQuotes, segment } from '../src/parse/segment.js';
import { parse } from './helpers/parse.js';

describe('quotation marks', () => {
  it.each([
    ['curly double', '“We did nothing wrong,” she said.', 'We did nothing wrong,'],
    ['straight double', '"We did nothing wrong," she said.', 'We did nothing wrong,'],
    ['curly single', '‘We did nothing wrong,’ she said.', 'We did nothing wrong,'],
    ['single with apostrophes inside', '‘The union’s claim is false,’ she said.', 'The union’s claim is false,'],
    ['nested single inside double', '"He called it \'nonsense\' twice," she said.', "He called it 'nonsense' twice,"],
  ])('%s', (_name, text, inner) => {
    const [q] = findQuotes(text, { start: 0, end: text.length });
    expect(q).toBeDefined();
    expect(text.slice(q!.innerStart, q!.innerEnd)).toBe(inner);
  });

  it('does not read a possessive apostrophe as a closing quote', () => {
    const text = 'Castelmar’s mayor said nothing.';
    expect(findQuotes(text, { start: 0, end: text.length })).toEqual([]);
  });

  it('keeps a full quotation with several sentences in one unit', () => {
    const text = 'She said: “We acted quickly. Nobody was hurt. We will publish the report.”';
    expect(segment(text, 0)).toHaveLength(1);
  });

  it('splits sentences outside quotations and after abbreviations only where they end', () => {
    const text = 'Dr. Ruth Adeyemi said the plan was fine. Mr. Lee disagreed on Oct. 3 with her.';
    expect(segment(text, 0).map((u) => u.text)).toEqual(['Dr. Ruth Adeyemi said the plan was fine.', 'Mr. Lee disagreed on Oct. 3 with her.']);
  });
});

describe('quotes and their speakers', () => {
  it.each([
    ['speaker after', '“The ship was never overloaded,” Captain Arnel Ramos said.', 'Arnel Ramos'],
    ['inverted speaker after', '“The ship was never overloaded,” said Captain Arnel Ramos, the ferry’s master.', 'Arnel Ramos'],
    ['speaker before with a colon', 'Dr. Lena Ortiz said: “The samples were clean.”', 'Lena Ortiz'],
    ['speaker in the middle', '“The ship,” the ferry’s master, Captain Arnel Ramos, said, “was never overloaded.”', 'Arnel Ramos'],
    ['apposition with title', '“We are ready,” Health Minister Dara Okonjo told reporters.', 'Dara Okonjo'],
  ])('%s', (_name, body, speaker) => {
    const { claims } = parse(body);
    expect(claims.map((c) => c.speaker.name)).toEqual([speaker]);
    expect(claims[0]!.quote).toBeTruthy();
  });

  it('treats a quote that runs over two paragraphs as one claim', () => {
    const body = '“The vote,” Mendel told supporters on Monday, “was stolen. We have sworn statements.\n\n“I am asking the court to look.”\n\nThe count resumes on Friday.';
    const { claims } = parse(body);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.sentence).toContain('I am asking the court to look.');
    expect(claims[0]!.quote).toContain('I am asking the court to look.');
  });

  it('attaches a quote-only sentence right after an attributed quote to the same claim', () => {
    const body = '“The numbers do not add up,” she said. “Either the list is wrong, or people boarded unrecorded.”';
    const withSpeaker = `Commodore Teresa Villa, a coast guard spokeswoman, spoke on Monday. ${body}`;
    const { claims } = parse(withSpeaker);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.sentence).toContain('Either the list is wrong');
  });

  it('does not take a "said" inside a quotation as a claim of its own', () => {
    const { claims } = parse('“When the engineer said we were taking on water, I ordered everyone out,” Captain Arnel Ramos said.');
    expect(claims.map((c) => c.speaker.name)).toEqual(['Arnel Ramos']);
  });
});
