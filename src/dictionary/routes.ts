// 数据字典 pages (administrator): the list by 类别, add, edit, delete.
import type { Db } from '../db/client';
import type { DictionaryEntry } from '#prisma';
import { requireRight } from '../auth/middleware';
import { recordRoutes } from '../http/record-pages';
import { createEntry, deleteEntry, entryList, entryTypes, findEntry, updateEntry } from './dictionary';
import { entryForm, entrySearch } from './schemas';
import { entryUse } from './usage';

const typeChoices = async (db: Db) => ({ types: (await entryTypes(db)).map((type) => ({ value: type, label: type })) });

export function dictionaryRoutes(db: Db) {
  const manage = requireRight('manage', 'dictionary');
  return recordRoutes(db, {
    path: '/dictionary',
    folder: 'dictionary',
    noun: '字典条目',
    title: '数据字典',
    view: manage,
    manage,
    search: entrySearch,
    list: entryList,
    // The filter offers the 类别 there are; the form names them beside its free text.
    filters: typeChoices,
    choices: typeChoices,
    form: async () => entryForm,
    find: findEntry,
    formValues: (entry: DictionaryEntry) => ({ ...entry, editable: entry.editable ? 'yes' : 'no' }),
    notice: async (db, entry) => {
      const use = await entryUse(db, entry);
      return use ? `${use}：只能修改顺序和是否可编辑，不能修改类别、条目或值。` : null;
    },
    changeable: (entry) => entry.editable,
    create: createEntry,
    update: updateEntry,
    remove: deleteEntry,
    describe: (entry) => `类别「${entry.type}」的条目「${entry.item}」（值：${entry.value}）将被删除，不能恢复。`,
  });
}
