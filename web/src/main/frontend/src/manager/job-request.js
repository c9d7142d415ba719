// The job form as plain data, and how it maps to the API: POST /jobs (JobRequest) and the consent
// gate's dry run POST /consent-checks (PlanInput). No DOM here, so node tests cover it.

export const SCRIPT_FORMATS = ['SRT', 'WEBVTT', 'TTML', 'JSON'];
export const APPROACHES = ['SYNTHETIC', 'HUMAN', 'ORIGINAL'];
export const PURPOSES = ['TEMP', 'FINAL'];
export const LOUDNESS_PROFILES = ['STREAMING', 'EBU_R128', 'ATSC_A85'];

/** An empty form; TEMP and STREAMING are the server's own defaults (R6, the common streaming spec). */
export function newJobForm() {
  return {
    title: '', sourceMediaId: '', mneMediaId: '', dialogueMediaId: '', territory: '', purpose: 'TEMP',
    priority: 5, originalLanguage: '', profile: 'STREAMING', targets: [newTarget()],
  };
}

/** One target language: the imported script (its text and what the server read in it) and the cast. */
export function newTarget() {
  return { language: '', fileName: '', format: '', text: '', preview: null, cast: [] };
}

/** The script format a file name suggests; '' when the extension says nothing (the manager picks). */
export function formatOfFileName(name) {
  const ext = (name ?? '').toLowerCase().split('.').pop();
  return { srt: 'SRT', vtt: 'WEBVTT', webvtt: 'WEBVTT', ttml: 'TTML', dfxp: 'TTML', xml: 'TTML', json: 'JSON' }[ext] ?? '';
}

/** The characters a script names, in the order they first speak. */
export function charactersOf(cues) {
  const seen = new Set();
  for (const cue of cues ?? []) if (cue.character) seen.add(cue.character);
  return [...seen];
}

/** A cast line for each character; a character already cast keeps its choice when a script is re-imported. */
export function castFor(characters, previous = []) {
  return characters.map((character) => previous.find((c) => c.character === character)
    ?? { character, approach: 'SYNTHETIC', voiceId: '', dubStemMediaId: '' });
}

/** A script the server read without a problem: only then is there a cast to plan. */
export const scriptAccepted = (target) => !!target.preview && !target.preview.refused
  && (target.preview.errors ?? []).length === 0;

/** Every problem of a preview in words, with where it is ("line 12: …"). */
export const scriptProblems = (preview) => (preview?.errors ?? []).map((e) => (e.where ? `${e.where}: ${e.message}` : e.message));

const present = (v) => v !== undefined && v !== null && String(v).trim() !== '';
const trimmed = (v) => (present(v) ? String(v).trim() : undefined);

/** Drops the keys whose value is absent, so the server applies its defaults and sees no empty ids. */
function compact(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

/** The body of POST /jobs. Only the ids a character's approach uses are sent. */
export function toJobRequest(form) {
  return compact({
    title: trimmed(form.title),
    sourceMediaId: trimmed(form.sourceMediaId),
    mneMediaId: trimmed(form.mneMediaId),
    dialogueMediaId: trimmed(form.dialogueMediaId),
    territory: trimmed(form.territory)?.toUpperCase(),
    purpose: trimmed(form.purpose),
    priority: present(form.priority) ? Number(form.priority) : undefined,
    originalLanguage: trimmed(form.originalLanguage),
    delivery: present(form.profile) ? { profile: form.profile } : undefined,
    targets: form.targets.map((t) => ({
      language: trimmed(t.language) ?? '',
      script: { format: t.format, text: t.text },
      characters: t.cast.map((c) => compact({
        character: c.character,
        approach: c.approach,
        voiceId: c.approach === 'SYNTHETIC' ? trimmed(c.voiceId) : undefined,
        dubStemMediaId: c.approach === 'HUMAN' ? trimmed(c.dubStemMediaId) : undefined,
      })),
    })),
  });
}

/**
 * The body of POST /consent-checks: the same plan as the gate sees it at submission — a SYNTHETIC
 * character's voice stands for its performer (none for a stock voice) on its model.
 */
export function toPlanInput(form, voicesById) {
  return compact({
    title: trimmed(form.title),
    territory: trimmed(form.territory)?.toUpperCase(),
    purpose: trimmed(form.purpose),
    targets: form.targets.map((t) => ({
      language: trimmed(t.language) ?? '',
      characters: t.cast.map((c) => {
        const voice = c.approach === 'SYNTHETIC' ? voicesById[c.voiceId] : undefined;
        return compact({ name: c.character, approach: c.approach, voicePerformerId: voice?.performerId,
          voiceModelId: voice?.modelId });
      }),
    })),
  });
}

/** A dry run's field path as the form names it (the plan says voiceModelId and name where the job says voiceId, character). */
export function planFieldToFormField(field) {
  return field
    .replace(/\.(voiceModelId|voicePerformerId)$/, '.voiceId')
    .replace(/(characters\[\d+\])\.name$/, '$1.character');
}

/** A dry run's decision in words: what blocks the job, and what was decided for each use, model and escalation. */
export function consentReport(check) {
  const d = check?.decision ?? {};
  const uses = (d.uses ?? []).map((u) => {
    const who = `${u.performer ?? u.performerId}: ${u.use} in ${u.language} (${(u.characters ?? []).join(', ')})`;
    return u.covered ? `${who} — covered by grant ${u.grantId}`
      : `${who} — not covered (${(u.reasons ?? []).join(', ') || 'no grant'})`;
  });
  const models = (d.models ?? []).filter((m) => !m.usable || (m.problems ?? []).length)
    .map((m) => `${m.name}: ${m.status}, artifact ${m.hashState}${m.problems?.length ? ` — ${m.problems.join('; ')}` : ''}`);
  const escalations = (d.escalations ?? []).map((e) => `${e.escalation} (${e.subject}): ${e.why} — `
    + (e.cleared ? `cleared by written approval ${e.approvalId}` : 'needs an admin’s written approval'));
  return { allowed: !!d.allowed, violations: (d.violations ?? []).map((v) => v.message), uses, models, escalations };
}

/** A fresh Idempotency-Key: crypto.randomUUID where the page is a secure context, else a v4 UUID from getRandomValues. */
export function newIdempotencyKey(crypto = globalThis.crypto) {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A problem with its field paths renamed (a dry run's or a preview's paths onto the form's names). */
export function renameProblemFields(problem, rename) {
  if (!problem?.errors) return problem;
  return { ...problem, errors: problem.errors.map((e) => (e.field ? { ...e, field: rename(e.field) } : e)) };
}
