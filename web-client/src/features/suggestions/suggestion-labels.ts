import type { ScreeningOutcome, SuggestionChannel, SuggestionStatus } from '../../shared/api/api-types';
import type { Translate } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/zh-cn';

export const suggestionStatuses: readonly SuggestionStatus[] = ['submitted', 'valid', 'duplicate', 'out_of_scope', 'assigned'];
export const suggestionChannels: readonly SuggestionChannel[] = ['online', 'letter', 'visit', 'petition'];
/** What staff register: letters and visits; online suggestions come through the public form, petitions through intake. */
export const registrableChannels: readonly SuggestionChannel[] = ['letter', 'visit'];
export const screeningOutcomes: readonly ScreeningOutcome[] = ['valid', 'duplicate', 'out_of_scope'];

const statusKeys: Record<SuggestionStatus, MessageKey> = {
  submitted: 'suggestionStatus.submitted',
  valid: 'suggestionStatus.valid',
  duplicate: 'suggestionStatus.duplicate',
  out_of_scope: 'suggestionStatus.out_of_scope',
  assigned: 'suggestionStatus.assigned',
};

export const suggestionStatusColors: Record<SuggestionStatus, string> = {
  submitted: 'blue',
  valid: 'green',
  duplicate: 'default',
  out_of_scope: 'orange',
  assigned: 'purple',
};

const channelKeys: Record<SuggestionChannel, MessageKey> = {
  online: 'suggestionChannel.online',
  letter: 'suggestionChannel.letter',
  visit: 'suggestionChannel.visit',
  petition: 'suggestionChannel.petition',
};

const outcomeKeys: Record<ScreeningOutcome, MessageKey> = {
  valid: 'screening.valid',
  duplicate: 'screening.duplicate',
  out_of_scope: 'screening.out_of_scope',
};

export const suggestionStatusLabel = (t: Translate, status: SuggestionStatus) => t(statusKeys[status]);
export const suggestionChannelLabel = (t: Translate, channel: SuggestionChannel) => t(channelKeys[channel]);
export const screeningOutcomeLabel = (t: Translate, outcome: ScreeningOutcome) => t(outcomeKeys[outcome]);

/** A local date and time, as staff and the public read it. */
export const formatDateTime = (value: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(value));
