// The usage report without the DOM: every ledger entry that involved a performer, as rows an agent
// reads (what happened, job, title, language, cues, model, outcome, and whether the job's delivery
// was recalled). Entries carry different details by action; a detail an entry lacks stays empty.

import { useLabel, purposeLabel } from './names.js';

const CONTEXTS = { submission: 'job submission', 'dry-run': 'dry run', delivery: 'delivery' };

const REASONS = {
  NO_GRANT: 'no grant',
  REVOKED: 'grant revoked',
  EXPIRED: 'grant expired',
  NOT_YET_VALID: 'grant not yet valid',
  WRONG_TITLE: 'title not granted',
  WRONG_LANGUAGE: 'language not granted',
  WRONG_TERRITORY: 'territory not granted',
  WRONG_PURPOSE: 'purpose not granted',
};

const VERDICTS = { APPROVED: 'Approved', REJECTED: 'Rejected', RERENDER: 'Re-render asked' };

const list = (v) => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]);
const reasonWords = (reasons) => list(reasons).map((r) => REASONS[r] ?? r).join(', ');

/** The cues an entry names: one cue, a list, or the recast cues of a recall by language. */
function cuesOf(d) {
  if (Array.isArray(d.recast) && d.recast.length) {
    const byLanguage = new Map();
    for (const r of d.recast) byLanguage.set(r.language, [...(byLanguage.get(r.language) ?? []), r.cueId]);
    return [...byLanguage].map(([lang, cues]) => `${lang}: ${cues.join(', ')}`).join('; ');
  }
  return [...list(d.cueId), ...list(d.cueIds), ...list(d.cues).map((c) => (typeof c === 'object' ? c.cueId ?? c.id : c))]
    .join(', ');
}

/** The model an entry names, whichever shape it has (an id, or an object with name/version/hash). */
function modelOf(d) {
  const m = d.model ?? d.models;
  if (Array.isArray(m)) return m.map((x) => modelOf({ model: x })).join('; ');
  if (m && typeof m === 'object') {
    return [m.name ?? m.engine ?? m.id, m.version && `v${m.version}`, m.sha256 && `SHA-256 ${m.sha256.slice(0, 12)}…`]
      .filter(Boolean).join(' ');
  }
  return [m ?? d.modelName ?? d.modelId, d.modelVersion && `v${d.modelVersion}`].filter(Boolean).join(' ');
}

/** What an entry says, in words, and its outcome. */
function describe(e) {
  const d = e.detail ?? {};
  switch (e.action) {
    case 'GRANT_RECORDED':
      return { what: 'Grant recorded', outcome: `${list(d.uses).map(useLabel).join(', ')}; ${list(d.purposes)
        .map(purposeLabel).join(', ')}; territories ${list(d.territories).join(', ')}` };
    case 'GRANT_REVOKED':
      return { what: 'Grant revoked', outcome: d.reason ? `Reason: ${d.reason}` : 'Revoked' };
    case 'GATE_USE_DECISION': {
      const what = `${useLabel(d.use)} checked (${CONTEXTS[d.context] ?? d.context ?? 'consent check'})`;
      const where = [d.territory && `territory ${d.territory}`, d.purpose && purposeLabel(d.purpose).toLowerCase()]
        .filter(Boolean).join(', ');
      return e.decision === 'COVERED'
        ? { what, outcome: `Covered by the grant${where ? ` (${where})` : ''}` }
        : { what, outcome: `Not covered: ${reasonWords(d.reasons) || 'no covering grant'}${where ? ` (${where})` : ''}` };
    }
    case 'QA_VERDICT':
      return { what: `QA review of a ${(d.kind ?? 'output').toLowerCase()}`,
        outcome: `${VERDICTS[e.decision] ?? e.decision}${d.note ? `: ${d.note}` : ''}` };
    case 'DELIVERY_RECALLED':
      return { what: 'Delivery recalled', outcome: 'Recalled: the cues this performer voiced are to be recast' };
    case 'JOBS_BLOCKED_BY_REVOCATION':
      return { what: 'Jobs blocked by the revocation', outcome: 'Blocked' };
    default:
      return { what: words(e.action), outcome: e.decision ? words(e.decision) : '' };
  }
}

const words = (code) => (code ?? '').toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** The jobs an entry is about: one jobId, or a list of jobs. */
const jobsOf = (d) => [...list(d.jobId), ...list(d.jobs)];

/** Titles an entry names: one title or a grant's titles. */
const titlesOf = (d) => [...list(d.title), ...list(d.titles)];

/** Languages an entry names: one language or a grant's languages. */
const languagesOf = (d) => [...list(d.language), ...list(d.languages)];

/**
 * Rows for the report, newest first. `recalled` is set on every row about a job whose delivery was
 * recalled (the recall entry's time), so a use shows it even when the recall came later.
 */
export function usageRows(entries) {
  const recalledJobs = new Map();
  for (const e of entries ?? []) {
    if (e.action === 'DELIVERY_RECALLED' && e.detail?.jobId) recalledJobs.set(e.detail.jobId, e.at);
  }
  return [...(entries ?? [])].sort((a, b) => b.seq - a.seq).map((e) => {
    const d = e.detail ?? {};
    const jobs = jobsOf(d);
    const recallAt = jobs.map((j) => recalledJobs.get(j)).find(Boolean);
    return {
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      ...describe(e),
      jobs,
      titles: titlesOf(d),
      languages: languagesOf(d),
      cues: cuesOf(d),
      model: modelOf(d),
      grantId: d.grantId ?? (e.subjectType === 'consent-grant' ? e.subjectId : undefined),
      recalled: recallAt ?? null,
    };
  });
}

/** Which rows to show: every entry, or only the uses (checks, reviews, recalls), not the grants' own history. */
export function filterRows(rows, only) {
  if (only === 'uses') return rows.filter((r) => !r.action.startsWith('GRANT_'));
  return rows;
}
