// Money of order lines: summed in whole cents, shown with two decimals, so
// that a total never carries a floating-point error.

/** A decimal (Prisma Decimal, number or decimal string) in whole cents. */
export function cents(value: unknown): number {
  const amount = value === null || value === undefined || value === '' ? NaN : Number(String(value));
  if (!Number.isFinite(amount)) throw new Error(`无效的金额：${String(value)}`);
  return Math.round(amount * 100);
}

export function centsText(total: number): string {
  return (total / 100).toFixed(2);
}
