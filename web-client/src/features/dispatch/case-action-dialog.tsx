import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography, Upload, type UploadFile, type UploadProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/describe-error';
import type { CaseDetail } from '../../shared/api/api-types';
import { useCurrentUser } from '../../shared/auth/use-current-user';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { UnitSelect } from '../../shared/units/unit-select';
import { AgentSelect } from './agent-select';
import {
  sendCaseAction,
  unsentAttachments,
  uploadCaseAttachment,
  type AddedAttachment,
  type CaseActionValues,
  type DialogAction,
} from './case-actions';
import { caseFailureMessage } from './case-problem';
import { assignmentModeLabel, assignmentModes, caseActionLabel, opinionLabel, opinions, ratingLabel, ratings } from './dispatch-labels';
import { useInvalidateCases, useUnit } from './dispatch-queries';

type FormValues = CaseActionValues & { unitRegionId?: string; coUnitRegionId?: string };
type Field = keyof FormValues;

/** The fields each action's form shows; the API's field errors are placed on these. */
const actionFields: Record<DialogAction, readonly Field[]> = {
  assign: ['mode', 'unitRegionId', 'leadUnitId', 'coUnitRegionId', 'coUnitIds', 'instructions', 'replyDueOn'],
  reassign: ['mode', 'unitRegionId', 'leadUnitId', 'coUnitRegionId', 'coUnitIds', 'instructions', 'replyDueOn'],
  sign: ['note'],
  return: ['reason', 'unitRegionId', 'suggestedUnitId'],
  add_note: ['isPublic', 'text'],
  submit_co_unit_input: ['text'],
  request_extension: ['days', 'reason'],
  decide_extension: ['approve', 'reason'],
  pause_clock: ['reason'],
  resume_clock: ['note'],
  reply: ['opinion', 'text', 'attachments'],
  rate: ['rating', 'calledBy', 'note'],
  close: ['note'],
  request_review: ['reason'],
  assign_agent: ['agentUserId'],
  take_charge: ['note'],
  issue_supervision_order: ['unitRegionId', 'unitId', 'text', 'dueOn'],
  answer_supervision_order: ['orderId', 'text'],
  list_for_supervision: ['reason'],
};

const afterToday = (current: Dayjs) => !current.isAfter(dayjs(), 'day');

/** One change of a case in a small form; sends If-Match with the version read and reloads the case afterwards. */
export function CaseActionDialog({
  caseDetail,
  etag,
  action,
  onClose,
}: {
  caseDetail: CaseDetail;
  etag: string;
  action: DialogAction | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const me = useCurrentUser();
  const invalidateCases = useInvalidateCases();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = async (values: FormValues) => {
    if (!action) return;
    setSaving(true);
    setFailure(null);
    try {
      await sendCaseAction(caseDetail.id, etag, action, values);
      void message.success(t('case.actionDone', { action: caseActionLabel(t, action) }));
      form.resetFields();
      close();
      await invalidateCases();
    } catch (error) {
      setFailure(caseFailureMessage(form, error, actionFields[action], t));
      if (isApiError(error) && (error.status === 412 || error.status === 409)) await invalidateCases();
    } finally {
      setSaving(false);
    }
  };

  const initialValues: FormValues = {
    mode: 'assign',
    isPublic: false,
    approve: true,
    calledBy: me.data?.displayName,
    orderId: myOpenOrders(caseDetail, me.data?.unit.id)[0]?.id,
    attachments: unsentAttachments(caseDetail),
  };

  return (
    <Modal
      open={action !== null}
      title={action ? caseActionLabel(t, action) : ''}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {action ? (
        <Form<FormValues>
          form={form}
          layout="vertical"
          name={`case-${action}`}
          initialValues={initialValues}
          onFinish={(values) => void submit(values)}
          onValuesChange={(changed: Partial<FormValues>) => {
            if ('unitRegionId' in changed) form.setFieldsValue({ leadUnitId: undefined, suggestedUnitId: undefined, unitId: undefined });
            if ('coUnitRegionId' in changed) form.setFieldsValue({ coUnitIds: [] });
          }}
        >
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          <ActionFields action={action} caseDetail={caseDetail} myUnitId={me.data?.unit.id} />
        </Form>
      ) : null}
    </Modal>
  );
}

function myOpenOrders(caseDetail: CaseDetail, unitId: string | undefined) {
  return caseDetail.supervisionOrders.filter((order) => !order.answeredAt && order.unitId === unitId);
}

function ActionFields({ action, caseDetail, myUnitId }: { action: DialogAction; caseDetail: CaseDetail; myUnitId: string | undefined }) {
  const { t } = useI18n();
  const required = { required: true, whitespace: true, message: t('caseForm.required') };
  const textArea = (name: 'reason' | 'text' | 'note' | 'instructions', label: string, isRequired: boolean, max = 4000) => (
    <Form.Item name={name} label={label} rules={[...(isRequired ? [required] : []), { max }]}>
      <Input.TextArea rows={4} maxLength={max} showCount />
    </Form.Item>
  );

  switch (action) {
    case 'assign':
    case 'reassign':
      return <AssignFields caseDetail={caseDetail} />;
    case 'sign':
      return textArea('note', t('caseForm.signNote'), false, 2000);
    case 'return':
      return (
        <>
          {textArea('reason', t('caseForm.returnReason'), true, 2000)}
          <Form.Item name="unitRegionId" label={t('caseForm.unitRegion')}>
            <RegionTreeSelect />
          </Form.Item>
          <UnitField name="suggestedUnitId" label={t('caseForm.suggestedUnit')} required={false} />
        </>
      );
    case 'add_note':
      return (
        <>
          <Form.Item name="isPublic" label={t('caseForm.visibility')} extra={t('caseForm.visibilityHint')}>
            <Radio.Group
              options={[
                { value: false, label: t('case.internal') },
                { value: true, label: t('case.public') },
              ]}
            />
          </Form.Item>
          {textArea('text', t('caseForm.noteText'), true)}
        </>
      );
    case 'submit_co_unit_input':
      return textArea('text', t('caseForm.coUnitInput'), true, 8000);
    case 'request_extension':
      return (
        <>
          <Form.Item name="days" label={t('caseForm.extensionDays')} rules={[{ required: true, message: t('caseForm.required') }]}>
            <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
          </Form.Item>
          {textArea('reason', t('caseForm.extensionReason'), true, 2000)}
        </>
      );
    case 'decide_extension': {
      const pending = caseDetail.extensions.find((extension) => extension.status === 'Pending');
      return (
        <>
          {pending ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('caseForm.pendingExtension', { days: pending.days, name: pending.requestedByName ?? '' })}
              description={pending.reason}
            />
          ) : null}
          <Form.Item name="approve" label={t('caseForm.decision')}>
            <Radio.Group
              options={[
                { value: true, label: t('caseForm.approve') },
                { value: false, label: t('caseForm.refuse') },
              ]}
            />
          </Form.Item>
          {textArea('reason', t('caseForm.decisionReason'), true, 2000)}
        </>
      );
    }
    case 'pause_clock':
      return textArea('reason', t('caseForm.pauseReason'), true, 2000);
    case 'resume_clock':
      return textArea('note', t('caseForm.resumeNote'), false, 2000);
    case 'reply':
      return (
        <>
          <Form.Item name="opinion" label={t('caseForm.opinion')} rules={[{ required: true, message: t('caseForm.opinionRequired') }]}>
            <Radio.Group options={opinions.map((value) => ({ value, label: opinionLabel(t, value) }))} />
          </Form.Item>
          {textArea('text', t('caseForm.replyText'), true, 20000)}
          <ReplyAttachmentsField caseId={caseDetail.id} />
        </>
      );
    case 'rate':
      return (
        <>
          <Form.Item name="rating" label={t('caseForm.rating')} rules={[{ required: true, message: t('caseForm.ratingRequired') }]}>
            <Radio.Group options={ratings.map((value) => ({ value, label: ratingLabel(t, value) }))} />
          </Form.Item>
          <Form.Item name="calledBy" label={t('caseForm.calledBy')} rules={[required, { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          {textArea('note', t('caseForm.ratingNote'), false, 2000)}
        </>
      );
    case 'close': {
      const open = caseDetail.checklist.filter((item) => !item.doneAt).length;
      return (
        <>
          {open > 0 ? (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('caseForm.checklistOpen', { count: open })} />
          ) : null}
          {textArea('note', t('caseForm.closeNote'), false, 2000)}
        </>
      );
    }
    case 'request_review':
      return textArea('reason', t('caseForm.reviewReason'), true);
    case 'assign_agent':
      return (
        <Form.Item name="agentUserId" label={t('caseForm.agent')} extra={t('caseForm.agentHint')} rules={[{ required: true, message: t('caseForm.agentRequired') }]}>
          <AgentSelect />
        </Form.Item>
      );
    case 'take_charge':
      return textArea('note', t('caseForm.takeChargeNote'), true, 2000);
    case 'issue_supervision_order':
      return (
        <>
          <Form.Item name="unitRegionId" label={t('caseForm.unitRegion')}>
            <RegionTreeSelect />
          </Form.Item>
          <UnitField
            name="unitId"
            label={t('caseForm.supervisedUnit')}
            required={!caseDetail.leadUnitId}
            extra={caseDetail.leadUnitName ? t('caseForm.supervisedUnitHint', { name: caseDetail.leadUnitName }) : undefined}
          />
          {textArea('text', t('caseForm.orderText'), true)}
          <Form.Item name="dueOn" label={t('caseForm.orderDueOn')} rules={[{ required: true, message: t('caseForm.required') }]}>
            <DatePicker disabledDate={afterToday} />
          </Form.Item>
        </>
      );
    case 'answer_supervision_order': {
      const orders = myOpenOrders(caseDetail, myUnitId);
      return (
        <>
          <Form.Item name="orderId" label={t('caseForm.order')} rules={[{ required: true, message: t('caseForm.required') }]}>
            <Select
              options={orders.map((order) => ({ value: order.id, label: `${order.dueOn} · ${order.text.slice(0, 40)}` }))}
            />
          </Form.Item>
          {textArea('text', t('caseForm.answerText'), true, 8000)}
        </>
      );
    }
    case 'list_for_supervision':
      return textArea('reason', t('caseForm.listingReason'), true, 2000);
  }
}

type UploadRequest = Parameters<NonNullable<UploadProps<AddedAttachment>['customRequest']>>[0];

/** Files go up as soon as they are chosen; the reply then sends those uploaded completely. A failed one stays listed, marked. */
function ReplyAttachmentsField({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();

  const upload = async ({ file, onSuccess, onError }: UploadRequest) => {
    const chosen = file as File;
    try {
      onSuccess?.(await uploadCaseAttachment(caseId, chosen));
    } catch (error) {
      void message.error(t('caseForm.uploadFailed', { name: chosen.name, reason: describeError(error, t) }));
      onError?.(error instanceof Error ? error : new Error(String(error)));
    }
  };

  return (
    <Form.Item
      name="attachments"
      label={t('caseForm.attachments')}
      extra={t('caseForm.attachmentsHint')}
      valuePropName="fileList"
      getValueFromEvent={(event: { fileList: UploadFile<AddedAttachment>[] }) => event.fileList}
      rules={[
        {
          validator: (_, files: UploadFile<AddedAttachment>[] | undefined) =>
            files?.some((file) => file.status === 'uploading') ? Promise.reject(new Error(t('caseForm.uploadPending'))) : Promise.resolve(),
        },
      ]}
    >
      <Upload<AddedAttachment> multiple customRequest={(request) => void upload(request)}>
        <Button icon={<UploadOutlined aria-hidden />}>{t('caseForm.upload')}</Button>
      </Upload>
    </Form.Item>
  );
}

function UnitField({
  name,
  label,
  required,
  extra,
}: {
  name: 'leadUnitId' | 'suggestedUnitId' | 'unitId';
  label: string;
  required: boolean;
  extra?: string | undefined;
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance<FormValues>();
  const regionId = Form.useWatch('unitRegionId', form);
  return (
    <Form.Item name={name} label={label} extra={extra} rules={required ? [{ required: true, message: t('caseForm.unitRequired') }] : []}>
      <UnitSelect regionId={regionId} allowClear={!required} />
    </Form.Item>
  );
}

function AssignFields({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<FormValues>();
  const leadUnitId = Form.useWatch('leadUnitId', form);
  const coUnitRegionId = Form.useWatch('coUnitRegionId', form);
  const suggested = useUnit(caseDetail.suggestedUnitId);
  const suggestedUnit = suggested.data;

  return (
    <>
      {suggestedUnit ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('caseForm.suggestedUnitHint', { name: suggestedUnit.name })}
          action={
            <Button size="small" onClick={() => form.setFieldsValue({ unitRegionId: suggestedUnit.regionId, leadUnitId: suggestedUnit.id })}>
              {t('caseForm.useSuggested')}
            </Button>
          }
        />
      ) : null}
      <Form.Item name="mode" label={t('caseForm.mode')} extra={t('caseForm.modeHint')}>
        <Radio.Group options={assignmentModes.map((value) => ({ value, label: assignmentModeLabel(t, value) }))} />
      </Form.Item>
      <Form.Item name="unitRegionId" label={t('caseForm.unitRegion')}>
        <RegionTreeSelect />
      </Form.Item>
      <UnitField name="leadUnitId" label={t('caseForm.leadUnit')} required />
      <Form.Item name="coUnitRegionId" label={t('caseForm.coUnitRegion')}>
        <RegionTreeSelect />
      </Form.Item>
      <Form.Item name="coUnitIds" label={t('caseForm.coUnits')}>
        <UnitSelect mode="multiple" regionId={coUnitRegionId} excluded={leadUnitId ? [leadUnitId] : []} />
      </Form.Item>
      <Form.Item name="instructions" label={t('caseForm.instructions')} rules={[{ required: true, whitespace: true, message: t('caseForm.required') }, { max: 4000 }]}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="replyDueOn" label={t('caseForm.replyDueOn')} extra={t('caseForm.replyDueOnHint')}>
        <DatePicker disabledDate={afterToday} />
      </Form.Item>
      <Typography.Text type="secondary">{t('caseForm.assignTimelineHint')}</Typography.Text>
    </>
  );
}
