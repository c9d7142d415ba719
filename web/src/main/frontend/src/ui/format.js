// How values read on the pages.

export const dateTime = (iso) => (iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC' }) + ' UTC' : '');

export const seconds = (s) => {
  if (s === undefined || s === null) return '';
  const m = Math.floor(s / 60);
  return `${m}:${(s - m * 60).toFixed(2).padStart(5, '0')}`;
};

export function bytes(n) {
  if (n === undefined || n === null) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
  return `${i === 0 ? n : n.toFixed(1)} ${units[i]}`;
}

/** Comma- or whitespace-separated input as a list, empty entries dropped. */
export const list = (text) => (text ?? '').split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
