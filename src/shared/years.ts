// Calendar years of the reports' filters, in the server's local time (as dates are shown).

/** The dates of a year: from 1 January (inclusive) to the next 1 January (exclusive). */
export function yearPeriod(year: number): { from: Date; to: Date } {
  return { from: new Date(year, 0, 1), to: new Date(year + 1, 0, 1) };
}

/** The years from the first to the last date, latest first (the year choices of a form). */
export function yearsBetween(first: Date | null | undefined, last: Date | null | undefined): number[] {
  if (!first || !last) return [];
  const years: number[] = [];
  for (let year = last.getFullYear(); year >= first.getFullYear(); year--) years.push(year);
  return years;
}
