import { describe, expect, it } from 'vitest';
import { numbersOf, parseDocument, periodsOf, withNumber, withPeriod, type RuleSetDocument } from './rule-set-values';

const document: RuleSetDocument = {
  intake: {
    acceptanceDeadline: { days: 15, workingDays: false, source: 'Art 22, Art 23' },
    collectiveThreshold: 5,
    representativeLimits: [{ maxGroupSize: null, maxRepresentatives: 5 }],
  },
  dispatch: {
    signDeadline: { days: 1, workingDays: true, source: 'local practice' },
    maxExtensionDays: 30,
    checklists: { default: [{ key: 'check_facts' }] },
  },
};

describe('rule set values', () => {
  it('lists the periods of every section as table rows', () => {
    expect(periodsOf(document)).toEqual([
      { section: 'intake', step: 'acceptanceDeadline', days: 15, workingDays: false, source: 'Art 22, Art 23' },
      { section: 'dispatch', step: 'signDeadline', days: 1, workingDays: true, source: 'local practice' },
    ]);
  });

  it('lists plain numbers but not lists or nested objects', () => {
    expect(numbersOf(document)).toEqual([
      { section: 'intake', key: 'collectiveThreshold', value: 5 },
      { section: 'dispatch', key: 'maxExtensionDays', value: 30 },
    ]);
  });

  it('changes one value and keeps the rest, including sources and checklists', () => {
    const changed = withNumber(withPeriod(document, 'intake', 'acceptanceDeadline', { days: 5, workingDays: true }), 'dispatch', 'maxExtensionDays', 60);
    expect(changed.intake?.acceptanceDeadline).toEqual({ days: 5, workingDays: true, source: 'Art 22, Art 23' });
    expect(changed.dispatch?.maxExtensionDays).toBe(60);
    expect(changed.dispatch?.checklists).toBe(document.dispatch?.checklists);
    expect(document.intake?.acceptanceDeadline).toEqual({ days: 15, workingDays: false, source: 'Art 22, Art 23' });
  });

  it('accepts only a JSON object of section objects', () => {
    expect(parseDocument('{"intake": {"x": 1}}')).toEqual({ ok: true, document: { intake: { x: 1 } } });
    expect(parseDocument('{"intake": 1}')).toEqual({ ok: false, reason: 'shape' });
    expect(parseDocument('[1]')).toEqual({ ok: false, reason: 'shape' });
    expect(parseDocument('{"intake": ').ok).toBe(false);
  });
});
