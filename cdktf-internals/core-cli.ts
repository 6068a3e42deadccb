import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { installedCore } from './installed-core';

export interface CoreCli {
  /** `cdktf` (the cdktf-cli package) or `cdktn` (cdktn-cli): the fork renamed its binary. */
  readonly name: 'cdktf' | 'cdktn';
  /** The project's own copy of it, as `npx <name>` would find it. */
  readonly bin: string;
}

/**
 * The CLI that plan, deploy, local, recover, the tests and the benchmark run: the one of the
 * installed core's family (`cdktn` with the fork), else whichever of the two the project has.
 * Both read the same cdktf.json, CDKTF_* variables and cdktf.out.
 */
export function coreCli(projectDir: string): CoreCli {
  const preferred = installedCore().name === 'cdktn' ? 'cdktn' : 'cdktf';
  const other = preferred === 'cdktn' ? 'cdktf' : 'cdktn';
  const bin = (name: string) => join(projectDir, 'node_modules', '.bin', name);
  // Neither installed: the preferred one, so that the error names what is missing.
  const name = existsSync(bin(preferred)) || !existsSync(bin(other)) ? preferred : other;
  return { name, bin: bin(name) };
}
