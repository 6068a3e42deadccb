import type { DocumentChange, DocumentHunk } from '../model';

/** Lines only in `a` (-1), in both (0) or only in `b` (+1), from a longest common subsequence. */
function lineDiff(a: readonly string[], b: readonly string[]): { op: -1 | 0 | 1; line: string }[] {
  // Common head and tail first: generated documents mostly change in a few places.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const lcs = Array.from({ length: midA.length + 1 }, () => new Uint32Array(midB.length + 1));
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: { op: -1 | 0 | 1; line: string }[] = a.slice(0, start).map((line) => ({ op: 0, line }));
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      ops.push({ op: 0, line: midA[i++] });
      j++;
    } else if (j < midB.length && (i === midA.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      ops.push({ op: 1, line: midB[j++] });
    } else {
      ops.push({ op: -1, line: midA[i++] });
    }
  }
  return [...ops, ...a.slice(endA).map((line) => ({ op: 0 as const, line }))];
}

/** Runs of changed lines, each with where it starts in either document. */
function hunks(a: readonly string[], b: readonly string[]): DocumentHunk[] {
  const result: DocumentHunk[] = [];
  let oldLine = 1;
  let newLine = 1;
  let current: { oldStart: number; newStart: number; removed: string[]; added: string[] } | undefined;
  for (const { op, line } of lineDiff(a, b)) {
    if (op === 0) {
      if (current !== undefined) result.push(current);
      current = undefined;
      oldLine++;
      newLine++;
      continue;
    }
    current ??= { oldStart: oldLine, newStart: newLine, removed: [], added: [] };
    if (op === -1) {
      current.removed.push(line);
      oldLine++;
    } else {
      current.added.push(line);
      newLine++;
    }
  }
  if (current !== undefined) result.push(current);
  return result;
}

const lines = (text: string) => text.replace(/\n$/, '').split('\n');

/** Which lines of each generated document change between two revisions. */
export function compareDocuments(
  before: ReadonlyMap<string, string> | undefined,
  after: ReadonlyMap<string, string> | undefined,
): DocumentChange[] {
  const files = [...new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])])].sort();
  return files.flatMap((file): DocumentChange[] => {
    const a = before?.get(file);
    const b = after?.get(file);
    if (a === b) return [];
    const status = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    return [{ file, status, hunks: hunks(a === undefined ? [] : lines(a), b === undefined ? [] : lines(b)) }];
  });
}
