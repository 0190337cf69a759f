// Checks that every comment naming a doc points into the project's own docs/, and that the section
// it names is there: `docs/inbound.md#matching-and-the-chain` needs that heading (GitHub's slug) or
// an `<a id="…">`; `docs/notices.md, "First layer"` needs that text in the file. Also checks the
// relative links of README.md, docs/*.md and the package READMEs. Part of `npm run lint`.
// Usage: node scripts/check-doc-refs.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

/** GitHub's heading anchor: lowercase, punctuation dropped, spaces to hyphens. */
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');

const docs = new Map();
function doc(file) {
  if (!docs.has(file)) {
    if (!existsSync(file)) docs.set(file, null);
    else {
      const text = readFileSync(file, 'utf8');
      const prose = text.replace(/```[\s\S]*?```/g, '');
      const anchors = new Set();
      for (const match of prose.matchAll(/^#{1,6}\s+(.*)$/gm)) anchors.add(slug(match[1]));
      for (const match of text.matchAll(/<a id="([^"]+)"/g)) anchors.add(match[1]);
      docs.set(file, { anchors, text: text.toLowerCase() });
    }
  }
  return docs.get(file);
}

const problems = [];

// Comments and strings in code: `docs/x.md`, `docs/x.md#anchor`, `docs/x.md, "Section"`, and a bare
// `x.md` (which must be written as docs/x.md).
const grep = execFileSync(
  'git',
  [
    'grep',
    '--untracked',
    '-nE',
    '[A-Za-z-]+\\.md',
    '--',
    'packages',
    'demo',
    'e2e',
    'bench',
    'scripts',
    ':!*.md',
    ':!*.json',
  ],
  { encoding: 'utf8' },
);
const reference =
  /(?<![\w/.-])((?:\.\.\/)*(?:docs\/)?([a-z][a-z0-9-]*)\.md)(#[a-z0-9-]+)?(?:,\s*["“]([^"”]+)["”])?/g;
for (const line of grep.split('\n').filter(Boolean)) {
  const [file, lineNumber, ...rest] = line.split(':');
  if (file === 'scripts/check-doc-refs.mjs') continue;
  for (const [whole, path, name, hash, section] of rest.join(':').matchAll(reference)) {
    if (name === 'readme' || name === 'changelog') continue;
    const where = `${file}:${lineNumber}: ${whole}`;
    const target = path.startsWith('docs/') ? path : `docs/${name}.md`;
    const found = doc(target);
    if (!found) problems.push(`${where}: there is no ${target}`);
    else if (!path.startsWith('docs/')) problems.push(`${where}: write it as ${target}`);
    if (found && hash && !found.anchors.has(hash.slice(1)))
      problems.push(`${where}: ${target} has no section ${hash}`);
    if (found && section && !found.text.includes(section.toLowerCase()))
      problems.push(`${where}: ${target} has no "${section}"`);
  }
}

// Relative links in the maintainers' and users' pages.
const pages = [
  'README.md',
  'bench/README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  ...['sdk', 'widget', 'receiver'].map((name) => `packages/${name}/README.md`),
].filter((file) => existsSync(file));
for (const page of pages) {
  for (const [whole, target, hash] of readFileSync(page, 'utf8').matchAll(/\]\(([^)\s#]*)(#[^)\s]+)?\)/g)) {
    if (/^[a-z]+:/.test(target)) continue;
    const file = target ? normalize(join(dirname(page), target)) : page;
    if (!existsSync(file)) problems.push(`${page}: ${whole}: there is no ${file}`);
    else if (hash && file.endsWith('.md') && !doc(file).anchors.has(hash.slice(1)))
      problems.push(`${page}: ${whole}: ${file} has no section ${hash}`);
  }
}

if (problems.length) {
  console.error(`${problems.length} doc reference(s) point nowhere:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('doc references: every one points at a section in docs/');
