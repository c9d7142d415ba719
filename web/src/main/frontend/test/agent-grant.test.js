import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  toInstant, toLocalInput, expectedSigner, grantBody, localErrors, addValues, normalizeLanguage, normalizeTerritory,
  titleNormalizer, descriptionAdvice, uploadType, entryErrors,
} from '../src/agent/grant-model.js';
import { standing, languageLabel, territoryLabel, titleLabel } from '../src/agent/names.js';

test('a datetime-local value is read as UTC and back', () => {
  assert.equal(toInstant('2026-12-01T10:30'), '2026-12-01T10:30:00Z');
  assert.equal(toInstant('2026-12-01T10:30:15'), '2026-12-01T10:30:15Z');
  assert.equal(toInstant(''), undefined);
  assert.equal(toInstant('tomorrow'), undefined);
  assert.equal(toLocalInput('2026-12-01T10:30:59.123Z'), '2026-12-01T10:30');
  assert.equal(toLocalInput('nonsense'), '');
});

test('a living performer signs themselves, a deceased one through the estate', () => {
  assert.equal(expectedSigner({ legalName: 'Ana Ruiz', deceased: false }), 'Ana Ruiz');
  assert.equal(expectedSigner({ legalName: 'Old Star', deceased: true, estateRepresentative: 'Kim Star' }), 'Kim Star');
  assert.equal(expectedSigner(undefined), '');
});

test('the form becomes a GrantRequest with every field, empty ones left out', () => {
  const body = grantBody({
    performerId: 'p-1', evidenceId: ' e-1 ', uses: ['VOICE_SYNTHESIS'], titles: ['NW-1'], languages: ['es', 'fr-CA'],
    territories: ['WORLDWIDE'], purposes: ['TEMP', 'FINAL'], validFrom: '2026-12-01T00:00', validUntil: '2027-01-01T00:00',
    description: '  what and how  ', compensationReference: 'C-7', signedBy: '',
  });
  assert.deepEqual(body, {
    performerId: 'p-1', evidenceId: 'e-1', uses: ['VOICE_SYNTHESIS'], titles: ['NW-1'], languages: ['es', 'fr-CA'],
    territories: ['WORLDWIDE'], purposes: ['TEMP', 'FINAL'], validFrom: '2026-12-01T00:00:00Z',
    validUntil: '2027-01-01T00:00:00Z', description: 'what and how', compensationReference: 'C-7', signedBy: undefined,
  });
  assert.deepEqual(JSON.parse(JSON.stringify(grantBody({}))),
    { uses: [], titles: [], languages: [], territories: [], purposes: [] }, 'the server names what is missing');
});

test('ids and dates the server could not read are named before sending', () => {
  assert.deepEqual(localErrors({ evidenceId: 'abc', validFrom: 'x' }).map((e) => e.field), ['evidenceId', 'validFrom']);
  assert.deepEqual(localErrors({ evidenceId: '0babacc7-f886-4949-adb9-83018fa98901', validFrom: '2026-12-01T00:00' }), []);
});

test('several values are added at once, normalized, without repeats', () => {
  assert.deepEqual(addValues(['es'], 'ES-419, fr_ca es', normalizeLanguage), ['es', 'es-419', 'fr-CA']);
  assert.deepEqual(addValues([], 'worldwide;  es', normalizeTerritory), ['WORLDWIDE', 'ES']);
  assert.deepEqual(addValues(['a'], '   '), ['a']);
  assert.equal(normalizeLanguage('ZH-hant-tw'), 'zh-Hant-TW');
  const title = titleNormalizer(['NORTHWIND-S01E03']);
  assert.equal(title('northwind-s01e03'), 'NORTHWIND-S01E03');
  assert.equal(title('Other-1'), 'Other-1');
});

test('the description advice counts words as the server does', () => {
  assert.match(descriptionAdvice(''), /Say what will be synthesized/);
  assert.match(descriptionAdvice('test dub'), /^2 words so far/);
  assert.equal(descriptionAdvice('Synthesize the voice for the Spanish temporary dub of episode three only.'), '12 words.');
});

test('evidence of an unaccepted type goes as bytes, for the server to judge by content', () => {
  assert.equal(uploadType('application/pdf'), 'application/pdf');
  assert.equal(uploadType('image/jpeg'), 'image/jpeg');
  assert.equal(uploadType('text/plain'), 'application/octet-stream');
  assert.equal(uploadType(''), 'application/octet-stream');
});

test('a list field collects its own message and its entries’ by index', () => {
  const errors = { titles: 'at least one is required', 'titles[2]': "'ALL' is not …", 'languages[0]': 'bad', titlesX: 'no' };
  assert.deepEqual(entryErrors(errors, 'titles'), { field: 'at least one is required', entries: { 2: "'ALL' is not …" } });
  assert.deepEqual(entryErrors(undefined, 'titles'), { field: undefined, entries: {} });
});

test('standings and codes read in words', () => {
  assert.deepEqual(standing('NOT_YET_VALID'), { label: 'Not yet valid', tone: 'warn' });
  assert.equal(standing('REVOKED').label, 'Revoked');
  assert.equal(standing('SOMETHING').label, 'SOMETHING');
  assert.equal(languageLabel('es-419'), 'es-419 (Latin American Spanish)');
  assert.equal(languageLabel('qq-ZZ'), 'qq-ZZ');
  assert.equal(territoryLabel('ES'), 'ES (Spain)');
  assert.equal(territoryLabel('WORLDWIDE'), 'WORLDWIDE (every territory)');
  assert.equal(titleLabel('NW-1', new Map([['NW-1', 'Northwind']])), 'NW-1 (Northwind)');
  assert.equal(titleLabel('NW-2', new Map()), 'NW-2');
});
