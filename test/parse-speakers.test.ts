import { describe, expect, it } from 'vitest';
import { brief, parse, speakers } from './helpers/parse.js';

describe('speakers: titles and appositions', () => {
  it.each([
    ['title before name', 'Health Minister Dara Okonjo said the clinic would reopen.', 'Dara Okonjo'],
    ['apposition after name', 'Tomas Reyes, a spokesman for Brightwater Mining, said the mine was safe.', 'Tomas Reyes'],
    ['descriptor then name', 'Its chairman, Victor Palla, said the vote was clean.', 'Victor Palla'],
    ['possessive descriptor then name', 'The club’s coach, Henrik Sallo, said the winger would stay.', 'Henrik Sallo'],
    ['name with age and relative clause', 'Marta Cabral, 44, a vendor who was on board, said the decks were full.', 'Marta Cabral'],
    ['relative clause with a second verb', 'The Harbour Authority, which runs the port, said it had inspected the ship.', 'Harbour Authority'],
    ['organisation with apposition name', 'Its parent company, Ardent Materials Group, said the plant was safe.', 'Ardent Materials Group'],
  ])('%s', (_name, body, speaker) => {
    expect(speakers(body)).toEqual([speaker]);
  });

  it('keeps an anonymous source as a source of its own, named by its mention', () => {
    const [c] = brief('A senior official who asked not to be named said the talks had failed.');
    expect(c!.speaker).toBe('senior official');
    expect(c!.mention).toBe('A senior official');
  });

  it('keeps the words the article used as the mention', () => {
    const [c] = brief('Robert Wood, US ambassador to the United Nations, told the Security Council that the reports were credible.');
    expect(c!.speaker).toBe('US ambassador');
    expect(c!.mention).toBe('Robert Wood, US ambassador to the United Nations');
  });
});

describe('speakers: registry actors', () => {
  it.each([
    ["alias", "Seoul's intelligence agency said Friday that troops had arrived.", 'Seoul NIS'],
    ['alias with an article', 'A North Korean representative said the claims were groundless.', 'DPRK UN rep'],
    ['alias followed by a prepositional phrase', "Moscow's ambassador to South Korea in Seoul said cooperation was peaceful.", 'Russian envoy'],
    ['canonical name', 'NATO said it was watching closely.', 'NATO'],
  ])('%s', (_name, body, speaker) => {
    expect(speakers(body)).toEqual([speaker]);
  });

  it('resolves a nominal back-reference to a registry actor mentioned in narration', () => {
    const body = "After Seoul summoned Moscow's ambassador to South Korea, the envoy said cooperation was not directed against anyone.";
    expect(speakers(body)).toEqual(['Russian envoy']);
  });
});

describe('speakers: back-references', () => {
  it.each([
    ['he → last man', 'Captain Arnel Ramos said the ship was sound. He said a squall had shifted the trucks.', ['Arnel Ramos', 'Arnel Ramos']],
    ['she → the woman, not the more recent man', 'Commodore Teresa Villa, a spokeswoman, said 31 had died. Mr. Tan said crews were tired. She said divers were searching.', ['Teresa Villa', 'Tan', 'Teresa Villa']],
    ['they → the last group', 'Observers from the Fair Vote League said the count was orderly. They said delays were minor.', ['Observers from the Fair Vote League', 'Observers from the Fair Vote League']],
    ['surname → full name', 'Dr. Yusuf Calder said the enzyme worked. “It is a tool,” Calder said.', ['Yusuf Calder', 'Yusuf Calder']],
    ['the organisation noun → last organisation', 'Golden Tide Shipping Lines said the manifest was right. The company said infants travel free.', ['Golden Tide Shipping Lines', 'Golden Tide Shipping Lines']],
    ['the agency → the agency named earlier', 'The National Cyber Defence Agency said it was investigating. The agency said backups were intact.', ['National Cyber Defence Agency', 'National Cyber Defence Agency']],
    ['the statement → whoever issued it', 'Tarrow Coatings said in a statement that a valve failed. “We got this wrong,” the statement said.', ['Tarrow Coatings', 'Tarrow Coatings']],
    ['the paper → the outlet that reported', 'The Evening Courier reported that a ransom was paid. According to the paper, talks began in May.', ['Evening Courier', 'Evening Courier']],
    ['a person introduced in narration', 'Dr Tomas Ilunga, a biochemist, was blunter. He said the data did not support the figure.', ['Tomas Ilunga']],
  ])('%s', (_name, body, expected) => {
    expect(speakers(body)).toEqual(expected);
  });

  it('drops a pronoun with nothing to refer to rather than inventing a speaker', () => {
    expect(parse('He said the talks had failed.').claims).toEqual([]);
  });

  it('does not resolve "the hospital" to a person whose description mentions a hospital', () => {
    const body = 'St. Aldric Hospital said operations were postponed. Daniel Osei, a spokesman for the hospital, said staff were coping. Neither the hospital nor the police has confirmed the attack.';
    expect(speakers(body)).toEqual(['St. Aldric Hospital', 'Daniel Osei', 'St. Aldric Hospital', 'police']);
  });
});

describe('speakers: coordinated sources', () => {
  it.each([
    ['neither … nor', 'Neither NATO nor the United States have confirmed the deployment.', ['NATO', 'United States']],
    ['both … and', 'Both the city police and the regional prosecutor’s office said they had received no complaint.', ['city police', 'regional prosecutor’s office']],
    ['plural title over two names', 'Senators Carla Ruiz and Howard Lyle called for a hearing.', ['Carla Ruiz', 'Howard Lyle']],
    ['absolute construction with "with"', 'The allies grew closer, with Seoul and Washington long claiming that weapons were sent.', ['South Korea', 'United States']],
  ])('%s', (_name, body, expected) => {
    expect(speakers(body)).toEqual(expected);
  });
});

describe('speakers: canonical names users will read', () => {
  it.each([
    ['a name after a lower-case description', 'The South Korean news agency Yonhap reported that a team was ready.', 'Yonhap'],
    ['a proper noun that looks like a verb is no cue', 'North Korean state media have not commented on the troops.', 'North Korean state media'],
    ['an adverb inside a quoted verb is not part of the speaker', 'The South Korean government "strongly condemned" the move.', 'South Korea'],
    ['a registry role named by its holder, then the surname', 'Robert Wood, US ambassador to the United Nations, told the council the reports were credible. "If true, this is dangerous," Wood said.', 'US ambassador'],
  ])('%s', (_name, body, name) => {
    const out = speakers(body);
    expect(out.length).toBeGreaterThan(0);
    expect(new Set(out)).toEqual(new Set([name]));
  });

  it('takes a partial quote before the speaker as what was said', () => {
    const [c] = parse('Seoul\'s claims were "aimed at smearing the country," the representative told the meeting.').claims;
    expect(c!.content).toContain('aimed at smearing the country');
  });

  it('starts reported content after "that"', () => {
    const [c] = parse("Seoul's intelligence agency said Friday that troops had arrived.").claims;
    expect(c!.content).toBe('troops had arrived.');
  });
});

describe('speakers: forms seen in other outlets', () => {
  it('keeps "she" on a woman named with an honorific in narration', () => {
    const body = 'Gary Pruitt said the plant was closed. Asked about it on Saturday, Ms. Whitcomb was unbothered. "Gary can say whatever he wants," she said.';
    expect(speakers(body)).toEqual(['Gary Pruitt', 'Whitcomb']);
  });

  it('reads a name after a possessive outlet', () => {
    expect(speakers("Al Jazeera's Hani Mansour, reporting from Deir Qaram, said families slept outdoors.")).toEqual(['Hani Mansour']);
  });

  it('keeps commas in brackets inside the subject', () => {
    expect(speakers('Cllr Martin Hale (Lib Dem, Brayford and Oakley) told the meeting the decision was made in advance.')).toEqual(['Martin Hale']);
  });

  it('takes a name with a relative clause about someone else for a person', () => {
    const body = 'Emma Castell, whose children attend the school and who chairs the parents\' group, said she was devastated. "They have taken the heart out of this village," she said.';
    expect(speakers(body)).toEqual(['Emma Castell', 'Emma Castell']);
  });

  it('reads an address apposition as part of the subject', () => {
    expect(speakers('Connor Maddox, 24, of Fenwick Close, Aldbury, had denied murdering the man.')).toEqual(['Connor Maddox']);
  });

  it('takes a plural noun without article as a source', () => {
    expect(speakers('But parents said the route was dangerous.')).toEqual(['parents']);
  });
});
