import { AnnotationMetadataEntryType, App, type TerraformStack } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';

/** A stack's Terraform JSON as cdktf writes it to `cdk.tf.json`. */
export type TerraformJson = Record<string, unknown>;

type Check = (json: TerraformJson) => void;

const checksByStack = new WeakMap<TerraformStack, Map<object, Check>>();

const hasErrorAnnotations = (stack: TerraformStack) =>
  stack.node.findAll().some((c) => c.node.metadata.some((m) => m.type === AnnotationMetadataEntryType.ERROR));

/**
 * cdktf's synthesizer calls `toTerraform()` next, with nothing in between that can change the
 * tree; the next call gets this JSON instead of resolving every token of the stack again.
 */
function lendToSynthesizer(stack: TerraformStack, json: TerraformJson): void {
  Object.defineProperty(stack, 'toTerraform', {
    configurable: true,
    value: () => {
      Reflect.deleteProperty(stack, 'toTerraform');
      return json;
    },
  });
}

/**
 * Runs `check` (one per `owner`) on the stack's Terraform JSON at every synth, after every Aspect
 * and validation has run and just before cdktf collects annotations, so annotations the check adds
 * are reported (and errors fail synth) as if an Aspect had added them. The JSON is resolved once:
 * cdktf writes the same object that was checked. Where cdktf would not write it next (HCL output,
 * or an error annotation that stops synth), nothing is lent and cdktf resolves the stack itself.
 */
export function checkSynthesizedJson(stack: TerraformStack, owner: object, check: Check): void {
  let checks = checksByStack.get(stack);
  if (checks === undefined) {
    const registered = new Map<object, Check>();
    checks = registered;
    checksByStack.set(stack, registered);
    addCustomSynthesis(stack, {
      onSynthesize: () => {
        const json = stack.toTerraform() as TerraformJson;
        for (const run of registered.values()) run(json);
        if (!App.of(stack).hclOutput && !hasErrorAnnotations(stack)) lendToSynthesizer(stack, json);
      },
    });
  }
  checks.set(owner, check);
}
