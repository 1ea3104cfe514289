// The page's fixed elements and its one error line, shared by every module.

export const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;

export const chart = $<HTMLDivElement>('#chart');
export const status = $<HTMLParagraphElement>('#status');
const errorBox = $<HTMLDivElement>('#error');

/** Shows a message a person can act on, or clears it (null). */
export function showError(message: string | null): void {
  errorBox.hidden = message === null;
  errorBox.textContent = message ?? '';
}
