import { ZodError } from 'zod';

/** Commander hands options over camel-cased; the shared parameter schemas name them snake_case. */
export function snakeOptions(
  opts: Record<string, unknown>,
  skip: readonly string[] = ['json'],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(opts)
      .filter(([k, v]) => v !== undefined && !skip.includes(k))
      .map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
  );
}

/** A zod refusal as the CLI user reads it: each bad option by its flag. */
export function optionError(err: unknown): Error {
  if (!(err instanceof ZodError)) return err instanceof Error ? err : new Error(String(err));
  const lines = err.issues.map((i) => `--${String(i.path[0] ?? '').replaceAll('_', '-')}: ${i.message}`);
  return new Error(lines.join('; '));
}
