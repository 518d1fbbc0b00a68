// Answers that cost a lot to compute and change only with the data they read,
// kept per question until the data's version changes, and at most a minute
// (for changes the version does not show). Used by the reports: the order
// aggregates (orders/aggregate-cache.ts) and the analyses of CRM records.

export const KEPT_MS = 60_000;
const KEPT_ANSWERS = 100;

interface Kept {
  version: string;
  at: number;
  answer: Promise<unknown>;
}

export interface KeptAnswers {
  /** the answer kept for this question and the data's current version, or `compute`'s */
  kept<T>(question: unknown, compute: () => Promise<T>): Promise<T>;
}

export function keptAnswers(version: () => Promise<unknown>, now: () => number = Date.now): KeptAnswers {
  const answers = new Map<string, Kept>();
  // Questions asked together (the dashboard's three order totals) share one reading of the version.
  let reading: Promise<string> | null = null;
  const currentVersion = () =>
    (reading ??= version()
      .then((value) => JSON.stringify(value))
      .finally(() => (reading = null)));
  return {
    async kept<T>(question: unknown, compute: () => Promise<T>): Promise<T> {
      const key = JSON.stringify(question);
      const current = await currentVersion();
      const known = answers.get(key);
      if (known && known.version === current && now() - known.at < KEPT_MS) return known.answer as Promise<T>;
      const answer = compute();
      answers.delete(key);
      answers.set(key, { version: current, at: now(), answer });
      if (answers.size > KEPT_ANSWERS) answers.delete(answers.keys().next().value as string);
      // A failed answer is not kept: the next question asks the database again.
      answer.catch(() => answers.get(key)?.answer === answer && answers.delete(key));
      return answer;
    },
  };
}
