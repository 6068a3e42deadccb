import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreCli } from '../../../cdktf-internals/core-cli';
import { installedCore } from '../../../cdktf-internals/installed-core';
import { PROJECT_DIR } from '../../support/run';
import { tempDir } from '../../support/temp';

/** A project folder whose `node_modules/.bin` holds these CLIs. */
function projectWith(...clis: string[]): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  for (const cli of clis) writeFileSync(join(dir, 'node_modules', '.bin', cli), '#!/bin/sh\n');
  return dir;
}

const family = installedCore().name === 'cdktn' ? 'cdktn' : 'cdktf';
const other = family === 'cdktn' ? 'cdktf' : 'cdktn';

describe(`the CLI run for the core (${installedCore().name} here)`, () => {
  it("is the core's own family when the project has it, even beside the other", () => {
    const dir = projectWith('cdktf', 'cdktn');
    expect(coreCli(dir)).toEqual({ name: family, bin: join(dir, 'node_modules', '.bin', family) });
  });

  it('is the other one when only that is installed (cdktf-cli drives a cdktn app on Node 20)', () => {
    const dir = projectWith(other);
    expect(coreCli(dir)).toEqual({ name: other, bin: join(dir, 'node_modules', '.bin', other) });
  });

  it("names the core's own when neither is installed, so that the error says what is missing", () => {
    const dir = projectWith();
    expect(coreCli(dir).name).toBe(family);
  });

  it('is, in this project, one that exists', () => {
    expect(['cdktf', 'cdktn']).toContain(coreCli(PROJECT_DIR).name);
    expect(existsSync(coreCli(PROJECT_DIR).bin)).toBe(true);
  });
});
