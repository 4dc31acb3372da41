import { parseDocument } from 'yaml';

export type YamlResult = { ok: true; value: unknown } | { ok: false; errors: string[] };

/**
 * YAML text to plain data, or one line per syntax error with where it is.
 * The yaml library appends the position and a code excerpt to its messages;
 * we keep the position in our own `line N, column M:` form and drop the
 * excerpt so each error stays one line.
 */
export function readYaml(text: string): YamlResult {
  // logLevel 'error': the library would otherwise print warnings to the process.
  const doc = parseDocument(text, { logLevel: 'error' });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => {
        const message = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
        const start = error.linePos?.[0];
        return start ? `line ${start.line}, column ${start.col}: ${message}` : message;
      }),
    };
  }
  try {
    return { ok: true, value: doc.toJS() };
  } catch (error) {
    // Aliases are only resolved here: an unknown anchor or an alias bomb throws.
    return { ok: false, errors: [`invalid YAML: ${describeThrown(error)}`] };
  }
}

// Not instanceof Error: a value thrown from another realm would fail that test.
function describeThrown(error: unknown): string {
  const message = typeof error === 'object' && error !== null && 'message' in error ? error.message : undefined;
  return typeof message === 'string' ? message : String(error);
}
