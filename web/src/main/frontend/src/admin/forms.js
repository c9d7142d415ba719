// Admin forms → API request bodies. Plain objects in, plain objects out (no DOM), so node tests check
// them. `values` is what readForm gives: every field's string value, checkbox groups as arrays.

const blank = (s) => s === undefined || s === null || String(s).trim() === '';
const trimmed = (s) => (blank(s) ? undefined : String(s).trim());

/** A form's fields: single values as strings, names listed in `multi` as arrays of the checked values. */
export function readForm(formData, multi = []) {
  const values = {};
  for (const [k] of formData.entries()) values[k] = multi.includes(k) ? formData.getAll(k) : formData.get(k);
  for (const k of multi) values[k] ??= [];
  return values;
}

/** POST /users: an agency only for agents (the server refuses one on anyone else). */
export function userBody(values) {
  const roles = values.roles ?? [];
  const body = { username: trimmed(values.username), password: values.password || undefined, roles };
  if (roles.includes('agent')) body.agency = trimmed(values.agency);
  return body;
}

/** PUT /users/{id}/roles: the new roles and, for an agent, the agency. */
export function rolesBody(values) {
  const roles = values.roles ?? [];
  return { roles, agency: roles.includes('agent') ? trimmed(values.agency) : undefined };
}

/** "true"/"false" from a yes/no radio group; undefined when neither was chosen (the server says required). */
const yesNo = (v) => (v === 'true' ? true : v === 'false' ? false : undefined);

/**
 * POST /models. Version and artifact location may be left out for an installed engine (espeak-ng,
 * flite): the server takes them from the engine, so blanks are sent as absent, not as "".
 */
export function modelBody(values) {
  return {
    name: trimmed(values.name),
    kind: values.kind || undefined,
    engine: trimmed(values.engine),
    version: trimmed(values.version),
    artifactLocation: trimmed(values.artifactLocation),
    licence: trimmed(values.licence),
    trainingData: trimmed(values.trainingData),
    trainingDataLicensed: yesNo(values.trainingDataLicensed),
    storesInputs: yesNo(values.storesInputs),
    trainsOnInputs: yesNo(values.trainsOnInputs),
    executionSite: values.executionSite || undefined,
  };
}

/** POST /models/{id}/approval: a note, and a MODEL_DATA_TERMS approval when the terms are not clean. */
export function approveBody(values) {
  return { note: trimmed(values.note), overrideApprovalId: trimmed(values.overrideApprovalId) };
}

/** The end of a calendar day in UTC, as an instant: "valid until 2026-12-31" includes that day. */
export const endOfDay = (date) => (blank(date) ? undefined : `${date}T23:59:59Z`);

/** POST /approvals: one scope (a title or a job), a subject only for escalations that have one. */
export function approvalBody(values, escalations) {
  const kind = escalations.find((e) => e.name === values.escalation);
  const body = { escalation: values.escalation || undefined, text: trimmed(values.text), validUntil: endOfDay(values.validUntil) };
  if (!kind || kind.subject) body.subject = trimmed(values.subject);
  if (values.scope === 'job') body.jobId = trimmed(values.jobId);
  else body.titleCode = trimmed(values.titleCode);
  return body;
}

/**
 * GET /audit parameters. Dates are whole UTC days: "from" starts at its midnight, "to" includes its day,
 * so it becomes the next midnight (the server's "to" is exclusive).
 */
export function ledgerQuery(values) {
  const next = (d) => {
    const t = new Date(`${d}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + 1);
    return t.toISOString().replace('.000Z', 'Z');
  };
  return {
    subject: trimmed(values.subject),
    performer: trimmed(values.performer),
    from: blank(values.from) ? undefined : `${values.from}T00:00:00Z`,
    to: blank(values.to) ? undefined : next(values.to),
  };
}

/** The query string parameters of the current hash route (#/admin/ledger?subject=...), for prefilling. */
export function hashQuery(hash) {
  const i = hash.indexOf('?');
  return i < 0 ? {} : Object.fromEntries(new URLSearchParams(hash.slice(i + 1)));
}

/** aria-describedby from several ids, the absent left out; undefined when none (so the attribute is not set). */
export const joinIds = (...ids) => ids.filter(Boolean).join(' ') || undefined;
