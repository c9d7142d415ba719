// The grant form without the DOM: its values as a GrantRequest, dates in UTC, the entry of several
// values, and the advice the form gives before the server decides.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A datetime-local value, read as UTC ('2026-12-01T10:30'), as an instant; empty or malformed gives undefined. */
export function toInstant(local) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec((local ?? '').trim());
  return m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}Z` : undefined;
}

/** An instant as a datetime-local value in UTC, to the minute. */
export function toLocalInput(instant) {
  const d = instant instanceof Date ? instant : new Date(instant);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 16);
}

/** Who signs by default: a living performer themselves, a deceased one's estate representative (R3). */
export function expectedSigner(performer) {
  if (!performer) return '';
  return performer.deceased ? (performer.estateRepresentative ?? '') : performer.legalName;
}

/** The form's values as the body of POST /grants; empty entries are left out so the server names them. */
export function grantBody(form) {
  const text = (v) => (v ?? '').trim() || undefined;
  return {
    performerId: text(form.performerId),
    evidenceId: text(form.evidenceId),
    uses: [...(form.uses ?? [])],
    titles: [...(form.titles ?? [])],
    languages: [...(form.languages ?? [])],
    territories: [...(form.territories ?? [])],
    purposes: [...(form.purposes ?? [])],
    validFrom: toInstant(form.validFrom),
    validUntil: toInstant(form.validUntil),
    description: text(form.description),
    compensationReference: text(form.compensationReference),
    signedBy: text(form.signedBy),
  };
}

/**
 * What the browser can tell before sending: ids that are not UUIDs would fail as unreadable JSON
 * rather than as a field error, so they are named here, in the API's error shape.
 */
export function localErrors(form) {
  const errors = [];
  const evidence = (form.evidenceId ?? '').trim();
  if (evidence && !UUID.test(evidence)) {
    errors.push({ field: 'evidenceId', message: 'not a document id: upload the signed document, or paste the id an upload gave' });
  }
  if ((form.validFrom ?? '').trim() && !toInstant(form.validFrom)) {
    errors.push({ field: 'validFrom', message: 'not a date and time' });
  }
  if ((form.validUntil ?? '').trim() && !toInstant(form.validUntil)) {
    errors.push({ field: 'validUntil', message: 'not a date and time' });
  }
  return errors;
}

/** Adds typed values (several at once, split at commas or spaces) to a list, normalized, without repeats. */
export function addValues(values, text, normalize = (v) => v) {
  const out = [...values];
  for (const raw of (text ?? '').split(/[\s,;]+/)) {
    const v = normalize(raw.trim());
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** Territory codes are upper case; "worldwide" in any case is WORLDWIDE. */
export const normalizeTerritory = (code) => code.toUpperCase();

/** Language tags as BCP 47 writes them: language lower, script title, region upper (the server checks them). */
export function normalizeLanguage(tag) {
  return tag.split(/[-_]/).filter(Boolean).map((part, i) => {
    if (i === 0) return part.toLowerCase();
    if (part.length === 4 && /^[a-z]+$/i.test(part)) return part[0].toUpperCase() + part.slice(1).toLowerCase();
    if (part.length === 2 || /^\d{3}$/.test(part)) return part.toUpperCase();
    return part.toLowerCase();
  }).join('-');
}

/** Title codes match exactly, so a code typed in another case becomes the catalog's when there is one. */
export function titleNormalizer(catalogCodes) {
  const byUpper = new Map([...catalogCodes].map((c) => [c.toUpperCase(), c]));
  return (code) => byUpper.get(code.toUpperCase()) ?? code;
}

/**
 * The words of a description as the server counts them, and whether it looks specific enough
 * (at least 8 words and 40 characters). Advice only; the server decides.
 */
export function descriptionAdvice(description) {
  const d = (description ?? '').trim();
  const words = d.toLowerCase().split(/[^\p{L}\p{N}/.-]+/u).filter(Boolean).length;
  if (!d) return 'Say what will be synthesized or altered, for which production, and how it will be used.';
  if (words < 8 || d.length < 40) return `${words} word${words === 1 ? '' : 's'} so far: at least 8 words and 40 characters.`;
  return `${words} words.`;
}

/** The accepted evidence types go as they are; any other file is sent as bytes for the server to judge by content. */
export function uploadType(type) {
  return ['application/pdf', 'image/png', 'image/jpeg'].includes(type) ? type : 'application/octet-stream';
}

/** The messages of a multi-value field: for the field itself and for each entry by index ("titles[1]"). */
export function entryErrors(fieldErrors, field) {
  const entries = {};
  const prefix = `${field}[`;
  for (const [name, message] of Object.entries(fieldErrors ?? {})) {
    if (name.startsWith(prefix) && name.endsWith(']')) entries[Number(name.slice(prefix.length, -1))] = message;
  }
  return { field: fieldErrors?.[field], entries };
}
