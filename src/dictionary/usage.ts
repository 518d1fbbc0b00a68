// Where an entry of the dictionary is in use: the records storing its 条目, per 类别.
import type { Tx } from '../db/client';
import { LEVEL_TYPE, REGION_TYPE } from '../customers/queries';
import { SERVICE_TYPE } from '../service/queries';

interface Use {
  count(tx: Tx, item: string): Promise<number>;
  /** the refusal, e.g. 已有 12 个客户使用该地区 */
  describe(count: number): string;
}

const USES: Record<string, Use[]> = {
  [REGION_TYPE]: [
    { count: (tx, item) => tx.customer.count({ where: { region: item } }), describe: (n) => `已有 ${n} 个客户使用该地区` },
  ],
  [LEVEL_TYPE]: [
    { count: (tx, item) => tx.customer.count({ where: { level: item } }), describe: (n) => `已有 ${n} 个客户使用该客户等级` },
  ],
  [SERVICE_TYPE]: [
    {
      count: (tx, item) => tx.serviceTicket.count({ where: { type: item } }),
      describe: (n) => `已有 ${n} 张服务单使用该服务类型`,
    },
  ],
};

/** Where the entry is used, in words; null when no record uses it. */
export async function entryUse(tx: Tx, entry: { type: string; item: string }): Promise<string | null> {
  const uses = [];
  for (const use of USES[entry.type] ?? []) {
    const count = await use.count(tx, entry.item);
    if (count > 0) uses.push(use.describe(count));
  }
  return uses.length > 0 ? uses.join('，') : null;
}
