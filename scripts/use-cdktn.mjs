#!/usr/bin/env node
// Switches a checkout of this project from cdktf 0.21 to its maintained fork, cdktn 0.24, by
// editing package.json (see docs/cdktn.md); `npm install --legacy-peer-deps` then installs it.
// usage: node scripts/use-cdktn.mjs [project folder]   (default: the current folder)
import console from 'node:console';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';

/** Exactly what changes, and from what: anything else in package.json stays as it is. */
const SWITCH = {
  dependencies: {
    // The fork under the old name: every `import ... from 'cdktf'` (ours and @cdktf/provider-aws's) gets it.
    cdktf: { from: '0.21.0', to: 'npm:cdktn@0.24.0' },
    // cdktn 0.24 asks for constructs >=10.6.0 <10.8.0.
    constructs: { from: '10.4.2', to: '10.7.2' },
  },
  devDependencies: {
    // The fork's CLI, in place of cdktf's; it installs a `cdktn` binary and reads the same cdktf.json.
    'cdktf-cli': { from: '0.21.0', to: '0.24.0', as: 'cdktn-cli' },
  },
  // @cdktf/provider-aws 20.1.0 (hashicorp/aws 5.100.0) resolves its own `cdktf` to the same core.
  overrides: { cdktf: { from: undefined, to: '$cdktf' } },
};

const usage = 'usage: node scripts/use-cdktn.mjs [project folder]';

function main(args) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(
      `${usage}\n\nEdits the folder's package.json to use cdktn 0.24 instead of cdktf 0.21 (see docs/cdktn.md).`,
    );
    return 0;
  }
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
    console.error(`unexpected arguments: ${args.join(' ')}\n${usage}`);
    return 2;
  }
  const file = join(resolve(args[0] ?? '.'), 'package.json');
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot read it (${error.code ?? error.message})`);
    return 1;
  }
  const pkg = JSON.parse(text);
  if (pkg.dependencies?.cdktf === SWITCH.dependencies.cdktf.to) {
    console.log(`${file}: already on cdktn; nothing changed`);
    return 0;
  }
  // Every change is checked before any is made: a package.json that is not this project's as
  // shipped is left alone, with what differs.
  const unexpected = Object.entries(SWITCH).flatMap(([section, entries]) =>
    Object.entries(entries)
      .filter(([name, { from }]) => pkg[section]?.[name] !== from)
      .map(
        ([name, { from }]) =>
          `${section}.${name} is ${JSON.stringify(pkg[section]?.[name])}, expected ${JSON.stringify(from)}`,
      ),
  );
  if (unexpected.length > 0) {
    console.error(
      `${file}: not switched, it differs from the package.json this script knows:\n  ${unexpected.join('\n  ')}`,
    );
    return 1;
  }
  for (const [section, entries] of Object.entries(SWITCH)) {
    // In place, in the same order, so the diff shows only what changed.
    const kept = Object.entries(pkg[section] ?? {}).map(([name, value]) =>
      entries[name] === undefined ? [name, value] : [entries[name].as ?? name, entries[name].to],
    );
    const added = Object.entries(entries)
      .filter(([name]) => pkg[section]?.[name] === undefined)
      .map(([name, { to }]) => [name, to]);
    pkg[section] = Object.fromEntries([...kept, ...added]);
  }
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(`${file}: switched to cdktn 0.24.0; now run: npm install --legacy-peer-deps`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
