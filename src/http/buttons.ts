// The small forms and buttons that pages draw many times over (a list draws
// them in every row), as functions that give HTML, as Rails' button_to does,
// rather than partials: each EJS include copies its options and the page's
// locals (about 8 µs), and a list of ten rows drew thirty includes. The text is
// escaped as templates escape it.
import ejs from 'ejs';
import { stepButtons, type StepTable } from '../shared/step-buttons';

const escape = (text: string | number): string => ejs.escapeXML(String(text));

/** The hidden field with the page's CSRF token, which every POST form carries. */
export function csrfField(csrfToken: string): string {
  return `<input type="hidden" name="_csrf" value="${escape(csrfToken)}">`;
}

export interface PostButton {
  action: string;
  label: string;
  cls?: string;
  /** asked before the form is sent */
  confirm?: string;
}

/** A workflow step as a small form with one button, POSTing to its own route. */
export function postButton(csrfToken: string, { action, label, cls, confirm }: PostButton): string {
  const asked = confirm ? ` data-confirm="${escape(confirm)}"` : '';
  return (
    `<form method="post" action="${escape(action)}" class="inline"${asked}>\n` +
    `${csrfField(csrfToken)}\n` +
    `<button type="submit" class="button small${cls ? ` ${escape(cls)}` : ''}">${escape(label)}</button>\n</form>`
  );
}

export interface StepButtonsShown {
  /** the steps shown in this place (a list row, a toolbar) */
  only?: readonly string[];
  /** small links, as in a list row */
  small?: boolean;
}

/**
 * The buttons of the steps the user may take now on record `id`
 * (src/shared/step-buttons.ts): a link to the step's page, or the step's own POST form.
 */
export function stepButtonsHtml<A extends string>(
  table: StepTable<A>,
  id: number,
  actions: readonly string[],
  csrfToken: string,
  { only, small }: StepButtonsShown = {},
): string {
  return stepButtons(table, id, actions, only)
    .map((b) => {
      if (b.post) return postButton(csrfToken, { action: b.post, label: b.label, cls: b.cls, confirm: b.confirm });
      const cls = `button${small ? ' small' : ''}${b.cls ? ` ${b.cls}` : ''}`;
      return `<a href="${escape(b.href ?? '')}" class="${cls}">${escape(b.label)}</a>`;
    })
    .join('\n');
}
