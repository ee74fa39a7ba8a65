import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A small seeded generator so every run benchmarks exactly the same posts. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

type Random = ReturnType<typeof createRandom>;

const vocabulary = (
  'the a of and to in is that it for on with as was at by this from be or an are which but not have has one all ' +
  'writing garden notes build folder season paper window shelf timber evening morning river kitchen letter ' +
  'system habit project reader draft pencil station journey harbour valley signal pattern moment question ' +
  'careful simple honest quiet patient steady bright narrow gentle heavy practical curious ' +
  'measured wrote noticed carried planted repaired learned wondered returned finished started'
).split(' ');
const tagPool = ['writing', 'tools', 'making', 'web', 'performance', 'travel', 'garden', 'books', 'notes', 'music'];
const languages = ['ts', 'bash', 'css', 'json', 'python'] as const;
const codeSamples: Record<(typeof languages)[number], string> = {
  ts: 'export function total(items: number[]): number {\n  return items.reduce((sum, item) => sum + item, 0);\n}',
  bash: 'for file in notes/*.md; do\n  wc -w "$file"\ndone | sort -n | tail -5',
  css: '.card {\n  display: grid;\n  gap: 1rem;\n  color: var(--fg);\n}',
  json: '{\n  "name": "shed",\n  "boards": 22,\n  "roof": { "slope": 12 }\n}',
  python: 'def mean(values):\n    values = list(values)\n    return sum(values) / len(values)',
};

function words(random: Random, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(random.pick(vocabulary));
  const sentence = out.join(' ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

function paragraph(random: Random): string {
  return Array.from({ length: random.int(3, 6) }, () => words(random, random.int(8, 18))).join(' ');
}

/** One post of about `targetWords` words using every block a real post uses. */
function postBody(random: Random, targetWords: number): string {
  const blocks: string[] = [];
  const notes: string[] = [];
  let written = 0;
  let section = 0;
  while (written < targetWords) {
    section += 1;
    blocks.push(`## ${words(random, random.int(2, 5)).slice(0, -1)} ${section}`);
    for (let i = random.int(2, 4); i > 0; i--) {
      let text = paragraph(random);
      if (random.next() < 0.3) {
        notes.push(words(random, random.int(10, 20)));
        text += `[^n${notes.length}]`;
      }
      blocks.push(text);
      written += text.split(' ').length;
    }
    const extra = section % 5;
    if (extra === 0) blocks.push(Array.from({ length: 4 }, (_, i) => `${i + 1}. ${words(random, 6)}`).join('\n'));
    if (extra === 1) blocks.push(Array.from({ length: 4 }, () => `- ${words(random, 5)}`).join('\n'));
    if (extra === 2) blocks.push(`> ${paragraph(random)}`);
    if (extra === 3) {
      const language = random.pick(languages);
      blocks.push(`\`\`\`${language}\n${codeSamples[language]}\n\`\`\``);
    }
    if (extra === 4) {
      const rows = Array.from({ length: 4 }, () => `| ${random.pick(vocabulary)} | ${random.int(1, 900)} | ${random.pick(vocabulary)} |`);
      blocks.push(['| Item | Count | Note |', '| ---- | ----: | ---- |', ...rows].join('\n'));
    }
  }
  blocks.push(...notes.map((note, index) => `[^n${index + 1}]: ${note}`));
  return blocks.join('\n\n');
}

/** Writes `count` posts of 500–4,000 words into `directory/posts`, replacing what was there. */
export async function generatePosts(directory: string, count: number, seed = 42): Promise<string> {
  const random = createRandom(seed);
  const postsDirectory = path.join(directory, 'posts');
  await rm(postsDirectory, { recursive: true, force: true });
  await mkdir(postsDirectory, { recursive: true });
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2015, 0, 1) + i * 86_400_000 * 3).toISOString().slice(0, 10);
    const title = words(random, random.int(3, 9)).slice(0, -1);
    const tags = [...new Set([random.pick(tagPool), random.pick(tagPool)])];
    const frontmatter = [`title: ${JSON.stringify(title)}`, `date: ${day}`, `description: ${JSON.stringify(words(random, 16))}`, `tags: ${JSON.stringify(tags)}`];
    const body = postBody(random, random.int(500, 4000));
    await writeFile(path.join(postsDirectory, `post-${String(i + 1).padStart(4, '0')}.mdx`), `---\n${frontmatter.join('\n')}\n---\n\n${body}\n`);
  }
  return postsDirectory;
}
