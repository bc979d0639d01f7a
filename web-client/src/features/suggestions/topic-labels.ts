import type { FormInstance } from 'antd';
import { isApiError } from '../../shared/api/api-error';
import type { SuggestionTopicAction, SuggestionTopicStatus } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import type { Translate } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/zh-cn';

export const topicStatuses: readonly SuggestionTopicStatus[] = ['draft', 'published', 'closed', 'concluded'];

const statusKeys: Record<SuggestionTopicStatus, MessageKey> = {
  draft: 'topicStatus.draft',
  published: 'topicStatus.published',
  closed: 'topicStatus.closed',
  concluded: 'topicStatus.concluded',
};

export const topicStatusColors: Record<SuggestionTopicStatus, string> = {
  draft: 'default',
  published: 'green',
  closed: 'orange',
  concluded: 'blue',
};

export const topicStatusLabel = (t: Translate, status: SuggestionTopicStatus) => t(statusKeys[status]);

const actionKeys: Record<SuggestionTopicAction, MessageKey> = {
  change: 'topicAction.change',
  publish: 'topicAction.publish',
  close: 'topicAction.close',
  conclude: 'topicAction.conclude',
};

export const topicActionLabel = (t: Translate, action: SuggestionTopicAction) => t(actionKeys[action]);

/** The public's label of a listed topic: open for suggestions now, or its status. */
export function publicTopicState(t: Translate, topic: { status: SuggestionTopicStatus; takesSuggestions: boolean }): { label: string; color: string } {
  if (topic.takesSuggestions) return { label: t('publicTopics.open'), color: 'green' };
  if (topic.status === 'published') return { label: t('publicTopics.notOpen'), color: 'default' };
  return { label: topicStatusLabel(t, topic.status), color: topicStatusColors[topic.status] };
}

const statuses: readonly string[] = topicStatuses;

/**
 * What went wrong with a change of a topic: a stale version (412) says someone else changed it, a 409 which status or rule
 * stands in the way; field errors go beside their fields.
 */
export function topicFailureMessage(form: Pick<FormInstance, 'setFields'> | null, error: unknown, fields: readonly string[], t: Translate): string | null {
  if (isApiError(error)) {
    if (error.status === 412) return t('topicError.stale');
    if (error.status === 409 && error.code === 'period_over') return t('topicError.periodOver');
    if (error.status === 409 && error.code === 'invalid_state') {
      const state = /The topic is (\w+);/.exec(error.problem?.detail ?? '')?.[1];
      if (state && statuses.includes(state)) return t('topicError.invalidState', { status: topicStatusLabel(t, state as SuggestionTopicStatus) });
    }
  }
  return form ? formFailureMessage(form, error, fields, t) : describeError(error, t);
}
