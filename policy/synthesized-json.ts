import type { TerraformStack } from 'cdktf';
import { inspectSynthesizedJson, type TerraformJson } from '../cdktf-internals/synthesized-json-hook';

export type { TerraformJson };

type Check = (json: TerraformJson) => void;

const checksByStack = new WeakMap<TerraformStack, Map<object, Check>>();

/**
 * Runs `check` (one per `owner`) on the stack's Terraform JSON at every synth, after every Aspect
 * and validation has run and just before the core collects annotations, so annotations the check
 * adds are reported (and errors fail synth) as if an Aspect had added them. The JSON is resolved
 * once: the core writes the same object that was checked (see `inspectSynthesizedJson`).
 */
export function checkSynthesizedJson(stack: TerraformStack, owner: object, check: Check): void {
  let checks = checksByStack.get(stack);
  if (checks === undefined) {
    const registered = new Map<object, Check>();
    checks = registered;
    checksByStack.set(stack, registered);
    inspectSynthesizedJson(stack, (json) => {
      for (const run of registered.values()) run(json);
    });
  }
  checks.set(owner, check);
}
