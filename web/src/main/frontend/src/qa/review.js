// What the QA pages compute, without DOM: the order a reviewer goes through the items, the item after
// or before one, a job's review progress, the queue's filters in the address, and a verdict's body.

/** The flags automatic QA raises (QaCheck.Kind on the server); the filter also offers any other flag it sees. */
export const KNOWN_FLAGS = ['OVERFLOW', 'SCRIPT_CONFORMANCE', 'LINE_EMPTY', 'LINE_SILENT', 'LINE_TOO_SHORT',
  'LINE_DROPOUT', 'LINE_CLIPPING', 'DIALOGUE_LOUDNESS', 'PROGRAMME_LOUDNESS', 'TRUE_PEAK', 'CLIPPING',
  'PROGRAMME_DURATION', 'TRACK_TAGS', 'NO_MNE_ORIGINAL_AUDIBLE', 'ORIGINAL_DIALOGUE_LOUDNESS', 'MIX_GAIN'];

/** The queue's filters, as the API names them. */
export const FILTERS = ['job', 'flag', 'language'];

const text = (v) => (v === undefined || v === null ? '' : String(v));
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The reviewing order: by job, then language, then the lines in time order, a language's mix checks
 * after its lines, the id last so the order is total. The API pages by id, which is no order to listen in.
 */
export function compareItems(a, b) {
  return cmp(text(a.jobId), text(b.jobId)) || cmp(text(a.language), text(b.language))
    || cmp(a.kind === 'CHECK' ? 1 : 0, b.kind === 'CHECK' ? 1 : 0)
    || (a.start ?? 0) - (b.start ?? 0) || cmp(text(a.cueId), text(b.cueId)) || cmp(text(a.id), text(b.id));
}

export const sortItems = (items) => [...items].sort(compareItems);

/**
 * The open items after and before `current` in the reviewing order, wrapping around; `current` itself
 * need not be open any more (it has just been decided). Null when no other open item is left.
 */
export function neighbours(openItems, current) {
  const others = sortItems(openItems.filter((i) => i.id !== current.id));
  if (!others.length) return { next: null, previous: null };
  const after = others.find((i) => compareItems(i, current) > 0);
  const before = [...others].reverse().find((i) => compareItems(i, current) < 0);
  return { next: after ?? others[0], previous: before ?? others[others.length - 1] };
}

/**
 * A job's review progress from its `reviewItems` counts (items per state): a superseded item was
 * replaced by a newer version of its line and no longer counts.
 */
export function progressOf(counts = {}) {
  const n = (s) => Number(counts[s] ?? 0);
  const total = Object.entries(counts).filter(([s]) => s !== 'SUPERSEDED').reduce((sum, [, v]) => sum + Number(v), 0);
  return { total, open: n('OPEN'), decided: total - n('OPEN'), approved: n('APPROVED'), rejected: n('REJECTED'),
    rerender: n('RERENDER'), superseded: n('SUPERSEDED') };
}

/** The query part of a hash route (#/qa/queue?job=…) as the queue's filters; empty ones left out. */
export function filtersOf(hash) {
  const query = new URLSearchParams(String(hash ?? '').split('?')[1] ?? '');
  const filters = {};
  for (const f of FILTERS) {
    const v = (query.get(f) ?? '').trim();
    if (v) filters[f] = v;
  }
  return filters;
}

/** A route with the filters as its query, so a page's filters survive going to an item and back. */
export function routeWith(path, filters = {}) {
  const query = new URLSearchParams();
  for (const f of FILTERS) if (filters[f]) query.set(f, filters[f]);
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

/** What an item is, in a few words: for a link or a heading. */
export function itemLabel(item) {
  if (item.kind === 'CHECK') return `Mix check ${text(item.language)}: ${(item.flags ?? []).join(', ')}`;
  if (item.kind === 'SHOT') return `${text(item.language)} lip-synced shot of ${item.character ?? '?'}`;
  return `${text(item.language)} cue ${text(item.cueId)}${item.character ? ` (${item.character})` : ''}`;
}

/** A check's figure with its unit, e.g. "2.34 ratio"; empty when nothing was measured. */
export function figureOf(check) {
  if (check.figure === undefined || check.figure === null) return '';
  const f = Number(check.figure);
  const shown = Number.isInteger(f) ? String(f) : f.toFixed(Math.abs(f) >= 100 ? 0 : 2);
  return check.unit ? `${shown} ${check.unit}` : shown;
}

/** The line's checks, flagged first, then by name. */
export const sortChecks = (checks = []) => [...checks].sort((a, b) =>
  cmp(a.verdict === 'FLAGGED' ? 0 : 1, b.verdict === 'FLAGGED' ? 0 : 1) || cmp(text(a.check), text(b.check)));

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * The body of POST /review-items/{id}/verdict from the verdict form's values (strings, as inputs give
 * them), and the problems the API could not name because the value never reaches it as a number.
 * A re-render sends the text only when the reviewer changed it: the unchanged text is no edit, and the
 * server then says that a re-render needs one. Empty optional fields are left out.
 */
export function verdictRequest(verdict, form = {}, item = {}) {
  const body = { verdict };
  const errors = [];
  if (verdict === 'APPROVED') return { body, errors };
  body.note = text(form.note);
  if (verdict !== 'RERENDER') return { body, errors };
  if (form.text !== undefined && text(form.text).trim() !== text(item.text).trim()) body.text = text(form.text);
  const number = (name, pattern, what) => {
    const v = text(form[name]).trim();
    if (!v) return;
    if (pattern.test(v)) body[name] = Number(v);
    else errors.push({ field: name, message: what });
  };
  number('ratePercent', INTEGER, 'a whole number of percent');
  number('pitchPercent', INTEGER, 'a whole number of percent');
  number('maxTempo', DECIMAL, 'a number such as 1.3');
  return { body, errors };
}
