import { TerraformResource, Testing } from 'cdktf';
import { prepareWithoutResolving } from '../../../cdktf-internals/preparing-pass';
import { EnvironmentStack } from '../../../stacks/environment-stack';
import { environment } from '../../support/environment';

/** How many elements an environment stack's `prepare` resolves, and whether it then has a backend. */
async function prepared(prepare: (stack: EnvironmentStack) => void) {
  const stack = new EnvironmentStack(Testing.app(), { environment: await environment(), projectDir: '/project' });
  const resolve = jest.spyOn(TerraformResource.prototype, 'toTerraform');
  try {
    prepare(stack);
    return { resolved: resolve.mock.calls.length, backend: JSON.stringify(stack.toTerraform()).includes('"backend"') };
  } finally {
    resolve.mockRestore();
  }
}

describe("an environment stack's preparing pass", () => {
  it('resolves no element on the installed core, and still ensures the backend', async () => {
    expect(await prepared((stack) => stack.prepareStack())).toEqual({ resolved: 0, backend: true });
  });

  it("is the core's whole pass on a core it does not know, with a notice", async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const unknown = { name: 'cdktn', version: '0.30.0', known: undefined };
      const { resolved } = await prepared((stack) => prepareWithoutResolving(stack, unknown));
      expect(resolved).toBeGreaterThan(10);
      expect(stderr.mock.calls.map(([line]) => line)).toEqual([
        "note: preparing pass: what its preparing pass keeps is not known on cdktn 0.30.0; using cdktn's own behaviour (see cdktf-internals/README.md)\n",
      ]);
    } finally {
      stderr.mockRestore();
    }
  });
});
