/**
 * Maps one item at a time, in order. Service work inside a transaction must not interleave: an audit entry reads the
 * last link and writes the next, and a nested savepoint released by one branch would release another's.
 */
export async function mapInOrder<T, R>(items: Iterable<T>, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let i = 0;
  for (const item of items) out.push(await fn(item, i++));
  return out;
}
