// The QA pages' keyboard shortcuts, without DOM: a reviewer goes through hundreds of lines, so every
// verdict and every player has a key. Keys never fire while the reviewer types in a field, and space
// is left to a focused button or link (it activates them).

/** The item page: { key (KeyboardEvent.key), action, label (shown with <kbd>), inFields (also while typing) }. */
export const ITEM_KEYS = [
  { key: 'j', action: 'next', label: 'Next open item' },
  { key: 'k', action: 'previous', label: 'Previous open item' },
  { key: 'a', action: 'approve', label: 'Approve' },
  { key: 'r', action: 'reject', label: 'Reject (with a note)' },
  { key: 'e', action: 'rerender', label: 'Edit and re-render' },
  { key: ' ', action: 'play-line', label: 'Play or pause the line' },
  { key: 'c', action: 'play-mix', label: 'Play or pause the line in context (the mix)' },
  { key: 'o', action: 'play-original', label: 'Play or pause the original' },
  { key: 'Escape', action: 'cancel', label: 'Close the note or edit form', inFields: true },
];

/** The queue: move between the items' links; Enter opens one (the link's own key). */
export const QUEUE_KEYS = [
  { key: 'j', action: 'next', label: 'Next item' },
  { key: 'k', action: 'previous', label: 'Previous item' },
];

/** How a key reads in a <kbd>. */
export const keyName = (key) => (key === ' ' ? 'Space' : key === 'Escape' ? 'Esc' : key);

const TYPING_INPUTS = new Set(['text', 'search', 'email', 'number', 'password', 'tel', 'url', 'date',
  'datetime-local', 'month', 'time', 'week', '']);

/** Whether a key on this element is the reviewer typing (an input taking text, a textarea, a select, an editable). */
export function isTypingTarget(target) {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = String(target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TYPING_INPUTS.has(String(target.type ?? '').toLowerCase());
}

/** Whether space on this element is its own activation (a button, a link, a checkbox …). */
function activatesOnSpace(target) {
  const tag = String(target?.tagName ?? '').toUpperCase();
  return ['BUTTON', 'A', 'SUMMARY', 'INPUT', 'AUDIO', 'VIDEO'].includes(tag);
}

/**
 * The action a keydown asks for in a key map, or null: none with Ctrl, Alt or Meta (the browser's and
 * the screen reader's keys), none while typing unless the entry says so, space not on a control.
 * `event` needs only key, target, ctrlKey, altKey, metaKey.
 */
export function actionFor(keyMap, event) {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const entry = keyMap.find((k) => k.key === event.key);
  if (!entry) return null;
  if (!entry.inFields && isTypingTarget(event.target)) return null;
  if (entry.key === ' ' && activatesOnSpace(event.target)) return null;
  return entry.action;
}
