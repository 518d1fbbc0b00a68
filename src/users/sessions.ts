// Ending a user's sessions (password reset, disable, delete). Sessions are rows
// of the Session table whose JSON data names the user as "userId":<id>.
import type { Tx } from '../db/client';

export async function endSessionsOf(tx: Tx, userId: number, exceptSid?: string): Promise<number> {
  const { count } = await tx.session.deleteMany({
    where: {
      OR: [{ data: { contains: `"userId":${userId},` } }, { data: { contains: `"userId":${userId}}` } }],
      ...(exceptSid ? { NOT: { sid: exceptSid } } : {}),
    },
  });
  return count;
}
