import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usageRows, filterRows } from '../src/agent/usage-model.js';

// entries shaped as GET /performers/{id}/usage returns them (AuditEntryResponse)
const entries = [
  { seq: 8, at: '2026-12-01T16:12:44Z', actor: 'agent-1', action: 'GRANT_RECORDED', subjectType: 'consent-grant',
    subjectId: 'g-1', decision: 'ACTIVE', detail: { uses: ['VOICE_SYNTHESIS'], titles: ['WALK-1'], languages: ['en', 'es'],
      territories: ['WORLDWIDE'], purposes: ['TEMP'] } },
  { seq: 10, at: '2026-12-01T16:12:45Z', actor: 'manager-1', action: 'GATE_USE_DECISION', subjectType: 'consent-check',
    subjectId: 'c-1', decision: 'COVERED', detail: { context: 'submission', use: 'VOICE_SYNTHESIS', language: 'es-ES',
      title: 'WALK-1', territory: 'ES', purpose: 'TEMP', reasons: [], grantId: 'g-1' } },
  { seq: 11, at: '2026-12-01T16:12:46Z', actor: 'manager-1', action: 'GATE_USE_DECISION', decision: 'NOT_COVERED',
    detail: { context: 'dry-run', use: 'LIP_SYNC', language: 'fr', title: 'WALK-1', territory: 'FR', purpose: 'FINAL',
      reasons: ['WRONG_LANGUAGE', 'WRONG_PURPOSE'] } },
  { seq: 13, at: '2026-12-01T16:12:51Z', actor: 'qa-1', action: 'QA_VERDICT', decision: 'REJECTED',
    detail: { jobId: 'job-1', language: 'es-ES', kind: 'LINE', cueId: '2', note: 'too fast' } },
  { seq: 14, at: '2026-12-01T16:12:52Z', actor: 'qa-1', action: 'QA_VERDICT', decision: 'APPROVED',
    detail: { jobId: 'job-2', language: 'en-US', kind: 'LINE', cueId: '1', model: { name: 'flite', version: '2.2' } } },
  { seq: 20, at: '2026-12-02T09:00:00Z', actor: 'agent-1', action: 'DELIVERY_RECALLED', decision: 'RECALLED',
    detail: { jobId: 'job-1', grantId: 'g-1', recast: [{ language: 'es-ES', cueId: '1' }, { language: 'es-ES', cueId: '2' },
      { language: 'en-US', cueId: '1' }] } },
];

test('rows come newest first with what each entry carries', () => {
  const rows = usageRows(entries);
  assert.deepEqual(rows.map((r) => r.seq), [20, 14, 13, 11, 10, 8]);
  const covered = rows.find((r) => r.seq === 10);
  assert.equal(covered.what, 'Voice synthesis checked (job submission)');
  assert.equal(covered.outcome, 'Covered by the grant (territory ES, temporary)');
  assert.deepEqual([covered.titles, covered.languages, covered.grantId], [['WALK-1'], ['es-ES'], 'g-1']);
  const refused = rows.find((r) => r.seq === 11);
  assert.equal(refused.outcome, 'Not covered: language not granted, purpose not granted (territory FR, final)');
  const grant = rows.find((r) => r.seq === 8);
  assert.deepEqual([grant.what, grant.grantId, grant.languages], ['Grant recorded', 'g-1', ['en', 'es']]);
});

test('a recall marks every row of its job, and names the recast cues by language', () => {
  const rows = usageRows(entries);
  assert.equal(rows.find((r) => r.seq === 13).recalled, '2026-12-02T09:00:00Z', 'the use before the recall shows it');
  assert.equal(rows.find((r) => r.seq === 14).recalled, null, 'another job is not recalled');
  const recall = rows.find((r) => r.seq === 20);
  assert.equal(recall.cues, 'es-ES: 1, 2; en-US: 1');
  assert.deepEqual(recall.jobs, ['job-1']);
});

test('QA verdicts carry the job, the cue and, when given, the model', () => {
  const rows = usageRows(entries);
  const rejected = rows.find((r) => r.seq === 13);
  assert.deepEqual([rejected.what, rejected.outcome, rejected.cues, rejected.model], ['QA review of a line',
    'Rejected: too fast', '2', '']);
  assert.equal(rows.find((r) => r.seq === 14).model, 'flite v2.2');
  assert.equal(usageRows([{ seq: 1, action: 'X', detail: { modelId: 'm-1', modelVersion: '3' } }])[0].model, 'm-1 v3');
});

test('an unknown action still reads in words; the uses filter leaves out the grants’ history', () => {
  const [row] = usageRows([{ seq: 1, action: 'LINE_SYNTHESIZED', decision: 'DONE', detail: { cueIds: ['4', '5'] } }]);
  assert.deepEqual([row.what, row.outcome, row.cues], ['Line synthesized', 'Done', '4, 5']);
  assert.deepEqual(filterRows(usageRows(entries), 'uses').map((r) => r.seq), [20, 14, 13, 11, 10]);
  assert.equal(filterRows(usageRows(entries), 'all').length, 6);
  assert.deepEqual(usageRows(undefined), []);
});
