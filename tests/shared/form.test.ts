// The form field builders: whatever the browser (or a hand-made request) sends,
// the answer is a message in Chinese naming the field, never zod's English.
import { z } from 'zod';
import {
  optionalAmount,
  optionalDay,
  optionalText,
  parseDay,
  parseForm,
  requiredChoice,
  requiredText,
  strictNumber,
  strictWholeNumber,
  wholeNumber,
} from '../../src/shared/form';
import { pageNumber } from '../../src/shared/paging';

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

describe('strict parsing of request values', () => {
  test('only plain decimal text is a number', () => {
    expect(strictNumber('12')).toBe(12);
    expect(strictNumber(' 2.5 ')).toBe(2.5);
    expect(Object.is(strictNumber('-0'), 0)).toBe(true);
    for (const text of ['1e309', '1e2', '0x10', 'Infinity', 'NaN', '', ' ', '12abc', '１２', '1,000', '9'.repeat(16)]) {
      expect([text, strictNumber(text)]).toEqual([text, NaN]);
    }
    expect(strictNumber(['1', '2'])).toBeNaN();
    expect(strictNumber(undefined)).toBeNaN();
  });

  test('ids and pages: whole numbers in range, else null (an id) or the first page', () => {
    expect(strictWholeNumber('7')).toBe(7);
    for (const text of ['0', '-1', '2.5', '2147483648', '1e3']) expect([text, strictWholeNumber(text)]).toEqual([text, null]);
    expect(pageNumber('3')).toBe(3);
    for (const text of ['1e309', '-0', '0', 'NaN', '10000001', undefined]) expect([text, pageNumber(text)]).toEqual([text, 1]);
  });

  test('text with control characters or half a character is refused; tabs, line breaks and emoji are text', () => {
    expect(messageFor({ ...valid, name: 'a\u0000b' })).toBe('客户名称含有不能保存的字符');
    expect(messageFor({ ...valid, note: 'x\u001by' })).toBe('备注含有不能保存的字符');
    expect(messageFor({ ...valid, note: 'x\ud83d' })).toBe('备注含有不能保存的字符');
    expect(messageFor({ ...valid, note: '一\t二\r\n😀' })).toBeNull();
  });

  test('numbers: -0 is 0, 1e309 is not a number', () => {
    const result = parseForm(schema, { ...valid, rate: '-0' });
    expect(result.ok && Object.is(result.data.rate, 0)).toBe(true);
    expect(messageFor({ ...valid, rate: '1e309' })).toBe('成功几率必须是数字');
  });

  test('impossible dates and years before 1900 are refused', () => {
    for (const text of ['2023-2-29', '2024-13-01', '0099-01-01', '1899-12-31', '2024-02-30']) expect([text, parseDay(text)]).toEqual([text, null]);
    expect(parseDay('2024-2-29')).toEqual(new Date(Date.UTC(2024, 1, 29)));
  });
});
