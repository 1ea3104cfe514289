// The README's Dashboard section shows each view from docs/screenshots/
// (written by `npm run screenshots`): every image it references must exist and
// stay small, so a renamed or forgotten file shows up here rather than as a
// broken picture on the project page.
import { readFile, stat } from 'node:fs/promises';
import { expect, it } from 'vitest';

const README = await readFile('README.md', 'utf8');
const section = README.slice(
  README.indexOf('\n## Dashboard\n'),
  README.indexOf('\n## ', README.indexOf('\n## Dashboard\n') + 1),
);
const images = [
  ...[...section.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1] as string),
  ...[...section.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1] as string),
];

it('shows one picture per view, each made by npm run screenshots', () => {
  expect(section).toContain('npm run screenshots');
  const names = images.map((image) => image.replace(/^docs\/screenshots\/|\.png$/g, ''));
  for (const view of ['compare', 'detail', 'screen', 'risk', 'correlation', 'holdings', 'alerts']) {
    expect(names).toContain(view);
  }
});

it('references only images that exist, each at most 200 KB', async () => {
  for (const image of images) {
    expect(image, image).toMatch(/^docs\/screenshots\/[\w-]+\.png$/);
    const { size } = await stat(image);
    expect(size, image).toBeLessThanOrEqual(200 * 1024);
  }
});
