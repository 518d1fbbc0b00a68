// Field builders for zod schemas of HTML forms, with messages in Chinese, and
// one parser that turns zod's issues into 必填信息不完全 (naming the missing
// fields) or the first other problem. Browser input arrives as strings.
import { z } from 'zod';
import { ValidationError } from './errors';

// Zod's own messages (for input no builder below foresees) in Chinese too.
z.config(z.locales.zhCN());

const REQUIRED = 'required:';

/** Missing → 必填信息不完全; anything else that is not text (a field sent twice) → 格式有误. */
function textError(label: string, required: boolean) {
  return (issue: { input?: unknown }) => (required && issue.input === undefined ? REQUIRED + label : `${label}格式有误`);
}

/**
 * Control characters (NUL …; tab and line breaks are text) and halves of a
 * character (a lone surrogate) are never stored: SQL Server, exports and the
 * pages would each take them differently.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function storableText(label: string) {
  return (schema: z.ZodString) => schema.refine((text) => !UNSTORABLE.test(text), `${label}含有不能保存的字符`);
}

/** Blank text is no value at all (a field left empty, a setting left blank). */
export function blankToUndefined(value: unknown): unknown {
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

/** The largest id a table holds (SQL Server's int), and so the largest whole number a form may send. */
export const MAX_ID = 2_147_483_647;

/** Plain decimal text of at most 15 digits (exact as a number); -0 is 0. */
const DECIMAL = /^[-+]?\d{1,15}(\.\d{1,15})?$/;

/**
 * A number from request text, strictly: plain decimal digits only. Not
 * Number() alone, which also reads "1e309" (Infinity), "0x10", "" (0) and
 * " 12 "; nor parseInt(), which reads "12abc". Anything else is NaN.
 */
export function strictNumber(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const text = value.trim();
  return DECIMAL.test(text) ? Number(text) + 0 : NaN;
}

/** A whole number in [min, max] from request text (a page, an id in a path or a filter), or null. */
export function strictWholeNumber(value: unknown, min = 1, max = MAX_ID): number | null {
  const n = strictNumber(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** Blank stays missing (undefined); plain decimal text becomes a number, anything else NaN. */
function blankOrNumber(value: unknown): unknown {
  const present = blankToUndefined(value);
  return typeof present === 'string' ? strictNumber(present) : present;
}

function numberField(label: string) {
  return z.number({
    error: (issue) => (issue.input === undefined ? REQUIRED + label : `${label}必须是数字`),
  });
}

/** A required text field of at most `max` characters. */
export function requiredText(label: string, max: number) {
  return z.preprocess(
    blankToUndefined,
    storableText(label)(
      z
        .string({ error: textError(label, true) })
        .trim()
        .max(max, `${label}不能超过 ${max} 个字`),
    ),
  );
}

/** A required password: taken as typed, spaces count (never trimmed). */
export function requiredPassword(label: string, max = 100) {
  return z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string({ error: textError(label, true) }).max(max, `${label}不能超过 ${max} 个字符`),
  );
}

/** An optional text field: blank becomes null. */
export function optionalText(label: string, max: number) {
  return z.preprocess(
    blankToUndefined,
    storableText(label)(
      z
        .string({ error: textError(label, false) })
        .trim()
        .max(max, `${label}不能超过 ${max} 个字`),
    )
      .optional()
      .transform((value) => value ?? null),
  );
}

/** A whole number in [min, max]; required unless `optional` is set. */
export function wholeNumber(label: string, min: number, max: number) {
  return z.preprocess(
    blankOrNumber,
    numberField(label)
      .int(`${label}必须是 ${min}–${max} 的整数`)
      .min(min, `${label}必须是 ${min}–${max} 的整数`)
      .max(max, `${label}必须是 ${min}–${max} 的整数`),
  );
}

export function optionalWholeNumber(label: string, min: number, max: number) {
  return z.preprocess(
    blankOrNumber,
    z
      .number({ error: `${label}必须是数字` })
      .int(`${label}必须是 ${min}–${max} 的整数`)
      .min(min, `${label}必须是 ${min}–${max} 的整数`)
      .max(max, `${label}必须是 ${min}–${max} 的整数`)
      .optional()
      .transform((value) => value ?? null),
  );
}

/** A non-negative amount with at most two decimals, as a string for Prisma's Decimal. */
function amount(label: string, required: boolean) {
  return z
    .string({ error: textError(label, required) })
    .trim()
    .regex(/^\d{1,14}(\.\d{1,2})?$/, `${label}必须是不超过两位小数的非负数`);
}

export function optionalAmount(label: string) {
  return z.preprocess(
    blankToUndefined,
    amount(label, false)
      .optional()
      .transform((value) => value ?? null),
  );
}

export function requiredAmount(label: string) {
  return z.preprocess(blankToUndefined, amount(label, true));
}

/** An id chosen from a list (a user, a customer …). */
export function requiredId(label: string) {
  return z.preprocess(
    blankOrNumber,
    z
      .number({ error: (issue) => (issue.input === undefined ? REQUIRED + label : `请选择有效的${label}`) })
      .int(`请选择有效的${label}`)
      .positive(`请选择有效的${label}`)
      .max(MAX_ID, `请选择有效的${label}`),
  );
}

/** Parses 2011-7-1 or 2011-07-01 (also with / or .) to a UTC date at midnight. */
export function parseDay(text: string): Date | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  // Years before 1900 are typing errors (and Date.UTC reads 0–99 as 1900–1999).
  if (year < 1900) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date : null;
}

/** A day entered in a form (UTC midnight) as the start of that day in the server's time. */
export function localStartOf(day: Date, plusDays = 0): Date {
  return new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + plusDays);
}

/** A query's condition for "from one day to another, both included" (either may be missing). */
export function withinDays(from: Date | null | undefined, to: Date | null | undefined): { gte?: Date; lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: localStartOf(from) } : {}), ...(to ? { lt: localStartOf(to, 1) } : {}) };
}

/** A date entered as 2011-7-1 or 2011-07-01. */
export function requiredDay(label: string) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: textError(label, true) })
      .transform((text, ctx) => {
        const date = parseDay(text);
        if (!date) ctx.addIssue({ code: 'custom', message: `${label}格式应为 2011-7-1 或 2011-07-01` });
        return date ?? new Date(NaN);
      }),
  );
}

export function optionalDay(label: string) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: textError(label, false) })
      .optional()
      .transform((text, ctx) => {
        if (text === undefined) return null;
        const date = parseDay(text);
        if (!date) ctx.addIssue({ code: 'custom', message: `${label}格式应为 2011-7-1 或 2011-07-01` });
        return date;
      }),
  );
}

/** One of a fixed set of choices. */
export function requiredChoice<T extends string>(label: string, choices: readonly T[]) {
  return z.preprocess(
    blankToUndefined,
    z.string({ error: textError(label, true) }).refine((v): v is T => (choices as readonly string[]).includes(v), {
      message: `请选择有效的${label}`,
    }),
  ) as unknown as z.ZodType<T>;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; error: ValidationError };

/** Validates form input; the error names every missing required field. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): FormResult<z.output<S>> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return { ok: true, data: result.data };
  const missing: string[] = [];
  const fieldErrors: Record<string, string> = {};
  const others: string[] = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (issue.message.startsWith(REQUIRED)) {
      const label = issue.message.slice(REQUIRED.length);
      if (!missing.includes(label)) missing.push(label);
      fieldErrors[field] ??= `请填写${label}`;
    } else {
      others.push(issue.message);
      fieldErrors[field] ??= issue.message;
    }
  }
  const message = missing.length > 0 ? `必填信息不完全：${missing.join('、')}` : others.join('；');
  return { ok: false, error: new ValidationError(message, fieldErrors) };
}

/** Like parseForm, but throws the ValidationError. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = parseForm(schema, input);
  if (!result.ok) throw result.error;
  return result.data;
}
