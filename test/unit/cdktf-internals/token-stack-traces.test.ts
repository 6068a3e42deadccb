import { Lazy } from 'cdktf';
import { installedCore } from '../../../cdktf-internals/installed-core';
import { skipTokenStackTraces } from '../../../cdktf-internals/token-stack-traces';

/** The stack trace the core recorded for a token made now, as every token of a stack gets one. */
const traceOfNewToken = () =>
  (Lazy.anyValue({ produce: () => 'value' }) as unknown as { creationStack: string[] }).creationStack;

describe('skipping token stack traces', () => {
  // In this order: the patch, once made, lasts for the rest of the file.
  it('on a core it does not know, keeps recording them and says so, once', () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const unknown = { name: 'cdktn', version: '0.99.0', known: undefined };
      skipTokenStackTraces(unknown);
      skipTokenStackTraces(unknown);
      expect(stderr.mock.calls.map(([line]) => line)).toEqual([
        "note: token stack traces: skipping them is not known to work on cdktn 0.99.0; using cdktn's own behaviour (see cdktf-internals/README.md)\n",
      ]);
    } finally {
      stderr.mockRestore();
    }
    expect(traceOfNewToken().length).toBeGreaterThan(0);
  });

  it(`on the installed core (${installedCore().name} ${installedCore().version}), really skips them`, () => {
    expect(installedCore().known).toBeDefined();
    expect(traceOfNewToken().length).toBeGreaterThan(0);
    skipTokenStackTraces();
    expect(traceOfNewToken()).toEqual([]);
  });
});
