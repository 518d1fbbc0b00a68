// The search of the 审计日志 page.
import { z } from 'zod';
import { optionalDay, optionalText } from '../shared/form';

const optionalId = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : Number(v)),
  z.number({ error: '请选择有效的用户' }).int('请选择有效的用户').positive('请选择有效的用户').optional(),
);

export const auditSearch = z.object({
  userId: optionalId,
  entity: optionalText('记录类型', 50),
  record: optionalText('记录编号或名称', 100),
  action: optionalText('操作', 30),
  from: optionalDay('开始日期'),
  to: optionalDay('结束日期'),
});
export type AuditSearch = z.output<typeof auditSearch>;
