import { html, nothing } from 'lit';
import { dateTime, seconds } from '../ui/format.js';
import { figureOf, progressOf, sortChecks } from './review.js';
import { keyName } from './keys.js';

// The read-only parts of the item page: what the line is and what made it, its checks, its verdict,
// a job's progress and the shortcut list.

const VERDICT_CLASS = { PASSED: 'ok', FLAGGED: 'bad', NOTED: 'warn' };
const STATE_CLASS = { APPROVED: 'ok', REJECTED: 'bad', RERENDER: 'warn', OPEN: '', SUPERSEDED: '' };

/** The line (or the mix check) and what made it: voice, model with its artifact hash, the grant, the time-fit. */
export function factsView(item, job, output) {
  const span = item.start !== undefined ? html`${seconds(item.start)} – ${seconds(item.end)}
    (${(item.end - item.start).toFixed(2)} s)` : nothing;
  const fit = output?.timeFit;
  return html`<dl class="facts">
    <dt>Job</dt><dd>${job?.title ?? item.jobId} (${job?.state ?? '…'}), review round ${item.round}</dd>
    <dt>Language</dt><dd>${item.language}</dd>
    ${item.kind === 'LINE' ? html`
      <dt>Character</dt><dd>${item.character}</dd>
      <dt>Cue</dt><dd>${item.cueId}</dd>
      <dt>Span</dt><dd>${span}</dd>
      <dt>Text</dt><dd class="qa-text">${item.text}</dd>
      <dt>Voice</dt><dd>${item.voice?.name ?? '—'}</dd>
      <dt>Model</dt><dd>${item.model ? html`${item.model.name} — ${item.model.engine} ${item.model.version},
        artifact SHA-256 <code class="qa-hash">${item.model.sha256}</code>` : '—'}</dd>
      <dt>Consent grant</dt><dd>${item.grantId ? html`<code>${item.grantId}</code>` : '— (no performer’s voice)'}</dd>
      ${fit ? html`<dt>Time fit</dt><dd>made ${output.durationSeconds?.toFixed(2)} s, placed at ${seconds(fit.startSeconds)},
        tempo ${Number(fit.tempo).toFixed(2)}×${fit.borrowedSeconds ? `, ${fit.borrowedSeconds.toFixed(2)} s of silence borrowed` : ''}${
        fit.overflowRatio ? html`, <span class="bad">needed ${Number(fit.overflowRatio).toFixed(2)}× (overflow)</span>` : ''}</dd>` : nothing}`
    : item.kind === 'SHOT' ? shotFacts(item, span)
    : html`<dt>Kind</dt><dd>A check of the whole ${item.language} mix that automatic QA flagged</dd>`}
    <dt>State</dt><dd><span class="state ${STATE_CLASS[item.state] ?? ''}">${item.state}</span></dd>
  </dl>`;
}

/** A lip-synced shot: whose mouth, where, by which model under which grant, and its sync with the dub before and after. */
function shotFacts(item, span) {
  const shot = item.shot ?? {};
  const m = shot.mouth ?? {};
  const better = Number(shot.syncAfter) > Number(shot.syncBefore);
  return html`
    <dt>Kind</dt><dd>A lip-synced shot: the on-screen mouth of ${item.character} re-drawn to the ${item.language} dub</dd>
    <dt>Span</dt><dd>${span}; re-encoded ${seconds(shot.reencodedStart)} – ${seconds(shot.reencodedEnd)} (whole GOPs),
      ${shot.framesAltered} frame(s) altered, a face found in ${shot.framesWithFace}</dd>
    <dt>Mouth region</dt><dd>${m.width} × ${m.height} px at (${m.x}, ${m.y})</dd>
    <dt>Sync with the dub</dt><dd><span class="state ${better ? 'ok' : 'bad'}">${Number(shot.syncBefore).toFixed(3)}
      before, ${Number(shot.syncAfter).toFixed(3)} after</span> (mouth motion against the dub's envelope at offset 0, −1 to 1)</dd>
    <dt>Model</dt><dd>${item.model ? html`${item.model.name} — ${item.model.engine} ${item.model.version},
      artifact SHA-256 <code class="qa-hash">${item.model.sha256}</code>` : '—'}</dd>
    <dt>Consent grant</dt><dd>${item.grantId ? html`<code>${item.grantId}</code> (the on-screen performer’s LIP_SYNC grant)`
      : '—'}${shot.quarantined ? html` <strong class="bad">revoked: quarantined</strong>` : nothing}</dd>`;
}

/** The flags, then every check of the line with its figure, threshold and verdict in words. */
export function checksView(item) {
  const checks = sortChecks(item.checks);
  return html`<section aria-labelledby="qa-checks-title">
    <h2 id="qa-checks-title">Flags and checks</h2>
    <p>${item.flags?.length ? html`Flagged: ${item.flags.map((f, i) => html`${i ? ', ' : ''}<strong class="bad">${f}</strong>`)}`
      : 'No automatic flag: every synthesized line and lip-synced shot is reviewed by policy.'}</p>
    ${checks.length ? html`<table>
      <caption class="hint">Every automatic check of this ${item.kind === 'LINE' ? 'line' : item.kind === 'SHOT' ? 'shot' : 'mix'}</caption>
      <thead><tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Figure</th>
        <th scope="col">Threshold</th><th scope="col">Detail</th></tr></thead>
      <tbody>${checks.map((c) => html`<tr>
        <th scope="row">${c.check}</th>
        <td><span class="state ${VERDICT_CLASS[c.verdict] ?? ''}">${c.verdict}</span></td>
        <td>${figureOf(c)}</td><td>${c.threshold ?? ''}</td><td>${c.detail ?? ''}</td>
      </tr>`)}</tbody></table>` : html`<p class="hint">No check recorded.</p>`}
  </section>`;
}

/** A decided item: who decided what, when, and why. */
export function decisionView(item) {
  if (item.state === 'SUPERSEDED') {
    return html`<p class="notice">A newer version replaced this item: its line was made again, or its mix
      mixed again. The new version is reviewed as an item of its own.</p>`;
  }
  return html`<section aria-labelledby="qa-decision-title">
    <h2 id="qa-decision-title">Verdict</h2>
    <p><span class="state ${STATE_CLASS[item.state] ?? ''}">${item.state}</span> by ${item.reviewer ?? '?'}
      ${item.decidedAt ? html`on ${dateTime(item.decidedAt)}` : nothing}</p>
    ${item.note ? html`<p>Note: ${item.note}</p>` : nothing}
  </section>`;
}

/** How far QA is with a job: decided items over current items, and the counts per verdict. */
export function progressView(job, id) {
  const p = progressOf(job?.reviewItems);
  if (!p.total) return html`<span class="hint">no review items yet</span>`;
  return html`<progress id=${id} max=${p.total} .value=${p.decided}
      aria-label="Review progress of ${job.title}"></progress>
    <span>${p.decided} of ${p.total} decided</span>
    <span class="hint">(${p.open} open, ${p.approved} approved, ${p.rejected} rejected, ${p.rerender} to re-render${
      p.superseded ? `, ${p.superseded} superseded` : ''})</span>`;
}

/** The shortcuts a page answers to, as <kbd>s. */
export function shortcutsView(keys, headingId) {
  return html`<section aria-labelledby=${headingId} class="qa-keys">
    <h2 id=${headingId}>Keyboard shortcuts</h2>
    <p class="hint">Not while typing in a field; Esc leaves a form.</p>
    <ul>${keys.map((k) => html`<li><kbd>${keyName(k.key)}</kbd> ${k.label}</li>`)}</ul>
  </section>`;
}
