import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { isMessageKey } from '../../shared/i18n/translate';
import { zhCN } from '../../shared/i18n/zh-cn';
import { stateNamedIn } from './case-problem';
import {
  assignmentModes,
  breachKinds,
  caseActions,
  caseEventKinds,
  caseKinds,
  caseStatuses,
  clockSteps,
  extensionStatuses,
  lights,
  opinions,
  ratingSources,
  ratingStates,
  ratings,
  worklistTabs,
} from './dispatch-labels';

const labelled: [string, readonly string[]][] = [
  ['caseStatus', caseStatuses],
  ['caseKind', caseKinds],
  ['clockStep', clockSteps],
  ['light', lights],
  ['opinion', opinions],
  ['rating', ratings],
  ['ratingSource', ratingSources],
  ['ratingState', ratingStates],
  ['assignmentMode', assignmentModes],
  ['caseTab', worklistTabs],
  ['caseAction', caseActions],
  ['caseEvent', caseEventKinds],
  ['extensionStatus', extensionStatuses],
  ['breach', breachKinds],
];

describe('dispatch labels', () => {
  it('labels every value of the API in both languages', () => {
    for (const [prefix, values] of labelled) {
      for (const value of values) {
        const key = `${prefix}.${value}`;
        expect(isMessageKey(key), key).toBe(true);
        if (isMessageKey(key)) expect(en[key], key).not.toBe(zhCN[key]);
      }
    }
  });

  it('reads the state a 409 names', () => {
    expect(stateNamedIn('The case is awaiting_signature; reply is not possible in that state.')).toBe('awaiting_signature');
    expect(stateNamedIn('Something else')).toBeNull();
    expect(stateNamedIn(undefined)).toBeNull();
  });
});
