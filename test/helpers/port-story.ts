// A short generated article of its own for each n: different text, so different
// article and claim ids. The speaker of the quotation is the caller's choice (one
// per article gives a shard per article; a few shared ones give few shards).
export function portStory(n: number, speaker: string, options: { accordingTo?: string } = {}): string {
  return [
    `Port town ${n} reopens after storm`,
    `March ${(n % 27) + 1}, 2025`,
    '',
    `The harbour authority of port ${n} said on Monday that ${n + 3} ships had been damaged.`,
    '',
    `"We will reopen berth ${n} by Friday," ${speaker} told reporters.`,
    '',
    `The shipping union denied that crews in port ${n} had been told to sail.`,
    ...(options.accordingTo ? ['', `According to ${options.accordingTo}, repairs to quay ${n} will cost ${n * 1000} euros.`] : []),
  ].join('\n');
}
