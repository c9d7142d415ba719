import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareItems, neighbours, progressOf, filtersOf, routeWith, verdictRequest, figureOf, sortChecks,
  sortItems, itemLabel } from '../src/qa/review.js';

const line = (id, jobId, language, start, cueId = id) => ({ id, jobId, language, start, cueId, kind: 'LINE' });
const check = (id, jobId, language) => ({ id, jobId, language, kind: 'CHECK', flags: ['NO_MNE_ORIGINAL_AUDIBLE'] });

test('items are reviewed by job, language, then lines in time order with the mix checks last', () => {
  const items = [check('c1', 'j1', 'en'), line('b', 'j1', 'en', 2), line('z', 'j1', 'es', 0.1),
    line('a', 'j1', 'en', 0.1), line('q', 'j0', 'fr', 5)];
  assert.deepEqual(sortItems(items).map((i) => i.id), ['q', 'a', 'b', 'c1', 'z']);
  assert.equal(compareItems(items[1], items[1]), 0);
});

test('the next and previous open items wrap around and skip the current one', () => {
  const a = line('a', 'j', 'en', 0.1); const b = line('b', 'j', 'en', 1); const c = line('c', 'j', 'en', 2);
  assert.deepEqual(neighbours([a, b, c], b), { next: c, previous: a });
  assert.deepEqual(neighbours([a, b, c], c), { next: a, previous: b });
  assert.deepEqual(neighbours([c, a, b], a), { next: b, previous: c });
  assert.deepEqual(neighbours([b], b), { next: null, previous: null });
});

test('a just-decided item, no longer open, still has a next one: the open item after it', () => {
  const a = line('a', 'j', 'en', 0.1); const b = line('b', 'j', 'en', 1); const c = line('c', 'j', 'en', 2);
  assert.equal(neighbours([a, c], b).next, c);
  assert.equal(neighbours([a, c], b).previous, a);
  assert.equal(neighbours([a], c).next, a, 'after the last comes the first');
  assert.equal(neighbours([], c).next, null);
});

test('progress counts decided items; superseded ones, replaced by a new version, do not count', () => {
  assert.deepEqual(progressOf({ OPEN: 2, APPROVED: 3, RERENDER: 1, SUPERSEDED: 4 }),
    { total: 6, open: 2, decided: 4, approved: 3, rejected: 0, rerender: 1, superseded: 4 });
  assert.deepEqual(progressOf({}), { total: 0, open: 0, decided: 0, approved: 0, rejected: 0, rerender: 0, superseded: 0 });
  assert.equal(progressOf(undefined).total, 0);
});

test('the filters live in the hash query, empty ones left out', () => {
  assert.deepEqual(filtersOf('#/qa/queue?job=j1&flag=OVERFLOW&language=&other=x'), { job: 'j1', flag: 'OVERFLOW' });
  assert.deepEqual(filtersOf('#/qa/queue'), {});
  assert.equal(routeWith('qa/items/7', { language: 'es', job: 'j 1', flag: '' }), 'qa/items/7?job=j+1&language=es');
  assert.equal(routeWith('qa/queue', {}), 'qa/queue');
  assert.deepEqual(filtersOf(`#/${routeWith('qa/queue', { job: 'a&b' })}`), { job: 'a&b' });
});

test('an approval is the verdict alone; a rejection carries its note', () => {
  assert.deepEqual(verdictRequest('APPROVED', { note: 'ignored', text: 'x' }), { body: { verdict: 'APPROVED' }, errors: [] });
  assert.deepEqual(verdictRequest('REJECTED', { note: 'wrong actor' }).body, { verdict: 'REJECTED', note: 'wrong actor' });
  assert.deepEqual(verdictRequest('REJECTED', {}).body, { verdict: 'REJECTED', note: '' }, 'the server says a note is needed');
});

test('a re-render sends the text only when edited, and the numbers given', () => {
  const item = { text: 'Pon el rojo en G nueve.' };
  assert.deepEqual(verdictRequest('RERENDER', { note: 'too long', text: 'Pon el rojo.', ratePercent: '',
    pitchPercent: ' ', maxTempo: '' }, item), { body: { verdict: 'RERENDER', note: 'too long', text: 'Pon el rojo.' }, errors: [] });
  assert.deepEqual(verdictRequest('RERENDER', { note: 'faster', text: ' Pon el rojo en G nueve. ', ratePercent: '120',
    pitchPercent: '95', maxTempo: '1.4' }, item).body,
  { verdict: 'RERENDER', note: 'faster', ratePercent: 120, pitchPercent: 95, maxTempo: 1.4 });
  assert.deepEqual(verdictRequest('RERENDER', { note: 'n', text: '' }, item).body, { verdict: 'RERENDER', note: 'n', text: '' },
    'an emptied text goes to the server, which names the field');
});

test('numbers the API could not read are named by field before sending', () => {
  const { errors } = verdictRequest('RERENDER', { note: 'n', ratePercent: '12.5', pitchPercent: 'abc', maxTempo: '1,3' }, {});
  assert.deepEqual(errors.map((e) => e.field), ['ratePercent', 'pitchPercent', 'maxTempo']);
});

test('checks read with their figures, flagged ones first', () => {
  assert.equal(figureOf({ figure: 2.34, unit: 'ratio' }), '2.34 ratio');
  assert.equal(figureOf({ figure: 37440, unit: 'samples' }), '37440 samples');
  assert.equal(figureOf({ figure: -3.8097, unit: 'dBFS' }), '-3.81 dBFS');
  assert.equal(figureOf({ unit: 'ratio' }), '');
  assert.equal(figureOf({ figure: 0, unit: '' }), '0');
  assert.deepEqual(sortChecks([{ check: 'LINE_SILENT', verdict: 'PASSED' }, { check: 'OVERFLOW', verdict: 'FLAGGED' },
    { check: 'LINE_EMPTY', verdict: 'PASSED' }]).map((c) => c.check), ['OVERFLOW', 'LINE_EMPTY', 'LINE_SILENT']);
});

test('an item reads as its language and cue, or as the mix check it is', () => {
  assert.equal(itemLabel({ kind: 'LINE', language: 'es', cueId: 'dos', character: 'BO' }), 'es cue dos (BO)');
  assert.equal(itemLabel(check('c', 'j', 'en')), 'Mix check en: NO_MNE_ORIGINAL_AUDIBLE');
  assert.equal(itemLabel({ kind: 'SHOT', language: 'es', character: 'ANNA' }), 'es lip-synced shot of ANNA');
});
