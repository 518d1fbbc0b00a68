// Functions every template may use: formatting, versioned URLs of static files,
// CSRF fields, POST buttons and the buttons of a record's steps (buttons.ts).
import { csrfField, postButton, stepButtonsHtml } from './buttons';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { PROJECT_ROOT } from '../shared/project-root';

const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');
const versions = new Map<string, string>();

/**
 * /css/app.css → /css/app.css?v=<hash of its content>: cached by browsers for
 * good, and a new URL as soon as the file changes. Read once per file, or at
 * each use with NODE_ENV=development (files edited while it runs).
 */
function asset(url: string): string {
  let version = process.env.NODE_ENV === 'development' ? undefined : versions.get(url);
  if (!version) {
    const content = fs.readFileSync(path.join(PUBLIC_DIR, url));
    version = crypto.createHash('sha256').update(content).digest('hex').slice(0, 12);
    versions.set(url, version);
  }
  return `${url}?v=${version}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 2011-07-01 (a day stored at UTC midnight) */
function day(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 2011-07-01 14:05 in the server's local time */
function dateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** a local date as 2011-07-01 */
export function localDay(value: Date | string | null | undefined): string {
  return value ? dateTime(value).slice(0, 10) : '';
}

/** Made once: toLocaleString with options makes a formatter at every call (a list of orders formats dozens). */
const MONEY = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1,250.50 */
function money(value: { toString(): string } | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return MONEY.format(Number(value.toString()));
}

/** The search's own fields (filled in, without the page number), as URL parameters. */
function searchParams(query: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key !== 'page' && typeof value === 'string' && value !== '') params.set(key, value);
  }
  return params;
}

/** The query string of a search with another page number. */
function withPage(query: Record<string, unknown>, page: number): string {
  const params = searchParams(query);
  params.set('page', String(page));
  return `?${params.toString()}`;
}

/** The query string of a search without its page number ('' for none): e.g. its export links. */
export function searchQuery(query: Record<string, unknown>): string {
  const text = searchParams(query).toString();
  return text ? `?${text}` : '';
}

/** 1.5 MB: a file's size for people */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export const viewHelpers = { asset, day, dateTime, localDay, money, withPage, csrfField, postButton, stepButtonsHtml, fileSize };
