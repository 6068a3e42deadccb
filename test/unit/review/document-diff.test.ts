import { compareDocuments } from '../../../review/revision/document-diff';

const docs = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('handoff document changes', () => {
  it('lists the changed lines with where they start in the new document', () => {
    const before = ['# Sheet', 'a', 'b', 'c', 'd', 'e', ''].join('\n');
    const after = ['# Sheet', 'a', 'B', 'c', 'd', 'e', 'f', ''].join('\n');
    expect(compareDocuments(docs({ 'campaign-setup.md': before }), docs({ 'campaign-setup.md': after }))).toEqual([
      {
        file: 'campaign-setup.md',
        status: 'changed',
        hunks: [
          { oldStart: 3, newStart: 3, removed: ['b'], added: ['B'] },
          { oldStart: 7, newStart: 7, removed: [], added: ['f'] },
        ],
      },
    ]);
  });

  it('reports documents that appear or disappear, and nothing for identical ones', () => {
    const result = compareDocuments(docs({ same: 'x\n', gone: 'y\n' }), docs({ same: 'x\n', fresh: 'z\nw\n' }));
    expect(result.map((d) => [d.file, d.status, d.hunks.length])).toEqual([
      ['fresh', 'added', 1],
      ['gone', 'removed', 1],
    ]);
  });
});
