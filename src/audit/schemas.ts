// The search of the 审计日志 page.
import { z } from 'zod';
import { MAX_ID, optionalDay, optionalText, optionalWholeNumber } from '../shared/form';

export const auditSearch = z.object({
  userId: optionalWholeNumber('用户', 1, MAX_ID),
  entity: optionalText('记录类型', 50),
  record: optionalText('记录编号或名称', 100),
  action: optionalText('操作', 30),
  from: optionalDay('开始日期'),
  to: optionalDay('结束日期'),
});
export type AuditSearch = z.output<typeof auditSearch>;
