import { Annotations, type IAspect, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { PolicyRule } from './rule';
import { POLICY_RULES } from './rules';
import { stackResources } from './stack-resources';
import { type DeclaredSuppression, suppressionFor, suppressionsIn } from './suppressions';
import { checkSynthesizedJson, type TerraformJson } from './synthesized-json';

/**
 * Fails synth when the synthesized Terraform breaks a policy rule: every finding becomes an error
 * annotation on the offending construct, naming its path, the rule and how to fix it. Suppressed
 * findings become info annotations that carry the reason; a suppression that matched no finding (or
 * names no known rule) is an error too, like a stale checkov exception. Applied as an Aspect; the
 * rules run on the very JSON cdktf writes, after every other Aspect has had its say.
 */
export class PolicyChecks implements IAspect {
  constructor(private readonly rules: readonly PolicyRule[] = POLICY_RULES) {}

  visit(node: IConstruct): void {
    if (node instanceof TerraformStack) checkSynthesizedJson(node, this, (json) => this.check(node, json));
  }

  private check(stack: TerraformStack, json: TerraformJson): void {
    const resources = stackResources(json);
    const constructs = new Map(stack.node.findAll().map((c) => [c.node.path, c]));
    const usedKey = (s: DeclaredSuppression) => `${s.scope.node.path}\u0000${s.ruleId}`;
    const usedKeys = new Set<string>();

    for (const rule of this.rules) {
      for (const finding of rule.check(resources)) {
        // cdktf's metadata path is relative to the app; construct paths include it too.
        const construct = constructs.get(finding.resource.path) ?? stack;
        const suppression = suppressionFor(construct, rule.id);
        const where = `${finding.resource.path} (${finding.resource.address})`;
        if (suppression) {
          usedKeys.add(usedKey(suppression));
          Annotations.of(construct).addInfo(`[${rule.id} ${rule.name}] suppressed on ${where}: ${suppression.reason}`);
        } else {
          Annotations.of(construct).addError(
            `[${rule.id} ${rule.name}] ${where}: ${finding.detail}. ${rule.explanation}`,
          );
        }
      }
    }
    this.reportStale(suppressionsIn(stack).filter((s) => !usedKeys.has(usedKey(s))));
  }

  private reportStale(stale: readonly DeclaredSuppression[]): void {
    for (const suppression of stale) {
      const rule = this.rules.find((r) => r.id === suppression.ruleId);
      const known = this.rules.map((r) => r.id).join(', ');
      Annotations.of(suppression.scope).addError(
        rule === undefined
          ? `[${suppression.ruleId}] suppression on ${suppression.scope.node.path} names no known policy rule (known: ${known}); correct the rule id or remove the suppression`
          : `[${rule.id} ${rule.name}] stale suppression on ${suppression.scope.node.path}: the rule finds nothing there any more, so the exception would silently hide the next real finding; remove the suppressPolicyRule call (its reason was: ${suppression.reason})`,
      );
    }
  }
}
