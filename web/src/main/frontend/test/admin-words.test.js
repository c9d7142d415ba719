import { test } from 'node:test';
import assert from 'node:assert/strict';
import { approvalState, artifactCheck, dataTerms, detailPairs, modelState, subjectLink, verification }
  from '../src/admin/words.js';

test('the ledger verification reads as intact up to entry N, or broken at entry N', () => {
  assert.equal(verification({ valid: true, entriesChecked: 23 }).headline, 'The ledger is intact up to entry 23');
  assert.equal(verification({ valid: true, entriesChecked: 0 }).headline, 'The ledger is empty');
  const broken = verification({ valid: false, entriesChecked: 6, firstBrokenSeq: 7,
    problem: 'entry 7: its hash does not match its content' });
  assert.equal(broken.headline, 'The ledger is broken at entry 7');
  assert.equal(broken.text, 'its hash does not match its content. The 6 entries before it are intact.');
  assert.equal(broken.tone, 'bad');
  assert.match(verification({ valid: false, entriesChecked: 0, firstBrokenSeq: 1, problem: 'x' }).text, /No entry before it/);
});

test('the artifact check says matches, differs or missing', () => {
  assert.equal(artifactCheck('MATCH').headline, 'The artifact matches');
  assert.equal(artifactCheck('MISMATCH').headline, 'The artifact differs');
  assert.equal(artifactCheck('MISSING').headline, 'The artifact is missing');
  assert.equal(artifactCheck('MISSING').tone, 'bad');
});

test('model states and data terms in words', () => {
  assert.equal(modelState({ status: 'PENDING' }).text, 'Pending approval');
  assert.equal(modelState({ status: 'REVOKED' }).tone, 'bad');
  assert.equal(dataTerms({ dataTermProblems: [] }), 'Clean');
  assert.equal(dataTerms({ dataTermProblems: ['it stores inputs', 'the licence is unknown'] }),
    'Not clean: it stores inputs; the licence is unknown');
});

test('a written approval is active, expired or revoked with its reason; only unrevoked ones can be revoked', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  assert.deepEqual(approvalState({ validUntil: '2027-01-01T00:00:00Z' }, now), { text: 'Active', tone: 'ok', open: true });
  assert.equal(approvalState({ validUntil: '2026-11-30T00:00:00Z' }, now).text, 'Expired');
  assert.deepEqual(approvalState({ revoked: true, revocationReason: 'contract ended', validUntil: '2027-01-01T00:00:00Z' }, now),
    { text: 'Revoked: contract ended', tone: 'bad', open: false });
});

test('audit entry detail as pairs, and models link to their page', () => {
  assert.deepEqual(detailPairs({ name: 'x', cleanTerms: true, languages: ['en'] }),
    [{ key: 'name', value: 'x' }, { key: 'cleanTerms', value: 'true' }, { key: 'languages', value: '["en"]' }]);
  assert.deepEqual(detailPairs(undefined), []);
  assert.equal(subjectLink({ subjectType: 'model', subjectId: 'm1' }), '#/admin/models/m1');
  assert.equal(subjectLink({ subjectType: 'grant', subjectId: 'g1' }), null);
});
