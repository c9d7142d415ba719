import { html, nothing } from 'lit';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { canCancel, canDeliver, eventText, parseEvent, runsWork } from './job-progress.js';
import { deliverablesView, deliveryView, factsView, outputsView, progressView } from './job-panels.js';

const finished = (job) => job.tasks.filter((t) => t.state !== 'PENDING' && t.state !== 'RUNNING').length;

/**
 * One job: its progress per language and per task, pushed by the server as events (the page re-reads
 * the job when one arrives; nothing polls), its lines, files, review counts and delivery; cancel
 * (after a confirmation) while it is not finished, and "Deliver" once QA approved everything.
 */
export class DgManagerJob extends DgPage {
  static properties = {
    ...DgPage.properties, jobId: {}, job: { state: true }, outputs: { state: true }, outputsNext: { state: true },
    deliverables: { state: true }, delivery: { state: true }, live: { state: true }, lastEvent: { state: true },
    confirmingCancel: { state: true },
  };

  disconnectedCallback() {
    this.stopFollowing();
    clearTimeout(this.reloadTimer);
    this.reloading = false;
    super.disconnectedCallback();
  }

  updated(changed) {
    if (changed.has('jobId') && this.jobId) this.open();
  }

  async open() {
    this.stopFollowing();
    const id = this.jobId;
    this.job = this.outputs = this.deliverables = this.delivery = this.lastEvent = null;
    await this.act('Loading the job', () => this.reload());
    // the page may have been left, or shown another job, while it loaded
    if (this.isConnected && id === this.jobId && this.job && runsWork(this.job)) this.follow();
  }

  /** The job, and what changed makes worth reading again: its lines and files (a task ended), its delivery. */
  async reload() {
    const before = this.job ? `${this.job.state} ${finished(this.job)}` : null;
    const id = this.jobId;
    const job = await api.get(`/jobs/${encodeURIComponent(id)}`);
    if (id !== this.jobId) return; // another job is shown now
    this.job = job;
    if (this.source && !runsWork(this.job)) {
      this.stopFollowing();
      this.live = 'ended';
    }
    if (!this.outputs || before !== `${this.job.state} ${finished(this.job)}` || !runsWork(this.job)) {
      await this.reloadResults();
    }
  }

  async reloadResults() {
    const id = encodeURIComponent(this.jobId);
    const [outputs, deliverables] = await Promise.all([api.get(`/jobs/${id}/outputs`, { limit: 50 }),
      api.all(`/jobs/${id}/deliverables`)]);
    if (id !== encodeURIComponent(this.jobId)) return;
    this.outputs = outputs.items;
    this.outputsNext = outputs.next;
    this.deliverables = deliverables;
    this.delivery = this.job.state === 'DELIVERED' ? await api.get(`/jobs/${id}/delivery`).catch(() => null) : null;
  }

  async moreOutputs() {
    const page = await this.act('Loading more lines', () => api.get(`/jobs/${encodeURIComponent(this.jobId)}/outputs`,
      { limit: 50, after: this.outputsNext }));
    if (page) {
      this.outputs = [...this.outputs, ...page.items];
      this.outputsNext = page.next;
    }
  }

  /**
   * Follows the job's progress stream (the session cookie authenticates it). Each event re-reads the
   * job — once for a burst of events; the stream's last event, `end`, closes it. EventSource resumes
   * by itself with Last-Event-ID after a dropped connection, so nothing polls.
   */
  follow() {
    this.stopFollowing();
    const source = new EventSource(`${api.BASE}/jobs/${encodeURIComponent(this.jobId)}/events`);
    this.source = source;
    this.live = 'following';
    source.addEventListener('progress', (e) => {
      this.lastEvent = eventText(parseEvent(e.data));
      this.scheduleReload();
    });
    source.addEventListener('end', () => {
      this.stopFollowing();
      this.live = 'ended';
      this.scheduleReload();
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED && this.source === source) {
        this.stopFollowing();
        this.live = 'lost';
      }
    };
  }

  stopFollowing() {
    this.source?.close();
    this.source = null;
  }

  scheduleReload() {
    if (this.reloading) {
      this.reloadAgain = true;
      return;
    }
    this.reloading = true;
    this.reloadTimer = setTimeout(async () => {
      try {
        await this.reload();
      } catch (e) {
        this.error = e;
      } finally {
        this.reloading = false;
        if (this.reloadAgain) {
          this.reloadAgain = false;
          this.scheduleReload();
        }
      }
    }, 150);
  }

  async refresh() {
    await this.act('Refreshing', () => this.reload().then(() => this.reloadResults()));
    if (this.job && runsWork(this.job) && !this.source) this.follow();
  }

  async askCancel() {
    this.confirmingCancel = true;
    await this.updateComplete;
    this.querySelector('#mgr-job-cancel-yes')?.focus();
  }

  async cancel() {
    this.confirmingCancel = false;
    const job = await this.act('Cancelling the job', () => api.post(`/jobs/${encodeURIComponent(this.jobId)}/cancel`));
    if (job) this.job = job;
  }

  async deliver() {
    const delivery = await this.act('Making the delivery package', () => api.post(`/jobs/${encodeURIComponent(this.jobId)}/delivery`));
    if (delivery) {
      this.delivery = delivery;
      await this.act('Refreshing', () => this.reload());
    }
  }

  render() {
    const job = this.job;
    return html`<h1>Job ${this.jobId?.slice(0, 8)}${job ? html` — ${job.title}` : nothing}</h1>
      ${this.progressView()}
      ${this.problemView()}
      ${job ? this.jobView(job) : nothing}`;
  }

  liveView() {
    const words = { following: 'Following live progress.', ended: `Progress stream ended: the job is ${this.job.state}.`,
      lost: 'The progress stream was lost; refresh to see where the job stands.' }[this.live];
    return html`<p role="status" aria-live="polite" data-testid="job-live">${words ?? ''}
      ${this.lastEvent ? html`Last: ${this.lastEvent}.` : nothing}</p>`;
  }

  jobView(job) {
    return html`${factsView(job)}
      ${this.liveView()}
      <div class="actions">
        <button type="button" class="secondary" @click=${this.refresh} ?disabled=${!!this.working}>Refresh</button>
        ${canDeliver(job) ? html`<button type="button" @click=${this.deliver} ?disabled=${!!this.working}>Deliver</button>` : nothing}
        ${canCancel(job) && !this.confirmingCancel ? html`<button type="button" class="danger"
          @click=${this.askCancel}>Cancel job</button>` : nothing}
      </div>
      ${this.confirmingCancel ? html`<div class="problem" role="alertdialog" aria-labelledby="mgr-job-cancel-q">
        <p id="mgr-job-cancel-q"><strong>Cancel this job?</strong> No further task starts; running tasks stop after their
          current line. What was made is kept, but the job cannot be resumed.</p>
        <div class="actions">
          <button type="button" class="danger" id="mgr-job-cancel-yes" @click=${this.cancel}>Yes, cancel the job</button>
          <button type="button" class="secondary" @click=${() => { this.confirmingCancel = false; }}>Keep it</button>
        </div></div>` : nothing}
      ${job.state === 'IN_REVIEW' ? html`<p class="hint">QA reviews every synthesized line and flagged mix; the job can be
        delivered once all are approved.</p>` : nothing}
      ${deliveryView(this.delivery)}
      <h2>Progress</h2>
      ${progressView(job)}
      <h2>Synthesized lines</h2>
      ${outputsView(this.jobId, this.outputs, this.outputsNext ? () => this.moreOutputs() : null)}
      <h2>Files made</h2>
      ${deliverablesView(this.jobId, this.deliverables)}`;
  }
}
customElements.define('dg-manager-job', DgManagerJob);
