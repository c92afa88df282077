/**
 * Finds texts present in one language and missing (or of another kind) in another: the run-time
 * twin of the type check, for the tests and for content loaded from anywhere else.
 */

/**
 * Paths ("backprop.story") that `reference` has and `candidate` lacks, holds as another kind
 * (text vs template vs group), or leaves empty; plus paths only `candidate` has.
 * @example missingTranslations({ a: 'x', b: 'y' }, { a: 'x' }) // ['b']
 */
export function missingTranslations(reference: unknown, candidate: unknown, path = ''): string[] {
  const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  if (kind(reference) !== kind(candidate)) return [path || '(root)'];
  if (typeof reference === 'string') return (candidate as string).trim() === '' ? [path] : [];
  if (kind(reference) !== 'object') return [];
  const ref = reference as Record<string, unknown>;
  const cand = candidate as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(ref)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in cand)) problems.push(at);
    else problems.push(...missingTranslations(ref[key], cand[key], at));
  }
  for (const key of Object.keys(cand)) if (!(key in ref)) problems.push(`${path ? `${path}.` : ''}${key} (extra)`);
  return problems;
}
