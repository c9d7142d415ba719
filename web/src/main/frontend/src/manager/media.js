import { html, nothing } from 'lit';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { bytes, dateTime, seconds } from '../ui/format.js';
import { pending, streamText } from './media-list.js';

const PROBE_WAIT_MS = [300, 500, 1000, 1000, 2000];

/**
 * Source media: uploaded as the raw body (streamed, with a progress bar), then probed by the server in
 * the background; the page shows what probing found, and every media record newest first.
 */
export class DgManagerMedia extends DgPage {
  static properties = {
    ...DgPage.properties, fraction: { state: true }, media: { state: true }, list: { state: true }, next: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.act('Loading media', () => this.loadList());
  }

  disconnectedCallback() {
    this.gone = true;
    super.disconnectedCallback();
  }

  async loadList(after) {
    const page = await api.get('/media', { after, limit: 50 });
    this.list = after ? [...this.list, ...page.items] : page.items;
    this.next = page.next;
  }

  async upload(event) {
    event.preventDefault();
    const file = event.target.querySelector('#mgr-media-file').files[0];
    if (!file) return;
    this.fraction = 0;
    this.media = null;
    // the server takes audio/*, video/* or raw bytes; a container the browser types otherwise (MXF is
    // application/mxf) goes as raw bytes, and the server's probe says what it is
    const body = /^(audio|video)\//.test(file.type) ? file : new Blob([file], { type: 'application/octet-stream' });
    const uploaded = await this.act(`Uploading ${file.name}`, () => api.upload('/media', body, { name: file.name },
      (f) => { this.fraction = f; }));
    this.fraction = undefined;
    if (!uploaded) return;
    event.target.reset();
    this.media = uploaded;
    await this.awaitProbe(uploaded.id);
  }

  /** The probe runs in the background: the record is read again until it is READY or REJECTED. */
  async awaitProbe(id) {
    await this.act('Probing the media', async () => {
      for (let i = 0; !this.gone; i++) {
        this.media = await api.get(`/media/${id}`);
        if (!pending(this.media) || i > 120) break;
        await new Promise((r) => setTimeout(r, PROBE_WAIT_MS[Math.min(i, PROBE_WAIT_MS.length - 1)]));
      }
      await this.loadList();
    });
  }

  async show(id) {
    const m = await this.act('Reading the media record', () => api.get(`/media/${id}`));
    if (!m) return;
    this.media = m;
    await this.updateComplete;
    this.querySelector('#mgr-media-shown')?.focus();
    if (pending(m)) await this.awaitProbe(id);
  }

  render() {
    return html`<h1>Media</h1>
      <p>Upload the picture-and-sound source of a job, and its M&amp;E or dialogue stems or a dub actor’s recorded
        stem. The server checks each file by its content and probes it.</p>
      <form @submit=${this.upload} aria-label="Upload media">
        <label for="mgr-media-file">Media file</label>
        <input id="mgr-media-file" type="file" accept="video/*,audio/*,.mkv,.mxf,.mpg,.wav,.flac" required>
        <div class="actions"><button type="submit" ?disabled=${!!this.working}>Upload</button></div>
      </form>
      ${this.progressView(this.fraction)}
      ${this.problemView()}
      ${this.media ? this.mediaView(this.media) : nothing}
      <h2>All media</h2>
      ${this.list?.length ? this.listView() : html`<p>${this.list ? 'None yet.' : ''}</p>`}`;
  }

  mediaView(m) {
    const p = m.probe;
    return html`<section aria-labelledby="mgr-media-shown">
      <h2 id="mgr-media-shown" tabindex="-1">${m.name}</h2>
      <dl class="facts" data-testid="media-facts">
        <dt>State</dt><dd><span class="state ${m.state === 'READY' ? 'ok' : m.state === 'REJECTED' ? 'bad' : 'warn'}">${m.state}</span>
          ${m.reason ? html` — ${m.reason}` : nothing}${pending(m) ? html` — being probed` : nothing}</dd>
        <dt>Id</dt><dd><code data-testid="media-id">${m.id}</code></dd>
        <dt>Size</dt><dd>${bytes(m.sizeBytes)}</dd>
        <dt>Declared type</dt><dd>${m.declaredType ?? ''}</dd>
        <dt>SHA-256</dt><dd><code>${m.sha256}</code></dd>
        ${m.durationSeconds !== undefined ? html`<dt>Duration</dt><dd>${seconds(m.durationSeconds)}</dd>` : nothing}
        ${p ? html`<dt>Container</dt><dd>${p.containerLongName ?? p.container}${p.container ? ` (${p.container})` : ''}</dd>
          ${p.bitRate ? html`<dt>Bit rate</dt><dd>${Math.round(p.bitRate / 1000)} kbit/s</dd>` : nothing}` : nothing}
        <dt>Uploaded</dt><dd>${dateTime(m.createdAt)} by ${m.uploadedBy}</dd>
      </dl>
      ${p?.streams?.length ? html`<table>
        <caption>Streams</caption>
        <thead><tr><th scope="col">#</th><th scope="col">Stream</th><th scope="col">Duration</th></tr></thead>
        <tbody>${p.streams.map((s) => html`<tr><td>${s.index}</td><td>${streamText(s)}</td>
          <td>${seconds(s.durationSeconds)}</td></tr>`)}</tbody></table>` : nothing}
      ${m.state === 'READY' ? html`<p><a href="#/manager/new-job">Start a job</a> — this media is offered in the job form.</p>` : nothing}
    </section>`;
  }

  listView() {
    return html`<table>
      <thead><tr><th scope="col">Name</th><th scope="col">State</th><th scope="col">Type</th><th scope="col">Duration</th>
        <th scope="col">Audio</th><th scope="col">Size</th><th scope="col">Uploaded</th><th scope="col">Probe</th></tr></thead>
      <tbody>${this.list.map((m) => html`<tr>
        <td>${m.name}</td><td>${m.state}</td><td>${m.declaredType ?? ''}</td><td>${seconds(m.durationSeconds)}</td>
        <td>${m.audioChannels ? `${m.audioChannels} ch` : m.state === 'READY' ? 'none' : ''}</td><td>${bytes(m.sizeBytes)}</td>
        <td>${dateTime(m.createdAt)} by ${m.uploadedBy}</td>
        <td><button type="button" class="secondary" aria-label=${`Show ${m.name} of ${dateTime(m.createdAt)}`}
          @click=${() => this.show(m.id)}>Show</button></td>
      </tr>`)}</tbody></table>
      ${this.next ? html`<button type="button" class="secondary"
        @click=${() => this.act('Loading media', () => this.loadList(this.next))}>More media</button>` : nothing}`;
  }
}
customElements.define('dg-manager-media', DgManagerMedia);
