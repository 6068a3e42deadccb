import { closeSync, constants, lstatSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeFileAtomically } from './atomic-write';
import { OutsideOwnedFolderError } from './owned-folders';
import { callerPath } from './paths';

/** How much of an existing file is read to tell whether an earlier run of ours wrote it. */
const SNIFF_BYTES = 64 * 1024;

export interface OutputFile {
  /** The resolved path. */
  readonly path: string;
  /** Writes the output, atomically. */
  write(content: string): void;
}

function firstBytes(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, SNIFF_BYTES, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * A file a person named on the command line for a command's output (`--out`, `--full`): checked
 * before the command does its work, so a mistake costs nothing. It may be a new file in an existing
 * folder, or a regular file that an earlier run of the same command wrote (`isOurs` recognizes
 * it); anything else (an environment file, a source file, a folder, a link, a device) is refused
 * with a usage error and left untouched.
 */
export function outputFile(
  given: string,
  what: string,
  isOurs: (start: string) => boolean,
  /** @default - the caller's folder (`callerPath`) */
  cwd?: string,
): OutputFile {
  const path = cwd === undefined ? callerPath(given) : resolve(cwd, given);
  const refuse = (why: string) =>
    new OutsideOwnedFolderError(`refusing to write the ${what} to ${given}: ${why}; nothing was written`);
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    stat = undefined;
  }
  if (stat === undefined) {
    try {
      if (!lstatSync(dirname(path)).isDirectory()) throw new Error('not a folder');
    } catch {
      throw refuse(`its folder ${dirname(given) || '.'} does not exist`);
    }
  } else if (stat.isSymbolicLink()) {
    throw refuse('it is a symbolic link (the write would land wherever it points)');
  } else if (!stat.isFile()) {
    throw refuse(stat.isDirectory() ? 'it is a folder' : 'it is not a regular file');
  } else if (!isOurs(firstBytes(path))) {
    throw refuse(
      `it exists and is not a ${what} written earlier, so it may be something else; remove it first or choose a new name`,
    );
  }
  return { path, write: (content) => writeFileAtomically(path, content) };
}
