// The full validation, loaded lazily beside the first paint (docs/architecture.md#sizes). It must pass
// before any button acts. `checkWidgetConfig` has the rules and sentences of the SDK's zod schema
// without zod (a property test in the SDK holds the two together), so no zod reaches the browser.
import { checkWidgetConfig, configProblems } from '@messenger-optin/sdk';
import type { WidgetConfig } from '@messenger-optin/sdk';
import type { ConfigProblem } from './types.js';

export type ValidationResult = { ok: true; config: WidgetConfig } | { ok: false; problem: ConfigProblem };

export function validateConfig(raw: Record<string, unknown>): ValidationResult {
  const result = checkWidgetConfig(raw);
  if (result.ok) return { ok: true, config: result.config };
  const [first] = result.issues;
  return {
    ok: false,
    problem: {
      code: 'invalid-config',
      // One console error for all issues, each naming the attribute the site owner wrote.
      message: configProblems(result.issues),
      ...(first?.path ? { path: first.path } : {}),
    },
  };
}
