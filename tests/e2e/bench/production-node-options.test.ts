/**
 * `npm run bench` measures the assistant as it runs in production only if it starts node with the same options:
 * the heap caps and the V8 tiers decide its peak memory. Three places name them (npm start, the image's CMD, the
 * bench); this keeps them from drifting apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ASSISTANT_NODE_ARGS, REPO_ROOT } from '../../../scripts/bench/bot-process.js';

const nodeOptionsOf = (command: string[]): string[] => {
  const options: string[] = [];
  for (const word of command.slice(command.indexOf('node') + 1)) {
    if (!word.startsWith('--') || word === '--import') break;
    options.push(word);
  }
  return options;
};

it('npm start, the Docker image and the bench start node with the same options', () => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
  const cmd = /^CMD (\[.*\])$/m.exec(dockerfile);
  expect(cmd, 'the Dockerfile has an exec-form CMD').not.toBeNull();

  const fromStart = nodeOptionsOf(pkg.scripts.start.split(/\s+/));
  const fromImage = nodeOptionsOf(JSON.parse(cmd![1]!) as string[]);

  expect(fromStart).toEqual([...ASSISTANT_NODE_ARGS]);
  expect(fromImage).toEqual([...ASSISTANT_NODE_ARGS]);
});
