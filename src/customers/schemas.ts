// The forms of the customer pages. Lengths follow the Customer, Contact and
// Interaction columns; choices (地区, 客户等级, 客户经理) are those the form offered.
import { z } from 'zod';
import {
  optionalAmount,
  optionalText,
  optionalWholeNumber,
  requiredChoice,
  requiredDay,
  requiredText,
  strictWholeNumber,
} from '../shared/form';
import { CUSTOMER_STATUSES, CustomerStatus } from './customer-status';

/** A value that must be one of the offered choices; blank stays empty (null). */
function optionalChoice(label: string, max: number, choices: readonly string[]) {
  return optionalText(label, max).refine((value) => value === null || choices.includes(value), `请选择有效的${label}`);
}

/** An optional id chosen from a list: blank is null, anything else must be one of the offered ids. */
function optionalIdChoice(label: string, ids: readonly number[]) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (text === undefined) return null;
        const id = strictWholeNumber(text);
        if (id === null || !ids.includes(id)) {
          ctx.addIssue({ code: 'custom', message: `请选择有效的${label}` });
          return z.NEVER;
        }
        return id;
      }),
  );
}

export interface CustomerChoices {
  regions: readonly string[];
  levels: readonly string[];
  accountManagerIds: readonly number[];
}

/** 客户信息 as the edit form sends it. 客户编号 and 状态 are not entered. */
export function customerForm(choices: CustomerChoices) {
  return z.object({
    name: requiredText('客户名称', 100),
    region: optionalChoice('地区', 50, choices.regions),
    accountManagerId: optionalIdChoice('客户经理', choices.accountManagerIds),
    level: optionalChoice('客户等级', 50, choices.levels),
    satisfaction: optionalWholeNumber('客户满意度', 1, 5),
    credit: optionalWholeNumber('客户信用度', 1, 5),
    address: optionalText('地址', 200),
    postcode: optionalText('邮政编码', 20),
    phone: optionalText('电话', 50),
    fax: optionalText('传真', 50),
    website: optionalText('网址', 200),
    licenceNumber: optionalText('营业执照注册号', 50),
    legalPerson: optionalText('法人', 50),
    registeredCapital: optionalAmount('注册资金'),
    annualTurnover: optionalAmount('年营业额'),
    bank: optionalText('开户银行', 100),
    bankAccount: optionalText('银行帐号', 50),
    localTaxNumber: optionalText('地税登记号', 50),
    nationalTaxNumber: optionalText('国税登记号', 50),
  });
}
export type CustomerForm = z.output<ReturnType<typeof customerForm>>;

/** A filter that ignores what it does not understand (a hand-edited URL). */
const statusFilter = z.preprocess(
  (value) => (typeof value === 'string' && (CUSTOMER_STATUSES as string[]).includes(value) ? value : undefined),
  z.custom<CustomerStatus>().optional(),
);

const idFilter = z.preprocess((value) => strictWholeNumber(value) ?? undefined, z.number().optional());

export const customerSearch = z.object({
  number: optionalText('客户编号', 30),
  name: optionalText('客户名称', 100),
  region: optionalText('地区', 50),
  level: optionalText('客户等级', 50),
  accountManagerId: idFilter,
  status: statusFilter,
});
export type CustomerSearch = z.output<typeof customerSearch>;

export const GENDERS = ['男', '女'] as const;

/** 联系人: the starred fields stay required on edit too. */
export const contactForm = z.object({
  name: requiredText('姓名', 50),
  gender: requiredChoice('性别', GENDERS),
  title: requiredText('职位', 50),
  officePhone: requiredText('办公电话', 50),
  mobile: optionalText('手机', 50),
  remark: optionalText('备注', 500),
});
export type ContactForm = z.output<typeof contactForm>;

/** 交往记录: 时间, 地点 and 概要 can never be emptied. */
export const interactionForm = z.object({
  date: requiredDay('时间'),
  place: requiredText('地点', 100),
  summary: requiredText('概要', 200),
  detail: optionalText('详细信息', 2000),
  remark: optionalText('备注', 500),
});
export type InteractionForm = z.output<typeof interactionForm>;
