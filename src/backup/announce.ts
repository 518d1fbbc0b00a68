// After a restore: a primary process running several workers (if any) is told
// that this one replaced the database, and restarts the others, which still
// hold the old file. A process of its own has no one to tell.
export const DATABASE_REPLACED = { type: 'crm:database-replaced' } as const;

export function announceDatabaseReplaced(): void {
  process.send?.(DATABASE_REPLACED);
}
