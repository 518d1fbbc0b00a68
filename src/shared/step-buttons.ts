// The steps of a status machine as the user meets them: each step's name (as
// refusals and headings say it) and, for a step taken from a button, where the
// button leads. One table per module, in the order its buttons stand;
// stepButtonsHtml (src/http/buttons.ts) draws the buttons of the steps a user may
// take now — the status machine and can() decide which those are.

export interface StepButton {
  /** the button's text, when it is not the step's name */
  label?: string;
  /** a page to open first (a link) … `:id` stands for the record's id */
  href?: string;
  /** … or the step's own POST route (a form with a button) */
  post?: string;
  cls?: 'primary' | 'danger';
  /** asked before the POST is sent */
  confirm?: string;
}

export interface StepEntry {
  name: string;
  button?: StepButton;
}

export type StepTable<A extends string> = Record<A, StepEntry>;

/** A button as stepButtonsHtml draws it. */
export interface DrawnButton {
  label: string;
  href?: string;
  post?: string;
  cls: string;
  confirm?: string;
}

/**
 * The buttons of the `actions` the user may take on record `id`, in the
 * table's order; `only` keeps those a place shows (a list row, a toolbar).
 */
export function stepButtons<A extends string>(
  table: StepTable<A>,
  id: number,
  actions: readonly string[],
  only?: readonly string[],
): DrawnButton[] {
  const path = (template?: string) => template?.replace(':id', String(id));
  return (Object.keys(table) as A[])
    .filter((step) => actions.includes(step) && (!only || only.includes(step)))
    .flatMap((step) => {
      const { name, button } = table[step];
      if (!button) return [];
      return [{ label: button.label ?? name, href: path(button.href), post: path(button.post), cls: button.cls ?? '', confirm: button.confirm }];
    });
}
