// The form field builders: whatever the browser (or a hand-made request) sends,
// the answer is a message in Chinese naming the field, never zod's English.
import { z } from 'zod';
import { optionalAmount, optionalDay, optionalText, parseForm, requiredChoice, requiredText, wholeNumber } from '../../src/shared/form';

const schema = z.object({
  name: requiredText('客户名称', 10),
  note: optionalText('备注', 10),
  rate: wholeNumber('成功几率', 0, 100),
  amount: optionalAmount('注册资金'),
  day: optionalDay('日期'),
  gender: requiredChoice('性别', ['男', '女'] as const),
});

const valid = { name: '甲', rate: '50', gender: '男' };
const messageFor = (input: Record<string, unknown>) => {
  const result = parseForm(schema, input);
  return result.ok ? null : result.error.message;
};

test('missing required fields are named together', () => {
  expect(messageFor({})).toBe('必填信息不完全：客户名称、成功几率、性别');
});

test('a field sent twice (an array) is a format error naming the field, not a missing one', () => {
  expect(messageFor({ ...valid, name: ['a', 'b'] })).toBe('客户名称格式有误');
  expect(messageFor({ ...valid, note: ['a', 'b'] })).toBe('备注格式有误');
  expect(messageFor({ ...valid, amount: ['1', '2'] })).toBe('注册资金格式有误');
  expect(messageFor({ ...valid, day: ['2011-7-1', '2011-7-2'] })).toBe('日期格式有误');
  expect(messageFor({ ...valid, gender: ['男', '女'] })).toBe('性别格式有误');
});

test('numbers are plain decimals: no exponent, hex or Infinity', () => {
  expect(messageFor({ ...valid, rate: '100' })).toBeNull();
  expect(messageFor({ ...valid, rate: ' 7 ' })).toBeNull();
  for (const rate of ['1e2', '0x10', 'Infinity', '５０', '50%']) {
    expect(messageFor({ ...valid, rate })).toBe('成功几率必须是数字');
  }
  expect(messageFor({ ...valid, rate: '50.5' })).toBe('成功几率必须是 0–100 的整数');
});

test('whatever zod says on its own is in Chinese', () => {
  const result = z.object({ n: z.number() }).safeParse({ n: 'x' });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0].message).toMatch(/[\u4e00-\u9fa5]/);
});
