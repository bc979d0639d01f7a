import type { ScreeningOutcome, SuggestionChannel, SuggestionOutcome, SuggestionRating, SuggestionStatus } from '../../shared/api/api-types';
import type { Translate } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/zh-cn';

export const suggestionStatuses: readonly SuggestionStatus[] = ['submitted', 'valid', 'duplicate', 'out_of_scope', 'assigned', 'answered', 'implemented'];
export const suggestionOutcomes: readonly SuggestionOutcome[] = ['adopted', 'partly_adopted', 'kept_for_reference', 'not_adopted'];
export const suggestionRatings: readonly SuggestionRating[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];
export const suggestionChannels: readonly SuggestionChannel[] = ['online', 'letter', 'visit', 'petition', 'diary'];
/** What staff register: letters and visits; online suggestions come through the public form, petitions through intake. */
export const registrableChannels: readonly SuggestionChannel[] = ['letter', 'visit'];
export const screeningOutcomes: readonly ScreeningOutcome[] = ['valid', 'duplicate', 'out_of_scope'];

const statusKeys: Record<SuggestionStatus, MessageKey> = {
  submitted: 'suggestionStatus.submitted',
  valid: 'suggestionStatus.valid',
  duplicate: 'suggestionStatus.duplicate',
  out_of_scope: 'suggestionStatus.out_of_scope',
  assigned: 'suggestionStatus.assigned',
  answered: 'suggestionStatus.answered',
  implemented: 'suggestionStatus.implemented',
};

export const suggestionStatusColors: Record<SuggestionStatus, string> = {
  submitted: 'blue',
  valid: 'green',
  duplicate: 'default',
  out_of_scope: 'orange',
  assigned: 'purple',
  answered: 'cyan',
  implemented: 'green',
};

const outcomeLabelKeys: Record<SuggestionOutcome, MessageKey> = {
  adopted: 'suggestionOutcome.adopted',
  partly_adopted: 'suggestionOutcome.partly_adopted',
  kept_for_reference: 'suggestionOutcome.kept_for_reference',
  not_adopted: 'suggestionOutcome.not_adopted',
};

/** The answer template 答复模板 each decision starts from; the department completes it with its reasons. */
const outcomeTemplateKeys: Record<SuggestionOutcome, MessageKey> = {
  adopted: 'answerTemplate.adopted',
  partly_adopted: 'answerTemplate.partly_adopted',
  kept_for_reference: 'answerTemplate.kept_for_reference',
  not_adopted: 'answerTemplate.not_adopted',
};

export const suggestionOutcomeColors: Record<SuggestionOutcome, string> = {
  adopted: 'green',
  partly_adopted: 'lime',
  kept_for_reference: 'blue',
  not_adopted: 'default',
};

const ratingKeys: Record<SuggestionRating, MessageKey> = {
  satisfied: 'suggestionRating.satisfied',
  basically_satisfied: 'suggestionRating.basically_satisfied',
  dissatisfied: 'suggestionRating.dissatisfied',
};

const channelKeys: Record<SuggestionChannel, MessageKey> = {
  online: 'suggestionChannel.online',
  letter: 'suggestionChannel.letter',
  visit: 'suggestionChannel.visit',
  petition: 'suggestionChannel.petition',
  diary: 'suggestionChannel.diary',
};

const outcomeKeys: Record<ScreeningOutcome, MessageKey> = {
  valid: 'screening.valid',
  duplicate: 'screening.duplicate',
  out_of_scope: 'screening.out_of_scope',
};

export const suggestionStatusLabel = (t: Translate, status: SuggestionStatus) => t(statusKeys[status]);
export const suggestionChannelLabel = (t: Translate, channel: SuggestionChannel) => t(channelKeys[channel]);
export const suggestionOutcomeLabel = (t: Translate, outcome: SuggestionOutcome) => t(outcomeLabelKeys[outcome]);
export const answerTemplate = (t: Translate, outcome: SuggestionOutcome) => t(outcomeTemplateKeys[outcome]);
export const suggestionRatingLabel = (t: Translate, rating: SuggestionRating) => t(ratingKeys[rating]);
export const screeningOutcomeLabel = (t: Translate, outcome: ScreeningOutcome) => t(outcomeKeys[outcome]);

/** A local date and time, as staff and the public read it. */
export const formatDateTime = (value: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(value));
