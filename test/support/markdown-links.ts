import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** A relative link of a Markdown file, outside code. */
export interface MarkdownLink {
  readonly file: string;
  readonly line: number;
  readonly target: string;
}

/** The lines of `text` outside fenced code blocks, with their numbers; inline code removed. */
function proseLines(text: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let fence: string | undefined;
  text.split('\n').forEach((line, index) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined) {
      if (fence === undefined) fence = marker;
      else if (line.trim() === fence) fence = undefined;
      return;
    }
    if (fence === undefined) lines.push({ line: index + 1, text: line.replace(/`[^`]*`/g, '') });
  });
  return lines;
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor the headings of a Markdown file define (repeated headings get `-1`, `-2`…, as on GitHub). */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const prose = new Set(proseLines(text).map((p) => p.line));
  const headings = text
    .split('\n')
    .filter((_, i) => prose.has(i + 1))
    .map((line) => /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1])
    .filter((heading): heading is string => heading !== undefined);
  for (const heading of headings) {
    const base = headingAnchor(heading);
    const count = seen.get(base) ?? 0;
    anchors.add(count === 0 ? base : `${base}-${count}`);
    seen.set(base, count + 1);
  }
  return anchors;
}

/** The relative links (`[text](target)`) of a Markdown file: no URLs, nothing inside code. */
export function relativeLinks(file: string): MarkdownLink[] {
  return proseLines(readFileSync(file, 'utf8')).flatMap(({ line, text }) =>
    [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
      .map((match) => match[1])
      .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
      .map((target) => ({ file, line, target })),
  );
}

/**
 * Why a link does not resolve, or `undefined` when it does: its file must exist, and an anchor into
 * a Markdown file must be one of its headings. `mayBeMissing` says which absent files are accepted
 * (pages written elsewhere that are not there yet); links to them are not checked further.
 */
export function brokenLink(link: MarkdownLink, mayBeMissing: (path: string) => boolean): string | undefined {
  const [path, anchor] = link.target.split('#', 2);
  const target = path === '' ? link.file : resolve(dirname(link.file), decodeURIComponent(path));
  const where = `${link.file}:${link.line}: ${link.target}`;
  if (!existsSync(target)) return mayBeMissing(target) ? undefined : `${where}: no file ${target}`;
  if (anchor === undefined || !target.endsWith('.md') || statSync(target).isDirectory()) return undefined;
  if (anchorsOf(readFileSync(target, 'utf8')).has(anchor)) return undefined;
  return `${where}: ${relative(dirname(link.file), target) || 'this file'} has no heading #${anchor}`;
}
