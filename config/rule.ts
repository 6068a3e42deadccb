import type { z } from 'zod';

/**
 * Attaches a named rule to a schema: when `test` fails, the issue carries the rule id, so every
 * error a user sees says which rule was broken (see `problems.ts`).
 */
export function rule<T>(
  id: string,
  test: (value: T) => boolean,
  message: string | ((value: T) => string),
): (value: T, ctx: z.RefinementCtx) => void {
  return (value, ctx) => {
    if (!test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: typeof message === 'function' ? message(value) : message,
        params: { rule: id },
        input: value,
      });
    }
  };
}

/** Adds a cross-field issue at an exact path, with its rule id and the offending value. */
export function report(
  ctx: z.RefinementCtx,
  id: string,
  path: (string | number)[],
  input: unknown,
  message: string,
): void {
  ctx.addIssue({ code: 'custom', message, path, params: { rule: id }, input });
}
