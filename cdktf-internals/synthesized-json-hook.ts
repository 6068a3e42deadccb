import { AnnotationMetadataEntryType, App, type ISynthesisSession, type TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { type InstalledCore, installedCore, keepCoreBehaviour, privateModule } from './installed-core';

/** A stack's Terraform JSON as the core writes it to `cdk.tf.json`. */
export type TerraformJson = Record<string, unknown>;

type AddCustomSynthesis = (
  construct: IConstruct,
  synthesis: { onSynthesize(session: ISynthesisSession): void },
) => void;

/** The hook both known cores' `addCustomSynthesis` set, for a core that no longer exports it. */
const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');
const setCustomSynthesis: AddCustomSynthesis = (construct, synthesis) =>
  Object.defineProperty(construct, CUSTOM_SYNTHESIS, { value: synthesis, enumerable: false });

const hasErrorAnnotations = (stack: TerraformStack) =>
  stack.node.findAll().some((c) => c.node.metadata.some((m) => m.type === AnnotationMetadataEntryType.ERROR));

/** The next `toTerraform()` call gets this JSON instead of resolving every token of the stack again. */
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
 * Calls `inspect` with the stack's Terraform JSON at every synth, after every Aspect and
 * validation has run and just before the synthesizer collects annotations, so annotations it adds
 * are reported (and errors fail synth) as if an Aspect had added them. The JSON is resolved once:
 * the synthesizer writes the same object that was inspected. Where it would not write it next
 * (HCL output, an error annotation that stops synth, a synthesizer not known to), nothing is lent
 * and the synthesizer resolves the stack itself.
 */
export function inspectSynthesizedJson(
  stack: TerraformStack,
  inspect: (json: TerraformJson) => void,
  core: InstalledCore = installedCore(),
): void {
  const add =
    privateModule<{ addCustomSynthesis?: AddCustomSynthesis }>('cdktf/lib/synthesize/synthesizer')
      ?.addCustomSynthesis ?? setCustomSynthesis;
  add(stack, {
    onSynthesize: () => {
      const json = stack.toTerraform() as TerraformJson;
      inspect(json);
      if (App.of(stack).hclOutput || hasErrorAnnotations(stack)) return;
      // The known cores' synthesizers (and the collecting one, which follows them) run custom
      // synthesis, collect annotations, then resolve the stack: nothing in between changes the tree.
      if (core.known !== undefined) lendToSynthesizer(stack, json);
      else keepCoreBehaviour('toTerraform lending', core, 'its synthesizer is not known to resolve the stack next');
    },
  });
}
