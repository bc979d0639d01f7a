import type { UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { AssignmentMode, CaseAction, CaseDetail, Opinion, Rating, Schemas } from '../../shared/api/api-types';
import { fileForm } from '../../shared/files/file-transfer';

export type AddedAttachment = Schemas['AddedAttachment'];

/** The fields of every action form; each action reads the ones it needs. */
export interface CaseActionValues {
  mode?: AssignmentMode;
  leadUnitId?: string;
  coUnitIds?: string[];
  instructions?: string;
  replyDueOn?: Dayjs | null;
  note?: string;
  reason?: string;
  suggestedUnitId?: string;
  text?: string;
  isPublic?: boolean;
  days?: number;
  approve?: boolean;
  opinion?: Opinion;
  /** The reply's files as the upload field lists them; only those uploaded completely are sent. */
  attachments?: UploadFile<AddedAttachment>[];
  rating?: Rating;
  calledBy?: string;
  agentUserId?: string;
  unitId?: string;
  dueOn?: Dayjs | null;
  orderId?: string;
  itemKey?: string;
}

/** Actions taken through a form dialog; ticking a checklist item happens in the checklist itself. */
export type DialogAction = Exclude<CaseAction, 'tick_checklist'>;

export const isDialogAction = (action: CaseAction): action is DialogAction => action !== 'tick_checklist';

const trimmed = (value: string | undefined): string => value?.trim() ?? '';
const optional = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);
const date = (value: Dayjs | null | undefined): string | null => (value ? value.format('YYYY-MM-DD') : null);
const uploadedIds = (files: UploadFile<AddedAttachment>[] | undefined): string[] | null => {
  const ids = (files ?? []).flatMap((file) => (file.status === 'done' && file.response ? [file.response.id] : []));
  return ids.length > 0 ? ids : null;
};

/** Files uploaded to the case that no reply has sent yet: the reply form lists them again, e.g. after a cancelled dialog. */
export const unsentAttachments = (caseDetail: CaseDetail): UploadFile<AddedAttachment>[] =>
  caseDetail.attachments
    .filter((attachment) => !attachment.repliedAt)
    .map((attachment) => ({
      uid: attachment.id,
      name: attachment.fileName,
      status: 'done',
      size: attachment.sizeBytes,
      response: { id: attachment.id, contentType: attachment.contentType, sizeBytes: attachment.sizeBytes, sha256: attachment.sha256 },
    }));

/** Uploads one file for the case's reply; the reply sends it by id. */
export const uploadCaseAttachment = (caseId: string, file: File) =>
  unwrap(
    api.POST('/api/v1/cases/{id}/attachments', {
      params: { path: { id: caseId } },
      body: { file: file.name },
      bodySerializer: () => fileForm(file),
    }),
  );

/** Sends one change of a case with the version read (If-Match); resolves to the new version. */
export function sendCaseAction(caseId: string, etag: string, action: CaseAction, values: CaseActionValues) {
  const params = { path: { id: caseId }, header: { 'If-Match': etag } };
  switch (action) {
    case 'assign':
    case 'reassign':
      return unwrap(
        api.POST('/api/v1/cases/{id}/assignment', {
          params,
          body: {
            mode: values.mode ?? 'assign',
            leadUnitId: values.leadUnitId ?? '',
            coUnitIds: values.coUnitIds && values.coUnitIds.length > 0 ? values.coUnitIds : null,
            instructions: trimmed(values.instructions),
            replyDueOn: date(values.replyDueOn),
          },
        }),
      );
    case 'sign':
      return unwrap(api.POST('/api/v1/cases/{id}/signature', { params, body: { note: optional(values.note) } }));
    case 'return':
      return unwrap(
        api.POST('/api/v1/cases/{id}/return', {
          params,
          body: { reason: trimmed(values.reason), suggestedUnitId: values.suggestedUnitId ?? null },
        }),
      );
    case 'add_note':
      return unwrap(
        api.POST('/api/v1/cases/{id}/notes', { params, body: { text: trimmed(values.text), isPublic: values.isPublic ?? false } }),
      );
    case 'submit_co_unit_input':
      return unwrap(api.POST('/api/v1/cases/{id}/co-unit-input', { params, body: { text: trimmed(values.text) } }));
    case 'request_extension':
      return unwrap(
        api.POST('/api/v1/cases/{id}/extension-request', { params, body: { days: values.days ?? 0, reason: trimmed(values.reason) } }),
      );
    case 'decide_extension':
      return unwrap(
        api.POST('/api/v1/cases/{id}/extension-decision', {
          params,
          body: { approve: values.approve ?? false, reason: trimmed(values.reason) },
        }),
      );
    case 'pause_clock':
      return unwrap(api.POST('/api/v1/cases/{id}/clock-pause', { params, body: { reason: trimmed(values.reason) } }));
    case 'resume_clock':
      return unwrap(api.POST('/api/v1/cases/{id}/clock-resume', { params, body: { note: optional(values.note) } }));
    case 'reply':
      return unwrap(
        api.POST('/api/v1/cases/{id}/reply', {
          params,
          body: { opinion: values.opinion ?? 'explain', text: trimmed(values.text), attachmentIds: uploadedIds(values.attachments) },
        }),
      );
    case 'rate':
      return unwrap(
        api.POST('/api/v1/cases/{id}/rating', {
          params,
          body: { rating: values.rating ?? 'satisfied', calledBy: trimmed(values.calledBy), note: optional(values.note) },
        }),
      );
    case 'close':
      return unwrap(api.POST('/api/v1/cases/{id}/closure', { params, body: { note: optional(values.note) } }));
    case 'request_review':
      return unwrap(api.POST('/api/v1/cases/{id}/review-request', { params, body: { reason: trimmed(values.reason) } }));
    case 'tick_checklist':
      return unwrap(api.POST('/api/v1/cases/{id}/checklist', { params, body: { itemKey: values.itemKey ?? '' } }));
    case 'assign_agent':
      return unwrap(api.POST('/api/v1/cases/{id}/agent', { params, body: { agentUserId: trimmed(values.agentUserId) } }));
    case 'take_charge':
      return unwrap(api.POST('/api/v1/cases/{id}/leader', { params, body: { note: trimmed(values.note) } }));
    case 'issue_supervision_order':
      return unwrap(
        api.POST('/api/v1/cases/{id}/supervision-orders', {
          params,
          body: { unitId: values.unitId ?? null, text: trimmed(values.text), dueOn: date(values.dueOn) ?? '' },
        }),
      );
    case 'answer_supervision_order':
      return unwrap(
        api.POST('/api/v1/cases/{id}/supervision-answers', {
          params,
          body: { orderId: values.orderId ?? '', text: trimmed(values.text) },
        }),
      );
    case 'list_for_supervision':
      return unwrap(api.POST('/api/v1/cases/{id}/listing', { params, body: { reason: trimmed(values.reason) } }));
  }
}
