import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { dateTime, seconds } from '../ui/format.js';
import { APPROACHES, SCRIPT_FORMATS, charactersOf, scriptAccepted, scriptProblems } from './job-request.js';
import { mediaLabel } from './media-list.js';

const PREVIEW_ROWS = 200;
const APPROACH_WORDS = { SYNTHETIC: 'Synthetic voice', HUMAN: 'Human dub (recorded stem)', ORIGINAL: 'Original (kept as is)' };

/**
 * One target language of the job form: the script imported from a file and read by the server (its
 * cues, or every problem with its line), then the cast of each character the script names. Rendered
 * by the form (dg-manager-job-form), whose error and handlers it uses, so a 400's field errors land
 * next to these inputs too.
 */
export function targetSection(form, target, i) {
  const path = `targets[${i}]`;
  const id = (what) => `mgr-job-t${i}-${what}`;
  const described = (name, hint) => ifDefined([form.describedBy(name), hint].filter(Boolean).join(' ') || undefined);
  return html`<fieldset class="dg-manager-target" data-testid=${`target-${i}`}>
    <legend>Target language ${i + 1}${target.language ? ` — ${target.language}` : ''}</legend>
    <label for=${id('language')}>Language</label>
    <p class="hint" id=${id('language-hint')}>A BCP 47 tag, e.g. es-ES, fr, pt-BR.</p>
    <input id=${id('language')} name=${`${path}.language`} .value=${target.language}
      @input=${(e) => form.setTarget(i, { language: e.target.value })}
      aria-describedby=${described(`${path}.language`, id('language-hint'))} aria-invalid=${form.invalid(`${path}.language`)}>
    ${form.fieldError(`${path}.language`)}

    <label for=${id('script')}>Script file</label>
    <p class="hint" id=${id('script-hint')}>SRT, WebVTT, TTML/IMSC or JSON cues; each cue names its character
      (WebVTT <code>&lt;v ANNA&gt;</code>, SRT <code>ANNA:</code>).</p>
    <input id=${id('script')} name=${`${path}.script`} type="file" accept=".srt,.vtt,.ttml,.dfxp,.xml,.json,text/*"
      @change=${(e) => form.importScript(i, e.target.files[0])}
      aria-describedby=${described(`${path}.script`, id('script-hint'))} aria-invalid=${form.invalid(`${path}.script`)}>
    ${form.fieldError(`${path}.script`)}
    <label for=${id('format')}>Script format</label>
    <select id=${id('format')} name=${`${path}.script.format`} @change=${(e) => form.setFormat(i, e.target.value)}
      aria-describedby=${described(`${path}.script.format`)} aria-invalid=${form.invalid(`${path}.script.format`)}>
      <option value="" ?selected=${!target.format}>From the file name</option>
      ${SCRIPT_FORMATS.map((f) => html`<option value=${f} ?selected=${target.format === f}>${f}</option>`)}
    </select>
    ${form.fieldError(`${path}.script.format`)}
    ${form.fieldError(`${path}.script.text`)}
    ${previewView(target, i)}
    ${scriptAccepted(target) ? castView(form, target, i, path, id, described) : nothing}
    ${form.fieldError(`${path}.characters`)}
    ${form.form.targets.length > 1 ? html`<div class="actions"><button type="button" class="secondary"
      @click=${() => form.removeTarget(i)}>Remove target language ${i + 1}</button></div>` : nothing}
  </fieldset>`;
}

function previewView(target, i) {
  const p = target.preview;
  if (!target.fileName) return html`<p class="hint">No script imported yet.</p>`;
  if (!p) return html`<p class="hint">${target.fileName}: choose its format to read it.</p>`;
  const problems = scriptProblems(p);
  if (problems.length || p.refused) {
    return html`<div class="problem" role="alert" data-testid=${`script-problems-${i}`}>
      <strong>${target.fileName} (${p.format}) has ${problems.length} problem${problems.length === 1 ? '' : 's'}</strong>
      ${p.refused ? html` — it was refused at a limit` : nothing}; fix the file and import it again:
      <ul>${problems.map((m) => html`<li>${m}</li>`)}</ul></div>`;
  }
  const characters = charactersOf(p.cues);
  return html`<p role="status" data-testid=${`script-summary-${i}`}>${target.fileName} (${p.format}): ${p.cueCount}
    cue${p.cueCount === 1 ? '' : 's'}; characters ${characters.join(', ') || 'none'}.</p>
    <table class="cues">
      <caption>Cues of ${target.fileName}</caption>
      <thead><tr><th scope="col">Cue</th><th scope="col">Line</th><th scope="col">Start</th><th scope="col">End</th>
        <th scope="col">Character</th><th scope="col">Text</th></tr></thead>
      <tbody>${p.cues.slice(0, PREVIEW_ROWS).map((c) => html`<tr><td>${c.id}</td><td>${c.line}</td>
        <td>${seconds(c.start)}</td><td>${seconds(c.end)}</td><td>${c.character ?? html`<span class="bad">none</span>`}</td>
        <td>${c.text}</td></tr>`)}</tbody>
    </table>
    ${p.cues.length > PREVIEW_ROWS ? html`<p class="hint">The first ${PREVIEW_ROWS} of ${p.cues.length} cues.</p>` : nothing}`;
}

function castView(form, target, i, path, id, described) {
  if (!target.cast.length) return html`<p class="problem">The script names no character: each cue needs one.</p>`;
  return html`<table class="cast">
    <caption>Cast for ${target.language || `target language ${i + 1}`}</caption>
    <thead><tr><th scope="col">Character</th><th scope="col">Dub</th><th scope="col">Voice or stem</th></tr></thead>
    <tbody>${target.cast.map((c, k) => {
      const at = `${path}.characters[${k}]`;
      return html`<tr>
        <th scope="row">${c.character}</th>
        <td><label for=${id(`c${k}-approach`)}>Dub of ${c.character}</label><br>
          <select id=${id(`c${k}-approach`)} name=${`${at}.approach`}
            @change=${(e) => form.setCast(i, k, { approach: e.target.value })}
            aria-describedby=${described(`${at}.approach`)} aria-invalid=${form.invalid(`${at}.approach`)}>
            ${APPROACHES.map((a) => html`<option value=${a} ?selected=${c.approach === a}>${APPROACH_WORDS[a]}</option>`)}
          </select>${form.fieldError(`${at}.approach`)}${form.fieldError(`${at}.character`)}</td>
        <td>${castChoice(form, c, i, k, at, id, described)}</td>
      </tr>`;
    })}</tbody></table>`;
}

function castChoice(form, c, i, k, at, id, described) {
  if (c.approach === 'SYNTHETIC') {
    return html`<label for=${id(`c${k}-voice`)}>Voice of ${c.character}</label><br>
      <select id=${id(`c${k}-voice`)} name=${`${at}.voiceId`} @change=${(e) => form.setCast(i, k, { voiceId: e.target.value })}
        aria-describedby=${described(`${at}.voiceId`)} aria-invalid=${form.invalid(`${at}.voiceId`)}>
        <option value="" ?selected=${!c.voiceId}>Choose a voice</option>
        ${(form.voices ?? []).map((v) => html`<option value=${v.id} ?selected=${c.voiceId === v.id}>${v.name}
          ${v.stock ? '(stock voice)' : `— ${form.performerName(v.performerId)}`}</option>`)}
      </select>${form.fieldError(`${at}.voiceId`)}`;
  }
  if (c.approach === 'HUMAN') {
    return html`<label for=${id(`c${k}-stem`)}>Dub stem of ${c.character}</label><br>
      <select id=${id(`c${k}-stem`)} name=${`${at}.dubStemMediaId`}
        @change=${(e) => form.setCast(i, k, { dubStemMediaId: e.target.value })}
        aria-describedby=${described(`${at}.dubStemMediaId`)} aria-invalid=${form.invalid(`${at}.dubStemMediaId`)}>
        <option value="" ?selected=${!c.dubStemMediaId}>Choose the recorded stem</option>
        ${form.mediaOptions(c.dubStemMediaId)}
      </select>${form.fieldError(`${at}.dubStemMediaId`)}`;
  }
  return html`<span>The original performance is kept.</span>`;
}

/** The media options of a select: every READY media, newest first. */
export function mediaOptions(media, selected) {
  return media.map((m) => html`<option value=${m.id} ?selected=${selected === m.id}>${mediaLabel(m, { seconds, dateTime })}</option>`);
}
