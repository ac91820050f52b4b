// Who is who across an article: canonical actors from the registry, sources the
// registry does not know, and back-references ("he", "the envoy", "Wood") resolved
// to the last fitting entity. Only a bounded window of recent entities is kept, so
// resolution costs the same on the last sentence of a long article as on the first.
import { slug } from '../ids.js';
import type { ActorKind, ActorRegistry, Speaker } from '../model.js';
import {
  DETERMINERS,
  DOCUMENT_NOUNS,
  ANAPHORIC_ORGANISATION_NOUNS,
  MEDIA_NOUNS,
  ORGANISATION_NAME_WORDS,
  ORGANISATION_NOUNS,
  PERSON_NOUNS,
  PREPOSITIONS,
  PRONOUNS,
  QUANTIFIERS,
  SOURCE_DOCUMENT_PATTERN,
  TITLES,
} from './lexicon.js';
import { factsOf, isProperName, memo, personName, personNameOf, properNameOf, words, type TextFacts } from './phrases.js';
import type { Unit } from './segment.js';
import { firstWords, isSpaceCode, unitTokens, type Token } from './tokens.js';

interface Entity {
  id: string;
  name: string;
  kind: ActorKind;
  gender?: 'm' | 'f';
  plural: boolean;
  media: boolean;
  /** Lower-case words of every mention and description, for "the agency" → "Cyber Defence Agency". */
  words: Set<string>;
  /** The word lists already added to `words` (see `addWordList`). */
  wordLists: Set<readonly string[]>;
  lastSeen: number;
  spoke: boolean;
  /** Last words of the person names it was mentioned by, for "Wood said". */
  surnames: Set<string>;
  /** `words(name)` and `isProperName(name)`, kept because every back-reference tests every entity. */
  nameWords: readonly string[];
  properName: boolean;
}

export interface SpeakerInput {
  /** Head chunk ("Its chairman", "he", "Commodore Teresa Villaflor"). */
  head: string;
  /** Proper-name apposition, if any ("Víctor Pallas"). */
  name: string | null;
  /** Everything the article used for the speaker here. */
  mention: string;
  descriptors: string[];
}

export interface ResolveContext {
  unit: number;
  /** The cue that introduced the speaker: "reported" marks a news outlet. */
  cue: string;
}

// Ids of names met again and again (Unicode normalisation is the costly part).
const slugOf = memo(slug);

/** How many recent entities a back-reference may reach. */
export const DISCOURSE_WINDOW = 40;

export const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s\s+|[^\S ]/g, ' ') // only where a run is not already one space
    .trim();

/** A unit's words as `norm` splits them (hyphens separate), from the tokens the unit already has. */
function normWords(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.lower.includes('-')) out.push(...t.lower.split('-'));
    else out.push(t.lower);
  }
  return out;
}

const isAsciiWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39;

/**
 * The first word of `norm(s)` (a run of letters, digits and apostrophes, lower-cased),
 * read without normalising the whole text; `undefined` when a character up to the
 * word's end is not ASCII, where only `norm` itself can tell.
 */
export function firstNormWordOfAscii(s: string): string | undefined {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return undefined;
    if (isAsciiWordCode(c)) break;
  }
  const start = i;
  while (i < s.length && isAsciiWordCode(s.charCodeAt(i))) i++;
  if (i < s.length && s.charCodeAt(i) >= 128) return undefined;
  return s.slice(start, i).toLowerCase();
}

const stripDeterminer = (s: string) => s.replace(/^(?:the|a|an)\s+/i, '');


const contentWords = (s: string) =>
  words(s)
    .map((w) => w.toLowerCase().replace(/[\u2019']s$/, ''))
    .filter((w) => !DETERMINERS.has(w) && w.length > 1 && !/^(?:of|for|at|in|on|to|and|the)$/.test(w));

/** Whether a word of `s` is one that names organisations ("Coatings", "Ministry"): asked of most sentences' opening words. */
const hasOrganisationNameWord = memo((s: string) => words(s).some((w) => ORGANISATION_NAME_WORDS.has(w.toLowerCase())));

/** `contentWords` of a definite head ("the agency"): the same few heads come back in every article. */
const contentWordsOfHead = memo<readonly string[]>(contentWords);

/** Words that name an entity: its name and the heads of its descriptions, not their complements ("spokesman for the hospital" → spokesman). */
const headWords = memo<readonly string[]>((s: string) => s.split(/\s*,\s*/).flatMap((chunk) => contentWords(chunk.replace(/\s+(?:of|for|at|in|on|to|from|with|who|which|whose|that)\s.*$/i, ''))));

/**
 * An entity's words as lists of `headWords` answers. The words of texts joined by
 * commas are the union of each text's words when every text is trimmed (the comma
 * split takes the white space around a comma), and a text alone is met again far more
 * often than one combination of texts, so the lists are found text by text.
 */
type WordLists = readonly (readonly string[])[];

/** `headWords` of a trimmed mention and its trimmed descriptions joined by commas. */
const headWordsOfChunks = (mention: string, descriptors: readonly string[]): WordLists => [headWords(mention), ...descriptors.map((d) => headWords(d))];

/** `headWords(`${mention}, ${name}`)` for a trimmed mention: the comma split drops the white space a registry name may open with. */
const headWordsJoined = (mention: string, name: string): WordLists => [headWords(mention), headWords(name.trimStart())];

/** A text's last word, lower case, without a possessive: kept with the text's facts, as the same heads and descriptions come back. */
const lastWordOf = (facts: TextFacts) => (facts.lastWord ??= withoutPossessive((facts.words.at(-1) ?? '').toLowerCase()));

/** `w.replace(/[\u2019']s$/, '')` without a pattern: a test of the last two characters. */
const withoutPossessive = (w: string) => (w.endsWith("'s") || w.endsWith('\u2019s') ? w.slice(0, -2) : w);
const lastWord = (s: string) => lastWordOf(factsOf(s));

type RegistryActor = { id: string; name: string; kind: ActorKind };
interface CompiledRegistry {
  /** Each alias's actor, with the words a mention of it in narration adds (see `observe`). */
  aliases: Map<string, RegistryActor & { words: WordLists }>;
  /** First words of every alias, and the longest alias in words: the n-gram scan's bounds. */
  firstWords: Set<string>;
  longest: number;
  /** Answers of `lookup` so far: mentions repeat across a batch of articles. */
  lookups: Map<string, RegistryActor | null>;
}

// Compiling the alias table and its regular expression costs more than parsing a short
// article, so it is done once per registry object, not once per article.
const compiled = new WeakMap<ActorRegistry, CompiledRegistry>();

function compileRegistry(registry: ActorRegistry): CompiledRegistry {
  const cached = compiled.get(registry);
  if (cached) return cached;
  const aliases = new Map<string, RegistryActor & { words: WordLists }>();
  const firstWords = new Set<string>();
  let longest = 0;
  for (const actor of registry.actors) {
    for (const alias of [actor.name, ...actor.aliases]) {
      const key = norm(stripDeterminer(alias));
      if (!key) continue;
      aliases.set(key, { id: actor.id, name: actor.name, kind: actor.kind, words: [headWords(`${key}, ${actor.name}`)] });
      const ws = key.split(' ');
      firstWords.add(ws[0]!);
      longest = Math.max(longest, ws.length);
    }
  }
  const result = { aliases, firstWords, longest, lookups: new Map<string, RegistryActor | null>() };
  compiled.set(registry, result);
  return result;
}

export class Discourse {
  private readonly aliases: CompiledRegistry['aliases'];
  private readonly registry: CompiledRegistry;
  private entities: Entity[] = [];

  constructor(registry: ActorRegistry) {
    this.registry = compileRegistry(registry);
    this.aliases = this.registry.aliases;
  }

  /** Notes the registry actors and introduced people a narration unit mentions. */
  observe(unit: number, segment: Unit): void {
    const text = segment.masked;
    const tokens = unitTokens(segment);
    // Registry aliases, longest first at each word: a word-level scan, since one
    // regular expression of every alias costs more than the rest of the parse.
    const { firstWords, longest } = this.registry;
    const toks = normWords(tokens);
    for (let i = 0; i < toks.length; i++) {
      if (!firstWords.has(toks[i]!)) continue;
      for (let n = Math.min(longest, toks.length - i); n > 0; n--) {
        const surface = toks.slice(i, i + n).join(' ');
        const seed = this.aliases.get(surface);
        if (!seed) continue;
        // Within a sentence the earlier mention (usually the subject) is the more salient.
        const salience = unit + 0.5 * (1 - i / toks.length);
        this.touch(seed, salience, false);
        i += n - 1;
        break;
      }
    }
    // "Dario Mendel of the Civic Union lost …", "Dr Tomás Ilunga, a biochemist, …":
    // a person introduced in narration can be "he" or "Mendel" later.
    // Both patterns below need a capital first (a title is capitalised too); many units
    // open with a quotation mark or a digit, and the test spares them two patterns.
    const capitalFirst = startsWithCapital(text);
    const intro = capitalFirst && secondWordCapitalised(text) ? INTRO.exec(text) : null;
    if (intro && !PLACE_PREFIXES.test(intro[1]!)) {
      const name = personName(intro[1]!);
      if (name) this.touch({ id: slugOf(name), name, kind: 'person', words: [headWords(intro[1]!)], gender: genderOf(intro[1]!) }, unit, false);
    }
    // "Ms. Whitcomb was unbothered", "Representative Dana Whitcomb did something":
    // an honorific or title before a capitalised name marks a person wherever it stands.
    TITLED_NAME.lastIndex = 0;
    const titled = tokens.some((w) => TITLE_WORDS.has(w.text));
    for (let t = titled ? TITLED_NAME.exec(text) : null; t; t = TITLED_NAME.exec(text)) {
      const title = t[1]!;
      const name = t[2]!;
      const sameSurname = sameSurnameAs(name);
      const known = this.recent((e) => e.kind === 'person' && sameSurname(e));
      const entity = known ?? this.touch({ id: slugOf(name), name, kind: 'person', words: [headWords(name)], gender: genderOf(title) }, unit, false);
      entity.lastSeen = Math.max(entity.lastSeen, unit);
      if (!entity.gender) {
        const g = genderOf(title);
        if (g) entity.gender = g;
      }
    }
    // "Tarrow Coatings runs the plant": an organisation named as a sentence's subject
    // can be "the company" later.
    const org = capitalFirst ? SUBJECT_ORGANISATION.exec(text) : null;
    if (org && hasOrganisationNameWord(org[1]!)) {
      const name = org[1]!;
      this.touch({ id: slugOf(name), name, kind: 'organisation', words: [headWords(name)] }, unit, false);
    }
  }

  /** The speaker for a subject noun phrase, or null when a pronoun has nothing to refer to. */
  resolve(input: SpeakerInput, ctx: ResolveContext): Speaker | null {
    const head = input.head.trim();
    // The head is asked about again and again below: its facts are looked up once.
    const headFacts = factsOf(head);
    const firstWord = firstWords(head, 1).toLowerCase();
    const pronoun = PRONOUNS[firstWord];
    const mention = input.mention.trim() || head;

    if (pronoun && headFacts.words.length <= 2) {
      const entity = this.resolvePronoun(firstWord);
      if (!entity) return null;
      if (pronoun.gender && !entity.gender && entity.kind === 'person') entity.gender = pronoun.gender;
      return this.speak(entity, mention, ctx);
    }

    // "one of its United Nations representatives": the possessor's representative.
    const member = /^one of (its|their|his|her) (.+?)s$/i.exec(head);
    if (member) {
      const owner = this.resolvePronoun(member[1]!.toLowerCase() === 'its' ? 'it' : member[1]!.toLowerCase() === 'their' ? 'they' : member[1]!.toLowerCase() === 'his' ? 'he' : 'she');
      const actor = owner && (this.lookup(`${owner.name}'s ${member[2]}`) ?? this.lookup(`${owner.name} ${member[2]}`));
      if (actor) return this.speak(this.touch({ ...actor, words: headWordsJoined(mention, actor.name) }, ctx.unit, true), mention, ctx);
    }

    // "figures published by the hospital": the issuer speaks.
    const issuer = SOURCE_DOCUMENT_PATTERN.exec(head);
    if (issuer) return this.resolve({ ...input, head: head.slice(issuer[0].length), mention }, ctx);

    // A mention that is just the head (no apposition) has had its answer: null.
    const registryActor = this.lookup(input.name) ?? this.lookup(head) ?? (mention === head ? null : this.lookup(mention)) ?? this.lookupFirst(input.descriptors);
    if (registryActor) {
      return this.speak(this.touch({ ...registryActor, words: headWordsJoined(mention, registryActor.name) }, ctx.unit, true), mention, ctx);
    }

    const definite = /^(?:the|this|that|these|those)\s/i.test(head);
    const noun = lastWordOf(headFacts);
    if (definite && DOCUMENT_NOUNS.has(noun)) {
      const author = this.recent((e) => e.spoke && e.kind !== 'person') ?? this.recent((e) => e.spoke);
      if (author) return this.speak(author, mention, ctx);
    }

    const person = personCandidate(head, headFacts, input, ctx.cue);
    if (person) {
      const sameSurname = sameSurnameAs(person);
      const known = this.recent((e) => e.kind === 'person' && (e.name === person || sameSurname(e)));
      const entity = known ?? this.touch({ id: slugOf(person), name: person, kind: 'person', words: [headWords(mention)], gender: genderOf(mention) }, ctx.unit, true);
      addWords(entity, mention, input.descriptors);
      return this.speak(entity, mention, ctx);
    }
    if (input.name) {
      const org = stripDeterminer(input.name);
      const entity = this.recent((e) => e.name === org) ?? this.touch({ id: slugOf(org), name: org, kind: 'organisation', words: headWordsOfChunks(mention, input.descriptors) }, ctx.unit, true);
      return this.speak(entity, mention, ctx);
    }

    if (properNameOf(headFacts) && headFacts.words.length === 1) {
      // "Wood said", "Tarrow said": a surname, or the short form of an organisation.
      const token = head.toLowerCase();
      // A registry actor may be a role ("US ambassador") whose holder was named in the
      // mention ("Robert Wood, US ambassador …"), so mentions count as well as the name.
      // (Compared word by word: a lower-cased copy of every entity's words per test cost more.)
      const known = this.recent((e) => {
        const ws = e.nameWords;
        return e.kind === 'person' ? (ws.length > 0 && ws.at(-1)!.toLowerCase() === token) || e.surnames.has(token) : ws.some((w) => w.toLowerCase() === token);
      });
      if (known) return this.speak(known, mention, ctx);
    }

    if (definite && !input.name) {
      const cw = contentWordsOfHead(head);
      // "the hospital" is an organisation, "the economist" a person: a noun's class
      // rules out entities of the other kind.
      const fitsKind = (e: Entity) => (ORGANISATION_NOUNS.has(noun) ? e.kind !== 'person' : PERSON_NOUNS.has(noun) ? e.kind === 'person' || e.kind === 'group' : true);
      const resolved =
        this.recent((e) => cw.length > 0 && fitsKind(e) && cw.every((w) => e.words.has(w))) ??
        (MEDIA_NOUNS.has(noun) && cw.length === 1 ? this.recent((e) => e.media) : undefined) ??
        (cw.length === 1 && PERSON_NOUNS.has(noun) ? this.recent((e) => e.kind === 'person' && e.spoke) : undefined) ??
        (cw.length === 1 && ANAPHORIC_ORGANISATION_NOUNS.has(noun) ? this.recent((e) => e.kind !== 'person' && !e.plural) : undefined);
      if (resolved) {
        addWords(resolved, mention, input.descriptors);
        return this.speak(resolved, mention, ctx);
      }
    }

    const name = appositiveName(head) ?? (stripDeterminer(head).replace(/^another\s+/i, '') || head);
    const kind = isQuantifier(head) ? 'source' : kindOf(head);
    const lowerName = name.toLowerCase();
    const entity = this.recent((e) => e.name.toLowerCase() === lowerName) ??
      this.touch({ id: slugOf(name), name, kind, words: headWordsOfChunks(mention, input.descriptors), plural: isPlural(head), gender: genderOf(mention) }, ctx.unit, true);
    return this.speak(entity, mention, ctx);
  }

  private speak(entity: Entity, mention: string, ctx: ResolveContext): Speaker {
    const comma = mention.indexOf(',');
    const facts = factsOf(comma < 0 ? mention : mention.slice(0, comma));
    // A person name is the mention's last words, so its last word is the mention's:
    // no second lookup for the name's words.
    if (personNameOf(facts)) entity.surnames.add(facts.words.at(-1)!.toLowerCase());
    // A speaker is the most salient entity of its sentence.
    entity.lastSeen = ctx.unit + 0.75;
    entity.spoke = true;
    if (/^report/i.test(ctx.cue)) entity.media = true;
    return { id: entity.id, name: entity.name, mention };
  }

  private lookup(text: string | null): RegistryActor | null {
    if (!text) return null;
    const cache = this.registry.lookups;
    const known = cache.get(text);
    if (known !== undefined) return known;
    if (cache.size > 50_000) cache.clear();
    const stripped = stripDeterminer(text.trim());
    // Most texts asked about name no actor, and their first word tells: every alias,
    // and every alias-plus-prepositional-phrase, opens with one of `firstWords`.
    const first = firstNormWordOfAscii(stripped);
    if (first !== undefined && !this.registry.firstWords.has(first)) {
      cache.set(text, null);
      return null;
    }
    const n = norm(stripped);
    // "the US ambassador to the United Nations in New York": an alias followed by a
    // prepositional phrase still names the same actor.
    const m = /^(.+?)\s(?:to|at|in|of|for|on)\s/.exec(n);
    const found = this.aliases.get(n) ?? (m ? (this.aliases.get(m[1]!) ?? null) : null);
    cache.set(text, found);
    return found;
  }


  /** The registry actor of the first of `texts` that names one. */
  private lookupFirst(texts: readonly string[]): RegistryActor | null {
    for (const text of texts) {
      const actor = this.lookup(text);
      if (actor) return actor;
    }
    return null;
  }

  private resolvePronoun(word: string): Entity | undefined {
    const p = PRONOUNS[word]!;
    if (p.kind === 'person') {
      // A named person is a likelier "she" than an anonymous source quoted in passing.
      const fits = (e: Entity) => e.kind === 'person' && !e.plural && (!e.gender || !p.gender || e.gender === p.gender);
      return this.recent((e) => fits(e) && e.properName) ?? this.recent(fits);
    }
    if (p.kind === 'thing') return this.recent((e) => e.kind !== 'person' && !e.plural);
    return this.recent((e) => e.plural || (e.kind !== 'person' && e.kind !== 'country')) ?? this.recent((e) => e.kind !== 'person');
  }

  private recent(test: (e: Entity) => boolean): Entity | undefined {
    let best: Entity | undefined;
    for (const e of this.entities) if (test(e) && (!best || e.lastSeen >= best.lastSeen)) best = e;
    return best;
  }

  private touch(
    seed: { id: string; name: string; kind: ActorKind; words: WordLists; gender?: 'm' | 'f' | undefined; plural?: boolean },
    unit: number,
    spoke: boolean,
  ): Entity {
    let entity = this.entities.find((e) => e.id === seed.id);
    if (!entity) {
      const nameFacts = factsOf(seed.name);
      entity = {
        id: seed.id,
        name: seed.name,
        kind: seed.kind,
        plural: seed.plural ?? false,
        media: false,
        words: new Set(),
        wordLists: new Set(),
        lastSeen: unit,
        spoke,
        surnames: new Set(),
        nameWords: nameFacts.words,
        properName: properNameOf(nameFacts),
      };
      if (seed.gender) entity.gender = seed.gender;
      this.entities.push(entity);
      if (this.entities.length > DISCOURSE_WINDOW) {
        this.entities.sort((a, b) => b.lastSeen - a.lastSeen);
        this.entities.length = DISCOURSE_WINDOW;
      }
    }
    for (const ws of seed.words) addWordList(entity, ws);
    entity.lastSeen = Math.max(entity.lastSeen, unit);
    entity.spoke ||= spoke;
    return entity;
  }
}

/**
 * Adds a list of words to the entity's. The lists are `headWords` answers and the
 * registry's alias words, shared arrays that come back each time the entity is met
 * again: a list added before adds nothing, and one identity test spares its words' hashing.
 */
function addWordList(entity: Entity, ws: readonly string[]): void {
  if (entity.wordLists.has(ws)) return;
  entity.wordLists.add(ws);
  for (const w of ws) entity.words.add(w);
}

function addWords(entity: Entity, mention: string, descriptors: string[]): void {
  // Mention and descriptors are trimmed comma chunks, so each one's head words are those
  // it adds to the words of them all joined by commas; apart they are met again more often.
  addWordList(entity, headWords(mention));
  for (const d of descriptors) addWordList(entity, headWords(d));
}

/** "Dario Mendel of the Civic Union …", "Dr Tomás Ilunga, a biochemist, …": a person introduced at the start of a unit. */
const INTRO = /^((?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})(?=,\s+(?:a|an|the|who|\d)\b|\s+(?:of|who)\s)/u;

/** "Tarrow Coatings runs the plant": capitalised words opening a unit, before a comma or a lower-case word. */
const SUBJECT_ORGANISATION = /^(?:The\s+)?(\p{Lu}[\p{L}'’&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?\p{Lu}[\p{L}'’&.-]*){0,5})(?=,|\s+\p{Ll})/u;

/** Whether the character at `i` of `s` is an upper-case letter (`\p{Lu}`), by character code for ASCII. */
function isCapitalAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return i < s.length && /^\p{Lu}/u.test(String.fromCodePoint(s.codePointAt(i)!));
}

/** Whether `s` opens with an upper-case letter: `/^\p{Lu}/u`. */
export const startsWithCapital = (s: string) => isCapitalAt(s, 0);

/**
 * Whether the first white space of `s` is followed by a capital. Every INTRO match is
 * so (a title or first name, then a capitalised word), and most sentences are not.
 */
export function secondWordCapitalised(s: string): boolean {
  let i = 0;
  while (i < s.length && !isSpaceCode(s.charCodeAt(i))) i++;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return isCapitalAt(s, i);
}

/**
 * Whether the last white space of `s` is followed by an upper-case letter. Every match
 * of the `appositiveName` pattern ends so (its last word is capitalised and holds no
 * space), and most heads do not: the test spares a pattern tried at every position.
 */
export function lastWordAfterSpaceCapitalised(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && !isSpaceCode(s.charCodeAt(i))) i--;
  return i >= 0 && isCapitalAt(s, i + 1);
}

/** First words of place names, which the narration scan must not take for people ("New Jersey"). */
const PLACE_PREFIXES = /^(?:New|North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|San|Santa|Los|Las|Saint|St|Port|Fort|Mount|Lake|Cape|Great|Little|Old)\b/;

const TITLE_WORDS = new Set('Mr Mrs Ms Miss Dr Prof Professor Representative Rep Senator Sen Governor Gov President Minister Colonel Col General Gen Captain Capt Commodore Judge Justice Cllr Councillor Mayor Sir Dame Lord Lady'.split(' '));
const TITLED_NAME = new RegExp(`\\b(${[...TITLE_WORDS].join('|')})\\.?\\s+(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})`, 'gu');

/** A description without its complement or relative clause: "a mother of five" → "a mother". */
const nounPart = (d: string) => d.replace(/\s+(?:of|for|at|in|on|with|to|who|whose|which|that)\s.*$/i, '');

/**
 * Whether `s` is a bare quantifier ("several", "both"), as a source head can be. Lower-casing
 * never shortens a text, so a text longer than every quantifier is none and is not copied.
 */
const LONGEST_QUANTIFIER = Math.max(...[...QUANTIFIERS].map((w) => w.length));
function isQuantifier(s: string): boolean {
  const t = s.trim();
  return t.length <= LONGEST_QUANTIFIER && QUANTIFIERS.has(t.toLowerCase());
}

/**
 * The person a subject names, if it names one: a title or a personal description
 * ("a spokeswoman for…", "44", "who…") makes a capitalised name a person's; an
 * organisation word ("Coatings", "Ministry") makes it an organisation's.
 */
function personCandidate(head: string, headFacts: TextFacts, input: SpeakerInput, cue: string): string | null {
  if (isQuantifier(head)) return null;
  const wordsOfHead = headFacts.words;
  const properHead = properNameOf(headFacts);
  const titled = properHead && TITLES.has((wordsOfHead[0] ?? '').toLowerCase()) ? stripTitles(head) : null;
  const candidate = input.name
    ? (personName(input.name) ?? stripTitles(input.name))
    : (personNameOf(headFacts) ?? titled ?? (properHead && wordsOfHead.length === 1 ? head : null));
  if (!candidate) return null;
  const candidateWords = words(candidate);
  if (candidateWords.length < 1) return null;
  if (hasOrganisationWord(candidate)) return null;
  const personal =
    hasTitleWord(head) ||
    input.descriptors.some((d) => /^\d+$/.test(d.trim()) || /^(?:who|whose|whom)\b/i.test(d.trim()) || PERSON_NOUNS.has(lastWord(nounPart(d)))) ||
    PERSON_NOUNS.has(lastWord(head.replace(/\s+(?:of|for|at|in|on|with|to)\s.*$/i, '')));
  // Only a description that is itself a noun phrase says what kind of source this is;
  // "whose children attend the school" is about someone else.
  const organisational = input.descriptors.some((d) => /^which\b/i.test(d.trim()) || (!/^(?:who|whose|whom|that)\b/i.test(d.trim()) && ORGANISATION_NOUNS.has(lastWord(nounPart(d)))));
  // A news outlet is what "reported"; only a title or description makes it a reporter.
  if (/^report/i.test(cue) && !personal) return null;
  if (organisational && !personal) return null;
  if (candidateWords.length < 2 && !input.name && !personal) return null;
  return candidate;
}

const isOrganisationWord = (w: string) => ORGANISATION_NAME_WORDS.has(w) || ORGANISATION_NOUNS.has(w);

// Asked of every person-like head and name; remembered whole, since asking word by
// word lower-cases each capitalised word anew.
const hasOrganisationWord = memo((s: string) => words(s).some((w) => isOrganisationWord(w.toLowerCase())));
const hasTitleWord = memo((s: string) => words(s).some((w) => TITLES.has(withoutFinalDot(w.toLowerCase()))));

const withoutFinalDot = (w: string) => (w.endsWith('.') ? w.slice(0, -1) : w);


/** "the sports daily Gol Diário" → "Gol Diário": a name after a lower-case description. */
function appositiveName(head: string): string | null {
  if (!lastWordAfterSpaceCapitalised(head)) return null;
  const m = /\s(\p{Ll}[\p{L}-]*)\s+((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})$/u.exec(head);
  if (!m || PREPOSITIONS.has(m[1]!) || DETERMINERS.has(m[1]!) || /^(?:and|or|nor|of)$/.test(m[1]!)) return null;
  return m[2]!;
}

function stripTitles(name: string): string {
  const ws = words(name);
  let i = 0;
  while (i < ws.length - 1 && TITLES.has(ws[i]!.toLowerCase().replace(/\.$/, ''))) i++;
  return ws.slice(i).join(' ');
}

/**
 * Whether an entity has the surname of the person named `b`. A test to run against
 * every recent entity, so `b` is split into words once, not once per entity.
 */
function sameSurnameAs(b: string): (e: Entity) => boolean {
  const wb = words(b);
  const surname = wb.at(-1);
  return (e) => {
    const sa = e.nameWords.at(-1);
    return !!sa && sa === surname && (e.nameWords.length === 1 || wb.length === 1 || e.name.split(' ')[0] === b.split(' ')[0]);
  };
}

function genderOf(mention: string): 'm' | 'f' | undefined {
  const m = mention.toLowerCase();
  if (/\b(?:ms|mrs|miss|madam|dame|lady|spokeswoman|chairwoman|congresswoman|businesswoman|woman|mother|daughter|wife|sister|grandmother|girl|actress|widow)\b/.test(m)) return 'f';
  if (/\b(?:mr|sir|lord|spokesman|chairman|congressman|businessman|man|father|son|husband|brother|grandfather|boy|actor|widower)\b/.test(m)) return 'm';
  return undefined;
}

function isPlural(head: string): boolean {
  const noun = lastWord(head.replace(/\s+(?:of|from|at|in|on|for|close to|familiar with)\s.*$/i, ''));
  return /^(?:people|police|staff|media)$/.test(noun) || (/[^s]s$/.test(noun) && PERSON_NOUNS.has(noun)) || /^(?:both|several|two|three|four|many|some)\b/i.test(head);
}

function kindOf(head: string): ActorKind {
  const core = head.replace(/\s+(?:of|from|at|in|on|for|close to|familiar with|with)\s.*$/i, '');
  const noun = lastWord(core);
  if (PERSON_NOUNS.has(noun) || PERSON_NOUNS.has(noun.replace(/s$/, ''))) return isPlural(head) ? 'group' : 'person';
  if (ORGANISATION_NOUNS.has(noun)) return 'organisation';
  return isProperName(head) ? 'organisation' : 'source';
}
