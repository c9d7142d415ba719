import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newJobForm, newTarget, formatOfFileName, charactersOf, castFor, scriptAccepted, scriptProblems, toJobRequest,
  toPlanInput, planFieldToFormField, consentReport, newIdempotencyKey, renameProblemFields,
} from '../src/manager/job-request.js';

const CUES = [{ id: 'uno', character: 'ANNA' }, { id: 'dos', character: 'BO' }, { id: 'tres', character: 'ANNA' },
  { id: 'cuatro' }];

function filledForm() {
  const form = newJobForm();
  Object.assign(form, { title: ' RV-1 ', sourceMediaId: 'm-src', territory: 'es', priority: '7', originalLanguage: 'en' });
  Object.assign(form.targets[0], { language: 'es-ES', format: 'WEBVTT', text: 'WEBVTT\n', cast: [
    { character: 'ANNA', approach: 'SYNTHETIC', voiceId: 'v-anna', dubStemMediaId: 'stale-stem' },
    { character: 'BO', approach: 'HUMAN', voiceId: 'stale-voice', dubStemMediaId: 'm-bo' },
    { character: 'CROWD', approach: 'ORIGINAL', voiceId: 'x', dubStemMediaId: 'y' },
  ] });
  return form;
}

test('the format comes from the extension, or is left to the manager', () => {
  assert.equal(formatOfFileName('ep1.es.srt'), 'SRT');
  assert.equal(formatOfFileName('EP1.VTT'), 'WEBVTT');
  assert.equal(formatOfFileName('ep1.ttml'), 'TTML');
  assert.equal(formatOfFileName('ep1.dfxp'), 'TTML');
  assert.equal(formatOfFileName('cues.json'), 'JSON');
  assert.equal(formatOfFileName('script.txt'), '');
  assert.equal(formatOfFileName(undefined), '');
});

test('the cast has each character the script names once, in speaking order, keeping earlier choices', () => {
  assert.deepEqual(charactersOf(CUES), ['ANNA', 'BO']);
  const kept = { character: 'BO', approach: 'ORIGINAL', voiceId: '', dubStemMediaId: '' };
  assert.deepEqual(castFor(['ANNA', 'BO'], [kept, { character: 'GONE', approach: 'HUMAN' }]), [
    { character: 'ANNA', approach: 'SYNTHETIC', voiceId: '', dubStemMediaId: '' }, kept]);
});

test('a script is accepted only when the server read it without a problem; problems say where', () => {
  const t = newTarget();
  assert.equal(scriptAccepted(t), false);
  t.preview = { cues: CUES, errors: [] };
  assert.equal(scriptAccepted(t), true);
  t.preview = { cues: CUES, errors: [{ where: 'line 7', message: 'expected a timing line' }, { message: 'no where' }] };
  assert.equal(scriptAccepted(t), false);
  assert.deepEqual(scriptProblems(t.preview), ['line 7: expected a timing line', 'no where']);
  assert.equal(scriptAccepted({ preview: { cues: [], errors: [], refused: true } }), false);
});

test('the job request sends what each approach uses and leaves empty fields to the server', () => {
  assert.deepEqual(toJobRequest(filledForm()), {
    title: 'RV-1', sourceMediaId: 'm-src', territory: 'ES', purpose: 'TEMP', priority: 7, originalLanguage: 'en',
    delivery: { profile: 'STREAMING' },
    targets: [{ language: 'es-ES', script: { format: 'WEBVTT', text: 'WEBVTT\n' }, characters: [
      { character: 'ANNA', approach: 'SYNTHETIC', voiceId: 'v-anna' },
      { character: 'BO', approach: 'HUMAN', dubStemMediaId: 'm-bo' },
      { character: 'CROWD', approach: 'ORIGINAL' },
    ] }],
  });
  const empty = toJobRequest(newJobForm());
  assert.deepEqual(Object.keys(empty).sort(), ['delivery', 'priority', 'purpose', 'targets']);
  const noVoice = filledForm();
  noVoice.targets[0].cast[0].voiceId = '';
  assert.deepEqual(toJobRequest(noVoice).targets[0].characters[0], { character: 'ANNA', approach: 'SYNTHETIC' });
});

test('the consent plan names each synthetic voice by its performer and model, a stock voice by its model only', () => {
  const form = filledForm();
  form.targets.push({ ...newTarget(), language: 'fr', cast: [{ character: 'ANNA', approach: 'SYNTHETIC', voiceId: 'v-stock' }] });
  const voices = { 'v-anna': { performerId: 'p-anna', modelId: 'm-espeak' }, 'v-stock': { modelId: 'm-flite' } };
  assert.deepEqual(toPlanInput(form, voices), {
    title: 'RV-1', territory: 'ES', purpose: 'TEMP', targets: [
      { language: 'es-ES', characters: [
        { name: 'ANNA', approach: 'SYNTHETIC', voicePerformerId: 'p-anna', voiceModelId: 'm-espeak' },
        { name: 'BO', approach: 'HUMAN' }, { name: 'CROWD', approach: 'ORIGINAL' }] },
      { language: 'fr', characters: [{ name: 'ANNA', approach: 'SYNTHETIC', voiceModelId: 'm-flite' }] }],
  });
});

test('a dry run field path maps onto the form field it is about', () => {
  assert.equal(planFieldToFormField('targets[1].characters[0].voiceModelId'), 'targets[1].characters[0].voiceId');
  assert.equal(planFieldToFormField('targets[0].characters[2].name'), 'targets[0].characters[2].character');
  assert.equal(planFieldToFormField('territory'), 'territory');
});

test('a consent report lists every violation, use, unusable model and escalation in words', () => {
  const r = consentReport({ decision: { allowed: false,
    violations: [{ message: 'Anna W.: no grant covers this language' }, { message: 'stock voice needs approval' }],
    uses: [{ performer: 'Anna W.', use: 'VOICE_SYNTHESIS', language: 'fr', characters: ['ANNA'], covered: false,
      reasons: ['WRONG_LANGUAGE'] },
    { performer: 'Bo', use: 'VOICE_SYNTHESIS', language: 'es', characters: ['BO'], covered: true, grantId: 'g1' }],
    models: [{ name: 'flite', status: 'APPROVED', hashState: 'MATCH', usable: true, problems: [] },
      { name: 'x', status: 'PENDING', hashState: 'MATCH', usable: false, problems: ['not approved'] }],
    escalations: [{ escalation: 'STOCK_VOICE', subject: 'RV-1', why: 'no performer', cleared: false }] } });
  assert.equal(r.allowed, false);
  assert.deepEqual(r.violations, ['Anna W.: no grant covers this language', 'stock voice needs approval']);
  assert.deepEqual(r.uses, ['Anna W.: VOICE_SYNTHESIS in fr (ANNA) — not covered (WRONG_LANGUAGE)',
    'Bo: VOICE_SYNTHESIS in es (BO) — covered by grant g1']);
  assert.deepEqual(r.models, ['x: PENDING, artifact MATCH — not approved']);
  assert.deepEqual(r.escalations, ['STOCK_VOICE (RV-1): no performer — needs an admin’s written approval']);
  assert.equal(consentReport({ decision: { allowed: true } }).allowed, true);
});

test('an idempotency key is a v4 UUID with or without randomUUID, fresh each time', () => {
  const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const fallback = { getRandomValues: (b) => globalThis.crypto.getRandomValues(b) };
  const a = newIdempotencyKey(fallback);
  assert.match(a, shape);
  assert.notEqual(a, newIdempotencyKey(fallback));
  assert.match(newIdempotencyKey(), shape);
});

test('a problem keeps its messages when its field paths are renamed', () => {
  const p = { title: 'Invalid input', errors: [{ field: 'format', message: 'one of SRT' }, { message: 'whole' }] };
  assert.deepEqual(renameProblemFields(p, (f) => `targets[2].script.${f}`), { title: 'Invalid input',
    errors: [{ field: 'targets[2].script.format', message: 'one of SRT' }, { message: 'whole' }] });
  assert.deepEqual(renameProblemFields({ detail: 'x' }, (f) => f), { detail: 'x' });
});
