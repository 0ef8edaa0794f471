/**
 * Answers remembered by their question: the same stations, classifiers and titles come back cable
 * after cable. Each map is emptied when it reaches `limit` entries, so a long build stays small.
 */
export function remembered<T>(answers: Map<string, T>, key: string, answer: (key: string) => T, limit = 20_000): T {
  let found = answers.get(key);
  if (found === undefined) {
    if (answers.size >= limit) answers.clear();
    found = answer(key);
    answers.set(key, found);
  }
  return found;
}
