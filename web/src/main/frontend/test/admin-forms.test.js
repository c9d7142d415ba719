import { test } from 'node:test';
import assert from 'node:assert/strict';
import { approvalBody, approveBody, endOfDay, hashQuery, joinIds, ledgerQuery, modelBody, readForm, rolesBody,
  userBody } from '../src/admin/forms.js';
import { ESCALATIONS } from '../src/admin/words.js';

test('a form is read as strings, checkbox groups as arrays even when nothing is checked', () => {
  const fd = new FormData();
  fd.append('username', 'ann');
  fd.append('roles', 'qa');
  fd.append('roles', 'manager');
  assert.deepEqual(readForm(fd, ['roles']), { username: 'ann', roles: ['qa', 'manager'] });
  assert.deepEqual(readForm(new FormData(), ['roles']), { roles: [] });
});

test('a user gets an agency only as an agent', () => {
  assert.deepEqual(userBody({ username: ' ann ', password: 'p', roles: ['qa'], agency: 'Left over' }),
    { username: 'ann', password: 'p', roles: ['qa'] });
  assert.deepEqual(userBody({ username: 'bo', password: 'p', roles: ['agent'], agency: ' Dev Talent ' }),
    { username: 'bo', password: 'p', roles: ['agent'], agency: 'Dev Talent' });
  assert.equal(userBody({ username: '', password: '', roles: [] }).username, undefined, 'blank is absent, so the server says required');
  assert.deepEqual(rolesBody({ roles: ['manager'], agency: 'x' }), { roles: ['manager'], agency: undefined });
  assert.deepEqual(rolesBody({ roles: ['agent', 'qa'], agency: 'A' }), { roles: ['agent', 'qa'], agency: 'A' });
});

test('an installed engine is registered without version or artifact location; yes/no become booleans', () => {
  const body = modelBody({ name: 'espeak', kind: 'VOICE', engine: 'espeak-ng', version: '', artifactLocation: ' ',
    licence: 'GPL', trainingData: 'rules', trainingDataLicensed: 'true', storesInputs: 'false', executionSite: 'ON_PREMISES' });
  assert.equal(body.version, undefined);
  assert.equal(body.artifactLocation, undefined);
  assert.equal(body.trainingDataLicensed, true);
  assert.equal(body.storesInputs, false);
  assert.equal(body.trainsOnInputs, undefined, 'not answered: left for the server to call required');
  assert.equal(modelBody({ artifactLocation: '/opt/m/a.onnx' }).artifactLocation, '/opt/m/a.onnx');
});

test('approving sends an override only when one is chosen', () => {
  assert.deepEqual(approveBody({ note: '', overrideApprovalId: '' }), { note: undefined, overrideApprovalId: undefined });
  assert.deepEqual(approveBody({ note: 'ok', overrideApprovalId: 'a1' }), { note: 'ok', overrideApprovalId: 'a1' });
});

test('a written approval names one scope, a subject only where its escalation has one, and lasts through its day', () => {
  assert.equal(endOfDay('2027-06-30'), '2027-06-30T23:59:59Z');
  assert.equal(endOfDay(''), undefined);
  assert.deepEqual(approvalBody({ escalation: 'FINAL_PURPOSE', subject: 'ignored', scope: 'title', titleCode: 'T-1',
    jobId: 'j', text: ' approved ', validUntil: '2027-01-01' }, ESCALATIONS),
  { escalation: 'FINAL_PURPOSE', titleCode: 'T-1', text: 'approved', validUntil: '2027-01-01T23:59:59Z' });
  assert.deepEqual(approvalBody({ escalation: 'STOCK_VOICE', subject: 'NARRATOR', scope: 'job', titleCode: 'T-1',
    jobId: 'j-1', text: 't', validUntil: '' }, ESCALATIONS),
  { escalation: 'STOCK_VOICE', subject: 'NARRATOR', jobId: 'j-1', text: 't', validUntil: undefined });
  assert.equal(approvalBody({ escalation: '', subject: 's' }, ESCALATIONS).subject, 's', 'no escalation yet: keep the subject');
});

test('ledger dates are whole UTC days, "to" inclusive', () => {
  assert.deepEqual(ledgerQuery({ subject: ' m-1 ', performer: '', from: '2026-12-01', to: '2026-12-31' }),
    { subject: 'm-1', performer: undefined, from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
  assert.deepEqual(ledgerQuery({}), { subject: undefined, performer: undefined, from: undefined, to: undefined });
});

test('a hash route query prefills; describedby ids join without blanks', () => {
  assert.deepEqual(hashQuery('#/admin/ledger?subject=abc&x=1'), { subject: 'abc', x: '1' });
  assert.deepEqual(hashQuery('#/admin/ledger'), {});
  assert.equal(joinIds('error-a', undefined, 'hint'), 'error-a hint');
  assert.equal(joinIds(undefined, ''), undefined);
});
