/**
 * Every log line any harness of this test file wrote, as it left the app (after the scrubber), and
 * the secrets those apps were given. Jest loads modules afresh for each test file, so this covers
 * one file; harness.close() runs the same check on every file's harness.
 */
export const allLogLines: string[] = [];
export const usedSecrets = new Map<string, string>();

export function rememberSecrets(secrets: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(secrets)) if (value) usedSecrets.set(name, value);
}

/** The names (never the values) of the secrets that appear in the lines. */
export function leakedSecrets(lines: string[], secrets: Map<string, string> = usedSecrets): string[] {
  const all = lines.join('\n');
  return [...secrets].filter(([, value]) => all.includes(value)).map(([name]) => name);
}
