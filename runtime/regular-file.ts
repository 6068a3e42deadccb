import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * Why a file was not read: it is missing or unreadable (`code`), not a regular file (`kind`: a
 * link where links are not followed, a FIFO, a device...), larger than allowed (`size`), or it
 * changed while being read.
 */
export type NotRead =
  | { readonly reason: 'unreadable'; readonly code: string }
  | { readonly reason: 'not-regular'; readonly kind: string }
  | { readonly reason: 'too-large'; readonly size: number }
  | { readonly reason: 'changed' };

export type RegularFile = { readonly ok: true; readonly bytes: Buffer } | ({ readonly ok: false } & NotRead);

/** How a person would name what is at a path that is not a regular file. */
export const kindOf = (stat: Stats) =>
  stat.isSymbolicLink()
    ? 'a symbolic link'
    : stat.isFIFO()
      ? 'a FIFO (named pipe)'
      : stat.isSocket()
        ? 'a socket'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : 'not a regular file';

/**
 * Reads a file a person or a pull request may have put anywhere, with bounded work: only a regular
 * file (checked on the open file, so a swap after any listing changes nothing), opened without
 * blocking (a FIFO would wait forever), through a link only with `followLinks`, and at most
 * `maxBytes`.
 */
export function readRegularFile(path: string, options: { maxBytes: number; followLinks?: boolean }): RegularFile {
  let fd: number;
  try {
    const noFollow = options.followLinks === true ? 0 : constants.O_NOFOLLOW;
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | noFollow);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return code === 'ELOOP'
      ? { ok: false, reason: 'not-regular', kind: 'a symbolic link' }
      : { ok: false, reason: 'unreadable', code };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-regular', kind: kindOf(stat) };
    if (stat.size > options.maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
    // One byte more than its size tells a file that grew since the check.
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (
      let read;
      length < buffer.length && (read = readSync(fd, buffer, length, buffer.length - length, null)) > 0;

    ) {
      length += read;
    }
    if (length > stat.size) return { ok: false, reason: 'changed' };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}
