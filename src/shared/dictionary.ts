// The data dictionary (数据字典) as the business forms read it: the items of one
// type, in their sort order. Customers take their 地区 and 客户等级 from it,
// service tickets their 服务类型.
import type { Tx } from '../db/client';
import { keptRead } from '../db/kept-reads';

/** The items of one dictionary type, in their order (kept while the dictionary is unchanged: nearly every form and search reads them). */
export function dictionaryItems(db: Tx, type: string): Promise<string[]> {
  return keptRead(db, ['DictionaryEntry'], `dictionary:${type}`, async () => {
    const entries = await db.dictionaryEntry.findMany({
      where: { type },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      select: { item: true },
    });
    return entries.map((entry) => entry.item);
  });
}
