/**
 * Work over many files a few at a time: enough in flight to keep the disk busy, few enough that
 * the file table never fills. Results come back in the order of the items.
 */
export async function mapInBatches<T, R>(items: readonly T[], size: number, each: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(each))));
  return results;
}
