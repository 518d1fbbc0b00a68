// Names that must be unique without regard to case (用户名, 角色代码).

/**
 * Whether one of `candidates` is `text`, letters of either case alike. The two
 * databases compare text differently (SQLite's = keeps case, SQL Server's usual
 * collation ignores it), so callers read the candidates with Prisma's
 * `contains` and decide here.
 */
export function sameIgnoringCase(candidates: string[], text: string): boolean {
  const wanted = text.toLowerCase();
  return candidates.some((candidate) => candidate.toLowerCase() === wanted);
}
