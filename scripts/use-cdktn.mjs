#!/usr/bin/env node
// Switches a checkout of this project from cdktf 0.21 to its maintained fork, cdktn 0.24 (or back,
// with --undo), by editing package.json; `npm install --legacy-peer-deps` then installs it. The CLI
// becomes cdktn-cli 0.24 where Node can run it (22.19 or later), else cdktf-cli 0.21 stays: it drives
// any app, cdktn's included (--cli cdktn or --cli cdktf decides instead). See docs/cdktn.md.
import console from 'node:console';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';

/**
 * Every entry that differs between the two cores, as [cdktf 0.21, cdktn 0.24]: `[name, version]`,
 * or `undefined` where the entry is absent. Anything else in package.json stays as it is.
 */
const CORE = [
  // The fork under the old name: every `import ... from 'cdktf'` (ours and @cdktf/provider-aws's) gets it.
  ['dependencies', ['cdktf', '0.21.0'], ['cdktf', 'npm:cdktn@0.24.0']],
  // cdktn 0.24 asks for constructs >=10.6.0 <10.8.0.
  ['dependencies', ['constructs', '10.4.2'], ['constructs', '10.7.2']],
  // @cdktf/provider-aws 20.1.0 (hashicorp/aws 5.100.0) then resolves its own `cdktf` to the same core.
  ['overrides', undefined, ['cdktf', '$cdktf']],
];

/** The fork's CLI in place of cdktf's: it installs a `cdktn` binary and reads the same cdktf.json. */
const CLI = ['devDependencies', ['cdktf-cli', '0.21.0'], ['cdktn-cli', '0.24.0']];
/** cdktn-cli 0.24 declares Node >=22.19 and fails on Node 20 (`util.markAsUncloneable is not a function`). */
const CDKTN_CLI_NODE = [22, 19];

const USAGE = `usage: node scripts/use-cdktn.mjs [--undo] [--cli cdktn|cdktf] [project folder]   (default: the current folder)

Edits the folder's package.json to use cdktn 0.24 instead of cdktf 0.21 (--undo: back to cdktf
0.21), then says what to run. The CLI becomes cdktn-cli 0.24 on Node 22.19 or later, else
cdktf-cli 0.21 stays (--cli decides instead). Changes nothing unless package.json is the shipped
one, or already switched.`;

const nodeRunsCdktnCli = () => {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return major > CDKTN_CLI_NODE[0] || (major === CDKTN_CLI_NODE[0] && minor >= CDKTN_CLI_NODE[1]);
};

const describe = (entry) => (entry === undefined ? 'absent' : `"${entry[0]}": "${entry[1]}"`);

function main(args) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const undo = args.includes('--undo');
  const cliAt = args.indexOf('--cli');
  const cli = cliAt === -1 ? undefined : args[cliAt + 1];
  const folders = args.filter((a, i) => a !== '--undo' && i !== cliAt && (cliAt === -1 || i !== cliAt + 1));
  if (
    folders.length > 1 ||
    folders.some((a) => a.startsWith('-')) ||
    (cliAt !== -1 && !['cdktn', 'cdktf'].includes(cli))
  ) {
    console.error(`unexpected arguments: ${args.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const file = join(resolve(folders[0] ?? '.'), 'package.json');
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: cannot read it as JSON (${error.code ?? error.message})`);
    return 1;
  }
  const [from, to] = undo ? [2, 1] : [1, 2];
  // Back to cdktf: its CLI returns if cdktn's is there. To cdktn: the CLI Node can run, unless told.
  const switchCli = undo
    ? pkg.devDependencies?.['cdktn-cli'] !== undefined
    : (cli ?? (nodeRunsCdktnCli() ? 'cdktn' : 'cdktf')) === 'cdktn';
  const ENTRIES = switchCli ? [...CORE, CLI] : CORE;
  const target = undo ? 'cdktf 0.21.0' : 'cdktn 0.24.0';
  const has = (section, entry) => (entry === undefined ? true : pkg[section]?.[entry[0]] === entry[1]);
  const hasNo = (section, entry, other) =>
    entry === undefined ? pkg[section]?.[other[0]] === undefined : has(section, entry);
  if (ENTRIES.every((e) => hasNo(e[0], e[to], e[from]))) {
    console.log(`${file}: already on ${target}; nothing changed`);
    return 0;
  }
  // Every entry is checked before any is changed: a package.json that is neither this project's as
  // shipped nor switched is left alone, with what differs.
  const unexpected = ENTRIES.filter((e) => !hasNo(e[0], e[from], e[to])).map(
    (e) => `${e[0]}: expected ${describe(e[from])}, found ${JSON.stringify(pkg[e[0]]?.[(e[from] ?? e[to])[0]])}`,
  );
  if (unexpected.length > 0) {
    console.error(`${file}: not switched, it is not the package.json this script knows:\n  ${unexpected.join('\n  ')}`);
    return 1;
  }
  for (const entry of ENTRIES) {
    const [section, before, after] = [entry[0], entry[from], entry[to]];
    // In place, in the same order, so that the diff shows only what changed.
    const entries = Object.entries(pkg[section] ?? {}).flatMap(([name, value]) =>
      before !== undefined && name === before[0] ? (after === undefined ? [] : [after]) : [[name, value]],
    );
    if (before === undefined) entries.push(after);
    if (entries.length > 0) pkg[section] = Object.fromEntries(entries);
    else delete pkg[section];
  }
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  const kept =
    !undo && !switchCli
      ? `, keeping cdktf-cli 0.21 as the CLI (cdktn-cli needs Node ${CDKTN_CLI_NODE.join('.')} or later)`
      : '';
  console.log(`${file}: switched to ${target}${kept}; now run: npm install${undo ? '' : ' --legacy-peer-deps'}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
