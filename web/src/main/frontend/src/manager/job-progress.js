// What the job page shows of a job (GET /jobs/{id}): progress per language and per task, and which
// actions its state allows. No DOM here, so node tests cover it.

export const JOB_STATES = ['SUBMITTED', 'BLOCKED', 'QUEUED', 'RUNNING', 'IN_REVIEW', 'APPROVED', 'DELIVERED', 'FAILED',
  'CANCELLED'];
const TERMINAL = new Set(['DELIVERED', 'FAILED', 'CANCELLED']);
const RUNS_WORK = new Set(['SUBMITTED', 'QUEUED', 'RUNNING']);

/** The order tasks run in within a language; ASSEMBLE (job-wide) comes last. */
const KIND_ORDER = ['SYNTHESIZE', 'MIX', 'CHECK', 'LIP_SYNC', 'ASSEMBLE'];

export const percent = (done, total) => (total > 0 ? Math.round((100 * done) / total) : 0);

/** Whether the job still runs work, so its progress stream is worth following. */
export const runsWork = (job) => RUNS_WORK.has(job?.state);
export const canCancel = (job) => !!job && !TERMINAL.has(job.state);
export const canDeliver = (job) => job?.state === 'APPROVED';

/** A state's tone for the page (words always accompany it: colour is never the only sign). */
export function tone(state) {
  if (['SUCCEEDED', 'DELIVERED', 'APPROVED', 'READY', 'AVAILABLE', 'PASSED'].includes(state)) return 'ok';
  if (['FAILED', 'BLOCKED', 'CANCELLED', 'REJECTED', 'RECALLED', 'FLAGGED'].includes(state)) return 'bad';
  return 'warn';
}

function byRunOrder(a, b) {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.character ?? '').localeCompare(b.character ?? '')
    || a.round - b.round;
}

/**
 * Each target language with its tasks in run order and how far it is, then the job-wide tasks
 * (ASSEMBLE) under language null.
 */
export function progressByLanguage(job) {
  const tasks = job?.tasks ?? [];
  const groups = (job?.targets ?? []).map((t) => {
    const own = tasks.filter((x) => x.language === t.language).sort(byRunOrder);
    return { language: t.language, cues: t.cues, scriptFormat: t.scriptFormat, done: t.tasksSucceeded, total: t.tasks,
      percent: percent(t.tasksSucceeded, t.tasks), tasks: own };
  });
  const shared = tasks.filter((x) => !x.language).sort(byRunOrder);
  if (shared.length) {
    const done = shared.filter((x) => x.state === 'SUCCEEDED').length;
    groups.push({ language: null, done, total: shared.length, percent: percent(done, shared.length), tasks: shared });
  }
  return groups;
}

/** A task in words: "SYNTHESIZE ANNA, 2 cues". */
export function taskLabel(task) {
  const parts = [task.kind];
  if (task.character) parts.push(task.character);
  let label = parts.join(' ');
  if (task.cues) label += `, ${task.cues} cue${task.cues === 1 ? '' : 's'}`;
  if (task.round) label += ` (round ${task.round})`;
  return label;
}

/** Review items per state in words, e.g. "4 open, 2 approved"; empty before review. */
export function reviewSummary(counts) {
  return Object.entries(counts ?? {}).filter(([, n]) => n > 0)
    .map(([state, n]) => `${n} ${state.toLowerCase().replace(/_/g, ' ')}`).join(', ');
}

/** A progress event's data (the stream sends JSON); null when it is not JSON. */
export function parseEvent(data) {
  try {
    const e = JSON.parse(data);
    return e && typeof e === 'object' ? e : null;
  } catch {
    return null;
  }
}

/** An event in words for the page's live region: "SYNTHESIZE ANNA es-ES SUCCEEDED — 3 of 7 tasks". */
export function eventText(e) {
  if (!e) return '';
  const what = e.task ? `${[e.task.kind, e.task.character, e.task.language].filter(Boolean).join(' ')} ${e.task.state}`
    : `job ${e.jobState}`;
  return `${what} — ${e.succeeded ?? 0} of ${e.tasks ?? 0} tasks done`;
}
