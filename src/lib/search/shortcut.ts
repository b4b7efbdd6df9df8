/**
 * Which key presses open the search dialog: Ctrl+K or ⌘+K anywhere, and `/` when
 * the focus is not where `/` is text (a text field, the Try it body editor, a
 * select, anything contenteditable or with a text-entry role). Pure: takes the
 * event's fields and a description of the focused element.
 */

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** An input method is composing text: never a shortcut. */
  isComposing?: boolean;
  /** Something else already handled the key. */
  defaultPrevented?: boolean;
}

export interface FocusedElement {
  tagName: string;
  isContentEditable?: boolean;
  /** `type` of an input. */
  type?: string;
  /** The `role` attribute. */
  role?: string | null;
}

/** Input types where `/` is not text (buttons and boxes to tick). */
const NON_TEXT_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image']);
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/** Whether typing `/` in this element writes a character. */
export function isTextEntry(el: FocusedElement | null | undefined): boolean {
  if (!el) return false;
  const tag = el.tagName.toUpperCase();
  if (el.isContentEditable) return true;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((el.type ?? 'text').toLowerCase());
  return el.role != null && TEXT_ROLES.has(el.role);
}

export function opensSearch(e: KeyPress, focused: FocusedElement | null | undefined): boolean {
  if (e.isComposing || e.defaultPrevented) return false;
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') return true;
  return e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTextEntry(focused);
}

/** The focused element of a document in the shape `opensSearch` reads. */
export function describeFocus(el: Element | null): FocusedElement | null {
  if (!el) return null;
  const html = el as HTMLElement & { type?: unknown };
  return {
    tagName: el.tagName,
    isContentEditable: html.isContentEditable === true,
    ...(typeof html.type === 'string' ? { type: html.type } : {}),
    role: el.getAttribute('role'),
  };
}
