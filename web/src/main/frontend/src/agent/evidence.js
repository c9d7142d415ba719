import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { bytes } from '../ui/format.js';
import { uploadType } from './grant-model.js';

const errorId = (name) => `error-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const UPLOADING = 'Uploading the signed document';

/**
 * The grant's signed evidence: the file goes up as the raw body of POST /consent-evidence (the server
 * judges it by its bytes: PDF, PNG or JPEG) with its progress shown, and the id it gets is the grant's
 * evidenceId. An id from an earlier upload may be pasted instead.
 *
 * `formErrors` are the grant form's field errors (for evidenceId); this element's own `error` is the
 * upload's. Fires `evidence-changed` with the id as detail.
 */
export class DgAgentEvidence extends DgPage {
  static properties = {
    ...DgPage.properties,
    evidenceId: { attribute: false },
    formErrors: { attribute: false },
    fraction: { state: true },
    document: { state: true },
  };

  constructor() {
    super();
    this.evidenceId = '';
  }

  changeId(id) {
    this.evidenceId = id;
    this.dispatchEvent(new CustomEvent('evidence-changed', { detail: id, bubbles: true }));
  }

  async upload(event) {
    const file = event.target.files?.[0];
    if (!file) return;
    this.document = null;
    this.fraction = 0;
    // a file of another type goes as bytes, so the server's content check answers rather than a bare 415
    const body = file.type === uploadType(file.type) ? file : new Blob([file], { type: uploadType(file.type) });
    const doc = await this.act(UPLOADING, () => api.upload('/consent-evidence', body, { name: file.name },
      (f) => { this.fraction = f; }));
    if (doc) {
      this.document = doc;
      this.changeId(doc.id);
    } else {
      this.fraction = undefined;
    }
  }

  render() {
    const fieldMessage = this.formErrors?.evidenceId;
    const idDescribedBy = ['dg-agent-evidence-id-hint', fieldMessage ? errorId('evidenceId') : null].filter(Boolean).join(' ');
    return html`<fieldset>
      <legend>Signed consent document (required)</legend>
      <label for="dg-agent-evidence-file">Upload the signed document (PDF, PNG or JPEG)</label>
      <input type="file" id="dg-agent-evidence-file" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        aria-describedby=${ifDefined(this.error ? 'dg-agent-evidence-problem' : undefined)}
        @change=${this.upload}>
      ${this.fraction !== undefined ? html`<div class="dg-agent-upload">
        <progress id="dg-agent-evidence-progress" max="1" .value=${this.fraction}
          aria-label="Upload of the signed document"></progress>
        <span role="status">${this.document ? 'Uploaded' : `Uploading… ${Math.round((this.fraction ?? 0) * 100)} %`}</span>
      </div>` : nothing}
      ${this.error ? html`<p class="field-error" id="dg-agent-evidence-problem" role="alert">The document was not accepted:
        ${this.error.problem?.detail ?? this.error.message}</p>` : nothing}
      ${this.document ? html`<dl class="facts dg-agent-evidence-facts">
        <dt>File</dt><dd>${this.document.originalName} (${this.document.mediaType}, ${bytes(this.document.sizeBytes)})</dd>
        <dt>SHA-256</dt><dd><code>${this.document.sha256}</code></dd>
      </dl>` : nothing}
      <label for="dg-agent-evidence-id">Evidence document id</label>
      <p class="hint" id="dg-agent-evidence-id-hint">Filled in by the upload; or paste the id of a document you uploaded
        before.</p>
      <input id="dg-agent-evidence-id" name="evidenceId" autocomplete="off" .value=${this.evidenceId ?? ''}
        aria-describedby=${idDescribedBy} aria-invalid=${fieldMessage ? 'true' : 'false'}
        @input=${(e) => this.changeId(e.target.value)}>
      ${fieldMessage ? html`<p class="field-error" id=${errorId('evidenceId')}>${fieldMessage}</p>` : nothing}
    </fieldset>`;
  }
}
customElements.define('dg-agent-evidence', DgAgentEvidence);
