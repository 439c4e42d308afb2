// The drafts both real-editor suites open: one with a wrong visit count (the sources say second), one right.
export const WRONG_DRAFT = [
  '---',
  'date: 2023-12-03',
  '---',
  '# Minsk and Beijing',
  '',
  'Lukashenko is in Beijing for the fourth time this year.',
  '',
].join('\n');

export const RIGHT_DRAFT = [
  '---',
  'date: 2023-12-03',
  '---',
  '# Minsk and Beijing',
  '',
  'Lukashenko is in Beijing again, his second trip to the Chinese capital in 2023.',
  '',
].join('\n');
