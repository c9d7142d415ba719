// How the registry's and the ledger's states read on the admin pages: words, never colour alone.
// No DOM here, so the node tests can check the wording.

/** A role's name on the pages, by its API name. */
export const ROLES = [
  { name: 'manager', label: 'Localization manager' },
  { name: 'agent', label: 'Talent agent' },
  { name: 'qa', label: 'QA reviewer' },
  { name: 'admin', label: 'Rights & legal admin' },
];

export const EXECUTION_SITES = [
  { name: 'ON_PREMISES', label: 'On premises' },
  { name: 'ENTERPRISE_SECURED', label: 'Enterprise-secured environment' },
  { name: 'VENDOR_CLOUD', label: "A vendor's cloud (outside the enterprise)" },
];

/** The escalations a written approval clears (R4), and what the subject of each is. */
export const ESCALATIONS = [
  { name: 'STOCK_VOICE', label: 'Stock synthetic voice of no consenting performer', subject: 'Character' },
  { name: 'FINAL_PURPOSE', label: 'Material for the final deliverable (FINAL)', subject: null },
  { name: 'ESTATE_GRANT', label: "Work under a deceased performer's estate grant", subject: 'Performer id' },
  { name: 'MODEL_DATA_TERMS', label: 'A model whose data terms are not all clean', subject: 'Model id' },
];

export const escalationLabel = (name) => ESCALATIONS.find((e) => e.name === name)?.label ?? name;
export const siteLabel = (name) => EXECUTION_SITES.find((s) => s.name === name)?.label ?? name;

/** A model's registry state in words, with a tone class (ok / warn / bad) that only adds to the words. */
export function modelState(model) {
  switch (model.status) {
    case 'APPROVED': return { text: 'Approved', tone: 'ok' };
    case 'PENDING': return { text: 'Pending approval', tone: 'warn' };
    case 'REVOKED': return { text: 'Revoked', tone: 'bad' };
    default: return { text: model.status, tone: '' };
  }
}

/** The data terms in words: clean, or what keeps the model from clearing R5 on its own. */
export function dataTerms(model) {
  const problems = model.dataTermProblems ?? [];
  return problems.length === 0 ? 'Clean' : `Not clean: ${problems.join('; ')}`;
}

/** What re-hashing the artifact found (GET /models/{id}/artifact-check). */
export function artifactCheck(hashState) {
  switch (hashState) {
    case 'MATCH':
      return { tone: 'ok', headline: 'The artifact matches',
        text: 'Its SHA-256 computed just now is the one the registry holds.' };
    case 'MISMATCH':
      return { tone: 'bad', headline: 'The artifact differs',
        text: 'Its SHA-256 computed just now is not the one the registry holds: workers refuse to run it. '
          + 'Find out who changed it, then revoke this model and register the artifact again.' };
    case 'MISSING':
      return { tone: 'bad', headline: 'The artifact is missing',
        text: 'Nothing is at its location on the server: workers refuse to run it.' };
    default:
      return { tone: '', headline: `Unknown result ${hashState}`, text: '' };
  }
}

/** The result of walking the hash chain (GET /audit/verification) in words. */
export function verification(v) {
  if (v.valid) {
    if (!v.entriesChecked) return { tone: 'ok', headline: 'The ledger is empty', text: 'There is nothing to verify yet.' };
    const n = v.entriesChecked;
    return { tone: 'ok', headline: `The ledger is intact up to entry ${n}`,
      text: `All ${n} ${n === 1 ? 'entry links' : 'entries link'} to the one before and ${n === 1 ? 'its hash' : 'their hashes'} recompute.` };
  }
  const at = v.firstBrokenSeq;
  // the server's problem names the entry already ("entry 7: ..."); say it once
  const why = (v.problem ?? '').replace(new RegExp(`^entry ${at}: `), '');
  const before = v.entriesChecked === 1 ? 'The 1 entry before it is intact.'
    : v.entriesChecked ? `The ${v.entriesChecked} entries before it are intact.` : 'No entry before it could be verified.';
  return { tone: 'bad', headline: `The ledger is broken at entry ${at}`, text: `${why ? `${why}. ` : ''}${before}` };
}

/** A written approval's standing: active, expired or revoked (with the reason). */
export function approvalState(a, now = new Date()) {
  if (a.revoked) return { text: `Revoked${a.revocationReason ? `: ${a.revocationReason}` : ''}`, tone: 'bad', open: false };
  if (new Date(a.validUntil) <= now) return { text: 'Expired', tone: 'warn', open: true };
  return { text: 'Active', tone: 'ok', open: true };
}

/** An audit entry's detail object as "key: value" pairs, nested values as JSON. */
export function detailPairs(detail) {
  return Object.entries(detail ?? {}).map(([k, v]) => ({ key: k, value: typeof v === 'object' && v !== null
    ? JSON.stringify(v) : String(v) }));
}

/** Where an audit entry's subject is shown in the portal, if it has a page there. */
export function subjectLink(entry) {
  if (entry.subjectType === 'model' && entry.subjectId) return `#/admin/models/${entry.subjectId}`;
  return null;
}
