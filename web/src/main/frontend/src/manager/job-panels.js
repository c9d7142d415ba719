// The job page's panels, as render functions of the page's data (the page, dg-manager-job, holds it).
import { html, nothing } from 'lit';
import { BASE } from '../api.js';
import { bytes, dateTime, seconds } from '../ui/format.js';
import { progressByLanguage, reviewSummary, taskLabel, tone } from './job-progress.js';

const state = (s) => html`<span class="state ${tone(s)}">${s}</span>`;
const short = (hash) => (hash ? `${hash.slice(0, 12)}…` : '');

export function factsView(job) {
  const d = job.delivery ?? {};
  return html`<dl class="facts" data-testid="job-facts">
    <dt>State</dt><dd data-testid="job-state">${state(job.state)}${job.reason ? html` — ${job.reason}` : nothing}</dd>
    <dt>Title</dt><dd>${job.title}</dd>
    <dt>Purpose</dt><dd>${job.purpose}</dd>
    <dt>Territory</dt><dd>${job.territory}</dd>
    <dt>Priority</dt><dd>${job.priority}</dd>
    ${job.originalLanguage ? html`<dt>Original language</dt><dd>${job.originalLanguage}</dd>` : nothing}
    <dt>Loudness</dt><dd>${d.profile}: ${d.matchOriginalDialogue ? 'matching the original dialogue'
      : `${d.loudnessLufs} LUFS ±${d.toleranceLu}`}, true peak ≤ ${d.truePeakDbtp} dBTP</dd>
    <dt>Time-fit limit</dt><dd>${job.maxTempo}×</dd>
    <dt>Progress</dt><dd><progress max="100" .value=${job.progressPercent} aria-label="Job progress"></progress>
      ${job.progressPercent} % of tasks done${job.round ? html`, round ${job.round}` : nothing}</dd>
    <dt>Review</dt><dd data-testid="job-review">${reviewSummary(job.reviewItems) || 'no review items yet'}</dd>
    <dt>Submitted</dt><dd>${dateTime(job.createdAt)} by ${job.createdBy}</dd>
    <dt>Updated</dt><dd>${dateTime(job.updatedAt)}</dd>
    <dt>Consent check</dt><dd><code>${job.gateCheckId}</code></dd>
  </dl>`;
}

export function progressView(job) {
  const groups = progressByLanguage(job);
  if (!groups.length) return html`<p>No tasks yet.</p>`;
  return groups.map((g, i) => html`<section aria-labelledby=${`mgr-job-lang-${i}`} data-testid=${`progress-${g.language ?? 'job'}`}>
    <h3 id=${`mgr-job-lang-${i}`}>${g.language ? `${g.language}` : 'Whole job'}${g.cues ? html` — ${g.cues} cues, ${g.scriptFormat}` : nothing}</h3>
    <p><progress max="100" .value=${g.percent} aria-label=${`${g.language ?? 'Whole job'} progress`}></progress>
      ${g.done} of ${g.total} tasks done</p>
    <table>
      <thead><tr><th scope="col">Task</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Worker</th>
        <th scope="col">Started</th><th scope="col">Last error</th></tr></thead>
      <tbody>${g.tasks.map((t) => html`<tr><td>${taskLabel(t)}</td><td>${state(t.state)}</td><td>${t.attempts}</td>
        <td>${t.worker ?? ''}</td><td>${dateTime(t.startedAt)}</td><td>${t.lastError ?? ''}</td></tr>`)}</tbody>
    </table></section>`);
}

export function outputsView(jobId, outputs, more) {
  if (!outputs) return nothing;
  if (!outputs.length) return html`<p>No synthesized lines yet.</p>`;
  return html`<table>
    <thead><tr><th scope="col">Cue</th><th scope="col">Text</th><th scope="col">Length</th><th scope="col">Time-fit</th>
      <th scope="col">Flags</th><th scope="col">Model hash</th><th scope="col">Grant</th><th scope="col">Audio</th></tr></thead>
    <tbody>${outputs.map((o) => html`<tr>
      <td>${o.cueId}${o.round ? html` (round ${o.round})` : nothing}${o.superseded ? html`<br><span class="hint">superseded</span>` : nothing}</td>
      <td>${o.text ?? ''}</td><td>${seconds(o.durationSeconds)}</td>
      <td>at ${seconds(o.timeFit?.startSeconds)}, ${o.timeFit?.tempo?.toFixed(2)}×${o.timeFit?.overflowRatio
        ? html`, <span class="bad">OVERFLOW ${o.timeFit.overflowRatio.toFixed(2)}×</span>` : nothing}</td>
      <td>${o.flags?.join(', ') || 'none'}${o.stale ? html`, <span class="warn">stale</span>` : nothing}</td>
      <td><code title=${o.modelSha256}>${short(o.modelSha256)}</code></td>
      <td>${o.grantId ? html`<code>${o.grantId.slice(0, 8)}</code>` : 'none'}</td>
      <td>${o.quarantined ? html`<span class="bad">quarantined</span>`
        : html`<a href=${`${BASE}/jobs/${jobId}/outputs/${o.id}/audio`} aria-label=${`WAV audio of cue ${o.cueId}${o.round ? ` round ${o.round}` : ''}`}>WAV</a>`}</td>
    </tr>`)}</tbody></table>
    ${more ? html`<button type="button" class="secondary" @click=${more}>More lines</button>` : nothing}`;
}

const KIND_WORDS = { PROGRAMME: 'programme (picture with original and dubbed audio)', FULL_MIX: 'full mix',
  DIALOGUE_STEM: 'dialogue stem', ALTERED_PICTURE: 'lip-synced picture (AI-altered mouths, for its programme)' };

export function deliverablesView(jobId, deliverables) {
  if (!deliverables) return nothing;
  if (!deliverables.length) return html`<p>No files made yet (MIX and ASSEMBLE make them).</p>`;
  return html`<table>
    <thead><tr><th scope="col">File</th><th scope="col">Language</th><th scope="col">Size</th><th scope="col">How it was made</th>
      <th scope="col">QA flags</th><th scope="col">Download</th></tr></thead>
    <tbody>${deliverables.map((d) => html`<tr>
      <td>${KIND_WORDS[d.kind] ?? d.kind}${d.round ? html` (round ${d.round})` : nothing}</td><td>${d.language ?? 'all'}</td>
      <td>${bytes(d.sizeBytes)}</td>
      <td>${d.method ?? ''}${d.dialogueGainDb !== undefined ? html`<br>dialogue gain ${d.dialogueGainDb} dB` : nothing}
        ${d.limiterReductionDb ? html`, limiter −${d.limiterReductionDb} dB` : nothing}</td>
      <td>${d.flags?.length ? html`<span class="warn">${d.flags.join(', ')}</span>` : 'none'}</td>
      <td>${d.withheld ? html`<span class="bad">withheld: ${d.withheld}</span>`
        : html`<a href=${`${BASE}/jobs/${jobId}/deliverables/${d.id}/content`}
          aria-label=${`Download the ${KIND_WORDS[d.kind] ?? d.kind}${d.language ? ` of ${d.language}` : ''}`}>Download</a>`}</td>
    </tr>`)}</tbody></table>`;
}

export function deliveryView(delivery) {
  if (!delivery) return nothing;
  const usable = delivery.state === 'AVAILABLE';
  return html`<section aria-labelledby="mgr-job-delivery" data-testid="delivery">
    <h2 id="mgr-job-delivery">Delivery</h2>
    <dl class="facts">
      <dt>State</dt><dd>${state(delivery.state)}${delivery.recallReason ? html` — ${delivery.recallReason}` : nothing}</dd>
      <dt>Purpose</dt><dd>${delivery.purpose}</dd>
      <dt>Made</dt><dd>${dateTime(delivery.createdAt)} by ${delivery.createdBy}</dd>
      ${delivery.expiresAt ? html`<dt>Files kept until</dt><dd>${dateTime(delivery.expiresAt)}</dd>` : nothing}
      ${delivery.recalledAt ? html`<dt>Recalled</dt><dd>${dateTime(delivery.recalledAt)}</dd>` : nothing}
      <dt>Manifest SHA-256</dt><dd><code>${delivery.manifestSha256}</code></dd>
    </dl>
    ${usable ? html`<p><a class="button" href=${delivery.packageUrl} download>Download the package (zip)</a></p>` : nothing}
    ${delivery.recast?.length ? html`<p class="warn">To recast: ${delivery.recast.map((r) => `${r.language} cue ${r.cueId}`).join(', ')}</p>` : nothing}
    <table>
      <thead><tr><th scope="col">File</th><th scope="col">Kind</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead>
      <tbody>${delivery.files.map((f) => html`<tr>
        <td>${usable || f.kind === 'MANIFEST' ? html`<a href=${f.url} download>${f.name}</a>` : f.name}</td>
        <td>${f.kind}${f.language ? ` (${f.language})` : ''}</td><td>${bytes(f.sizeBytes)}</td>
        <td><code title=${f.sha256}>${short(f.sha256)}</code></td></tr>`)}</tbody>
    </table></section>`;
}
