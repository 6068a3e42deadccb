import {
  AnnotationMetadataEntryType,
  type IStackSynthesizer,
  type ISynthesisSession,
  type TerraformStack,
} from 'cdktf';
import { encounteredAnnotationWithLevelError } from 'cdktf/lib/errors';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { ValidateTerraformVersion } from 'cdktf/lib/validations/validate-terraform-version';
import { ConstructOrder, type IConstruct } from 'constructs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';

/** cdktf's own serializer (sorted keys, two spaces), so files read exactly as cdktf writes them. */
const stringify = createRequire(require.resolve('cdktf'))('json-stable-stringify') as (
  value: unknown,
  options: { space: number },
) => string;

/** The hook cdktf's `addCustomSynthesis` sets on a construct (cdktf keeps the getter private). */
const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');
type WithCustomSynthesis = { [CUSTOM_SYNTHESIS]?: { onSynthesize(session: ISynthesisSession): void } };

const ANNOTATION_LEVELS: string[] = [
  AnnotationMetadataEntryType.INFO,
  AnnotationMetadataEntryType.WARN,
  AnnotationMetadataEntryType.ERROR,
];

/** A stack's synthesized files, by path relative to its stack folder. */
export type StackFiles = Map<string, string>;

/**
 * cdktf 0.21's stack synthesizer, step for step (Aspects, validations, custom synthesis,
 * annotations into the manifest, stop on error annotations unless the cdktf CLI asks to go on,
 * then the JSON or HCL), except that it hands the files to `collect` instead of writing them.
 * The synth pipeline writes them itself, into the output folder, and only those that changed:
 * creating hundreds of files in a fresh folder on every run costs more than synthesizing them.
 * This app uses no assets, the one cdktf feature that writes into the stack folder itself.
 */
export class CollectingSynthesizer implements IStackSynthesizer {
  private readonly continueOnErrorAnnotations = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined;
  private readonly hclOutput = process.env.SYNTH_HCL_OUTPUT === 'true' || process.env.SYNTH_HCL_OUTPUT === '1';

  constructor(
    private readonly stack: TerraformStack,
    private readonly collect: (stack: string, files: StackFiles) => void,
  ) {}

  synthesize(session: ISynthesisSession): void {
    const stack = this.stack;
    invokeAspects(stack);
    if (stack.hasResourceMove()) {
      stack.node.addValidation(
        new ValidateTerraformVersion(
          '>=1.5',
          'Resource move functionality is only supported for Terraform >=1.5. Please upgrade your Terraform version.',
        ),
      );
    }
    if (!session.skipValidation) stack.runAllValidations();
    const stackManifest = session.manifest.forStack(stack);

    for (const node of stack.node.findAll(ConstructOrder.POSTORDER)) {
      (node as IConstruct & WithCustomSynthesis)[CUSTOM_SYNTHESIS]?.onSynthesize(session);
    }

    const annotations = stack.node.findAll().flatMap((node) =>
      node.node.metadata
        .filter((m) => ANNOTATION_LEVELS.includes(m.type))
        .map((m) => ({
          constructPath: node.node.path,
          level: m.type as AnnotationMetadataEntryType,
          message: m.data as string,
          stacktrace: m.trace,
        })),
    );
    // cdktf's manifest type marks annotations readonly; its synthesizer fills them in here too.
    (stackManifest as { annotations: typeof annotations }).annotations = annotations;
    const errors = annotations.filter((a) => a.level === AnnotationMetadataEntryType.ERROR);
    if (!this.continueOnErrorAnnotations && errors.length > 0) {
      throw encounteredAnnotationWithLevelError(errors.map((a) => `[${a.constructPath}] ${a.message}`).join('\n'));
    }

    const inStackFolder = (path: string) => relative(stackManifest.workingDirectory, path);
    if (this.hclOutput) {
      const hcl = stack.toHclTerraform();
      this.collect(
        stackManifest.name,
        new Map([
          [inStackFolder(stackManifest.synthesizedStackPath), hcl.hcl],
          [inStackFolder(stackManifest.stackMetadataPath), stringify(hcl.metadata, { space: 2 })],
        ]),
      );
      return;
    }
    this.collect(
      stackManifest.name,
      new Map([[inStackFolder(stackManifest.synthesizedStackPath), stringify(stack.toTerraform(), { space: 2 })]]),
    );
  }
}
