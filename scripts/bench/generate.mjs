// Synthetic inputs for the benchmark: news-style articles written from templates
// (never the evaluation corpus) and stores of any size in the store's JSON format.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** A small deterministic PRNG, so every run benchmarks the same text. */
export function rng(seed = 42) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ana', 'Jonas', 'Mira', 'Tomas', 'Lena', 'Viktor', 'Priya', 'Omar', 'Hana', 'Felix', 'Greta', 'Daniel', 'Sofia', 'Marek', 'Ines', 'Kofi'];
const LAST = ['Varga', 'Okafor', 'Lindqvist', 'Moreau', 'Petrov', 'Haddad', 'Nakamura', 'Silva', 'Keller', 'Osei', 'Brandt', 'Costa', 'Novak', 'Reyes', 'Holm', 'Adeyemi'];
const TITLE = ['Health Minister', 'Colonel', 'Dr.', 'Professor', 'Senator', 'Mayor', 'Commissioner', 'Captain'];
const ROLE = ['a spokeswoman for the ministry', 'the agency\u2019s director', 'a senior analyst at the institute', 'the company\u2019s chief executive', 'a lawyer for the union'];
const ORG = ['The Harbour Authority', 'The National Water Agency', 'Brightline Energy', 'The Teachers\u2019 Union', 'The Interior Ministry', 'Northgate University', 'The City Council', 'Valmont Pharmaceuticals'];
const TOPIC = ['the border crossing', 'the water supply', 'the new contract', 'the school closures', 'the drug recall', 'the port expansion', 'the election count', 'the bridge repairs'];
const DAY = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function makeArticle(r, n) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const topic = pick(TOPIC);
  const paras = [
    `${pick(ORG).replace(/^The /, '')} faces questions over ${topic} (${n})`,
    `${pick(MONTH)} ${1 + Math.floor(r() * 27)}, 2025`,
    '',
    `${pick(ORG)} said on ${pick(DAY)} that work on ${topic} would resume within ${2 + Math.floor(r() * 9)} weeks, after months of delays.`,
  ];
  const templates = [
    () => `"We have done everything the law requires," ${pick(TITLE)} ${person()}, ${pick(ROLE)}, said on ${pick(DAY)}. "The figures speak for themselves."`,
    () => `${person()}, ${pick(ROLE)}, told reporters that the plan for ${topic} had been approved in ${pick(MONTH)}.`,
    () => `${pick(ORG)} denied that any money for ${topic} had been misused.`,
    () => `${pick(ORG)} declined to comment on ${topic}.`,
    () => `According to ${pick(ORG).toLowerCase()}, ${10 + Math.floor(r() * 90)} people were affected by ${topic}.`,
    () => `"It is too early to say what went wrong," ${person()} said.`,
    () => `Residents said they had first noticed problems with ${topic} in ${pick(MONTH)}. Several told the local paper they were still waiting for answers.`,
    () => `The project began in ${2015 + Math.floor(r() * 9)} and employs about ${100 + Math.floor(r() * 900)} people.`,
    () => `Neither ${pick(ORG).toLowerCase()} nor ${pick(ORG).toLowerCase()} has confirmed the cost of ${topic}.`,
    () => `${pick(TITLE)} ${person()} said in a statement that the review of ${topic} would be published next month.`,
  ];
  const count = 6 + Math.floor(r() * 7);
  for (let i = 0; i < count; i++) paras.push('', pick(templates)());
  paras.push('', 'SOURCE: Bench Wire');
  return paras.join('\n');
}

/** Articles until at least `bytes` of text. */
export function makeCorpus(bytes, seed = 7) {
  const r = rng(seed);
  const out = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const a = makeArticle(r, n);
    out.push(a);
    size += Buffer.byteLength(a);
  }
  return out;
}

const SPEAKERS = Array.from({ length: 2000 }, (_, i) => ({ id: `source-${i}`, name: `Source ${i}`, mention: `the source ${i}` }));
const FREQUENT = [
  { id: 'nato', name: 'NATO', mention: 'NATO' },
  { id: 'seoul-nis', name: 'Seoul NIS', mention: "Seoul's intelligence agency" },
];

/** Writes a version-1 store of `claims` claims (25 per article) to `file`, streaming. */
export async function writeStore(file, claims, seed = 3) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const out = createWriteStream(file);
  const write = async (s) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const perArticle = 25;
  const articles = Math.ceil(claims / perArticle);
  await write('{"version":1,"articles":[');
  for (let a = 0; a < articles; a++) {
    const article = { id: `art${String(a).padStart(8, '0')}`, title: `Generated article ${a}`, date: `2025-${String(1 + (a % 12)).padStart(2, '0')}-${String(1 + (a % 27)).padStart(2, '0')}`, source: 'Bench Wire', byline: null, origin: `bench/${a}.txt`, textHash: `h${a}`, length: 4000 };
    await write(`${a ? ',' : ''}${JSON.stringify(article)}`);
  }
  await write('],"claims":[');
  for (let i = 0; i < claims; i++) {
    const a = Math.floor(i / perArticle);
    const speaker = r() < 0.01 ? pick(FREQUENT) : pick(SPEAKERS);
    const topic = pick(TOPIC);
    const claim = {
      id: `c${String(i).padStart(15, '0')}`,
      articleId: `art${String(a).padStart(8, '0')}`,
      speaker,
      stance: pick(['asserts', 'asserts', 'denies', 'unconfirmed']),
      date: `2025-${String(1 + (a % 12)).padStart(2, '0')}-${String(1 + (a % 27)).padStart(2, '0')}`,
      dateText: r() < 0.5 ? `on ${pick(DAY)}` : null,
      content: `work on ${topic} would resume within ${i % 9} weeks, after months of delays and troops at the border`,
      quote: null,
      sentence: `${speaker.name} said on ${pick(DAY)} that work on ${topic} would resume within ${i % 9} weeks, after months of delays.`,
      start: (i % perArticle) * 150,
      end: (i % perArticle) * 150 + 120,
      cue: 'said',
    };
    await write(`${i ? ',' : ''}${JSON.stringify(claim)}`);
  }
  await write(']}\n');
  out.end();
  await once(out, 'finish');
}
