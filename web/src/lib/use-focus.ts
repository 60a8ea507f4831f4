import { useEffect } from 'preact/hooks';

/**
 * Moves focus to the element with this id when `when` turns true: a control that opens a form
 * focuses its first field, and a button that disappears once its action is done hands focus to
 * the message saying so, rather than dropping keyboard users back at the top of the page.
 */
export function useFocusWhen(id: string, when: boolean): void {
  useEffect(() => {
    if (when) document.getElementById(id)?.focus();
  }, [id, when]);
}
