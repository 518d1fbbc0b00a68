// The dictionary's forms: an entry as the administrator enters it, and the list's filter.
import { z } from 'zod';
import { optionalText, optionalWholeNumber, requiredChoice, requiredText } from '../shared/form';

export const EDITABLE_CHOICES = ['yes', 'no'] as const;

export const entryForm = z
  .object({
    type: requiredText('类别', 50),
    item: requiredText('条目', 50),
    value: requiredText('值', 100),
    editable: requiredChoice('是否可编辑', EDITABLE_CHOICES),
    /** blank: after the other entries of its 类别 */
    sortOrder: optionalWholeNumber('顺序', 0, 9999),
  })
  .transform(({ editable, ...entry }) => ({ ...entry, editable: editable === 'yes' }));
export type EntryForm = z.output<typeof entryForm>;

export const entrySearch = z.object({ type: optionalText('类别', 50) });
export type EntrySearch = z.output<typeof entrySearch>;
