import type {
  AssignmentMode,
  CaseAction,
  CaseEventKind,
  CaseKind,
  CaseStatus,
  ClockStep,
  Light,
  Opinion,
  Rating,
  RatingSource,
  RatingState,
  WorklistTab,
} from '../../shared/api/api-types';
import type { Locale, Translate } from '../../shared/i18n/translate';
import { isMessageKey } from '../../shared/i18n/translate';

// Records keyed by the API's enums: a value added to the API fails the type check until listed here.
export const caseStatusColors: Record<CaseStatus, string> = {
  awaiting_assignment: 'gold',
  awaiting_signature: 'orange',
  returned: 'magenta',
  in_progress: 'blue',
  replied: 'cyan',
  closed: 'default',
};
export const lightColors: Record<Light, string> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
  none: 'default',
};
export const opinionColors: Record<Opinion, string> = {
  support: 'green',
  explain: 'blue',
  not_support: 'volcano',
};
export const ratingColors: Record<Rating, string> = {
  satisfied: 'green',
  basically_satisfied: 'gold',
  dissatisfied: 'red',
};
const caseKindSet: Record<CaseKind, true> = { handling: true, review: true, re_review: true };
const clockStepSet: Record<ClockStep, true> = { assignment: true, signature: true, reply: true, none: true };
const ratingSourceSet: Record<RatingSource, true> = { petitioner: true, callback: true, agent: true };
const ratingStateSet: Record<RatingState, true> = { not_replied: true, awaiting: true, rated: true, not_rated: true };
const assignmentModeSet: Record<AssignmentMode, true> = { assign: true, forward: true };
const worklistTabSet: Record<WorklistTab, true> = {
  to_assign: true,
  returned: true,
  to_sign: true,
  in_progress: true,
  to_reply: true,
  due_soon: true,
  overdue: true,
  replied: true,
  agent: true,
  supervision_orders: true,
};
const caseActionSet: Record<CaseAction, true> = {
  assign: true,
  reassign: true,
  sign: true,
  return: true,
  add_note: true,
  submit_co_unit_input: true,
  request_extension: true,
  decide_extension: true,
  pause_clock: true,
  resume_clock: true,
  reply: true,
  rate: true,
  close: true,
  request_review: true,
  tick_checklist: true,
  assign_agent: true,
  take_charge: true,
  issue_supervision_order: true,
  answer_supervision_order: true,
  list_for_supervision: true,
};
const caseEventKindSet: Record<CaseEventKind, true> = {
  opened: true,
  assigned: true,
  forwarded: true,
  reassigned: true,
  signed: true,
  returned: true,
  note: true,
  co_unit_input: true,
  extension_requested: true,
  extension_approved: true,
  extension_refused: true,
  clock_paused: true,
  clock_resumed: true,
  replied: true,
  rated: true,
  review_requested: true,
  closed: true,
  final: true,
  checklist_ticked: true,
  agent_assigned: true,
  leader_in_charge: true,
  leader_instruction: true,
  supervision_order_issued: true,
  supervision_order_answered: true,
  listed_for_supervision: true,
  due_soon: true,
  overdue: true,
};
/** The extension statuses and breach kinds the API sends as plain strings. */
export const extensionStatuses = ['Pending', 'Approved', 'Refused'] as const;
export const breachKinds = ['late_assignment', 'late_signature', 'late_completion'] as const;

export const caseStatuses = Object.keys(caseStatusColors) as CaseStatus[];
export const caseKinds = Object.keys(caseKindSet) as CaseKind[];
export const clockSteps = Object.keys(clockStepSet) as ClockStep[];
export const lights = Object.keys(lightColors) as Light[];
export const opinions = Object.keys(opinionColors) as Opinion[];
export const ratings = Object.keys(ratingColors) as Rating[];
export const ratingSources = Object.keys(ratingSourceSet) as RatingSource[];
export const ratingStates = Object.keys(ratingStateSet) as RatingState[];
export const assignmentModes = Object.keys(assignmentModeSet) as AssignmentMode[];
export const worklistTabs = Object.keys(worklistTabSet) as WorklistTab[];
export const caseActions = Object.keys(caseActionSet) as CaseAction[];
export const caseEventKinds = Object.keys(caseEventKindSet) as CaseEventKind[];

function labelOf(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

export const caseStatusLabel = (t: Translate, value: string) => labelOf(t, 'caseStatus', value);
export const caseKindLabel = (t: Translate, value: string) => labelOf(t, 'caseKind', value);
export const clockStepLabel = (t: Translate, value: string) => labelOf(t, 'clockStep', value);
export const lightLabel = (t: Translate, value: string) => labelOf(t, 'light', value);
export const opinionLabel = (t: Translate, value: string) => labelOf(t, 'opinion', value);
export const ratingLabel = (t: Translate, value: string) => labelOf(t, 'rating', value);
export const ratingSourceLabel = (t: Translate, value: string) => labelOf(t, 'ratingSource', value);
export const ratingStateLabel = (t: Translate, value: string) => labelOf(t, 'ratingState', value);
export const assignmentModeLabel = (t: Translate, value: string) => labelOf(t, 'assignmentMode', value);
export const worklistTabLabel = (t: Translate, value: string) => labelOf(t, 'caseTab', value);
export const caseActionLabel = (t: Translate, value: string) => labelOf(t, 'caseAction', value);
export const caseEventLabel = (t: Translate, value: string) => labelOf(t, 'caseEvent', value);
export const extensionStatusLabel = (t: Translate, value: string) => labelOf(t, 'extensionStatus', value);
export const breachLabel = (t: Translate, value: string) => labelOf(t, 'breach', value);

export const extensionStatusColor = (status: string): string =>
  status === 'Approved' ? 'green' : status === 'Refused' ? 'red' : 'gold';

/** A timeline entry's text; a rating is stored as its code and shown as its label. */
export const timelineText = (t: Translate, kind: CaseEventKind, text: string): string =>
  kind === 'rated' && isRating(text) ? ratingLabel(t, text) : text;

export function isRating(value: string): value is Rating {
  return (ratings as readonly string[]).includes(value);
}

export const formatDateTime = (value: string, locale: Locale): string =>
  new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
