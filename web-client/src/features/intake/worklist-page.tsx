import { DeleteOutlined, DownloadOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { categoryName } from '../../shared/categories/category-name';
import { api } from '../../shared/api/api';
import type { PetitionListItem } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { useCapability } from '../../shared/auth/capabilities';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { usePetitionCategories } from '../../shared/categories/use-petition-categories';
import { CategorySelect } from '../../shared/categories/category-select';
import { fileNameFrom, saveBlob } from '../../shared/files/file-transfer';
import { FlagTags } from './flag-tags';
import {
  channelLabel,
  channels,
  flagLabel,
  flags,
  formatDateTime,
  listItemFlags,
  statusColor,
  statusLabel,
  statuses,
} from './intake-labels';
import { pageSize, usePetitionsPage } from './intake-queries';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import {
  deleteSavedFilter,
  filtersFromSearch,
  filtersToSearch,
  readSavedFilters,
  saveFilter,
  toPetitionQuery,
  type SavedFilter,
  type WorklistFilters,
} from './worklist-filters';

type FilterForm = Omit<WorklistFilters, 'receivedFrom' | 'receivedTo'> & { received?: [Dayjs | null, Dayjs | null] | null };

function toFormValues(filters: WorklistFilters): FilterForm {
  const { receivedFrom, receivedTo, ...rest } = filters;
  return {
    ...rest,
    received: receivedFrom || receivedTo ? [receivedFrom ? dayjs(receivedFrom) : null, receivedTo ? dayjs(receivedTo) : null] : null,
  };
}

function toFilters(values: FilterForm): WorklistFilters {
  const { received, ...rest } = values;
  return {
    ...rest,
    receivedFrom: received?.[0]?.format('YYYY-MM-DD'),
    receivedTo: received?.[1]?.format('YYYY-MM-DD'),
  };
}

export function WorklistPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FilterForm>();
  // The filters live in the address, so a link opens the worklist filtered and the browser's back button returns to the last one.
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const [saved, setSaved] = useState<SavedFilter[]>(() => readSavedFilters());
  const [chosenSaved, setChosenSaved] = useState<string | undefined>();
  const [naming, setNaming] = useState(false);
  const [filterName, setFilterName] = useState('');
  const [exporting, setExporting] = useState(false);
  const pages = useCursorPages(searchParams.toString());
  const query = useMemo(() => toPetitionQuery(filters), [filters]);
  const petitions = usePetitionsPage({ ...query, cursor: pages.cursor ?? undefined, limit: pageSize });
  const categories = usePetitionCategories();
  const canExport = useCapability('export_petitions');
  const canRegister = useCapability('register_petition');

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toFormValues(filters));
  }, [form, filters]);

  const apply = (values: FilterForm) => setSearchParams(filtersToSearch(toFilters(values)), { replace: true });

  const applySaved = (name: string | undefined) => {
    setChosenSaved(name);
    const found = saved.find((item) => item.name === name);
    if (!found) return;
    setSearchParams(filtersToSearch(found.filters), { replace: true });
  };

  const saveCurrent = () => {
    const name = filterName.trim();
    if (!name) return;
    setSaved(saveFilter({ name, filters: toFilters(form.getFieldsValue()) }));
    setChosenSaved(name);
    setNaming(false);
    setFilterName('');
    void message.success(t('worklist.filterSaved', { name }));
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const { data, response } = await api.GET('/api/v1/petitions/export.csv', { params: { query }, parseAs: 'blob' });
      if (!data) throw new Error(`Empty response body from ${response.url}`);
      saveBlob(data, fileNameFrom(response, 'petitions.csv'));
    } catch (error) {
      void message.error(t('worklist.exportFailed', { reason: describeError(error, t) }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('worklist.title')}
        extra={
          <Space wrap>
            {canExport ? (
              <Button icon={<DownloadOutlined aria-hidden />} loading={exporting} onClick={() => void exportCsv()}>
                {t('worklist.export')}
              </Button>
            ) : null}
            {canRegister ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/petitions/new')}>
                {t('worklist.register')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card title={t('worklist.filters')} size="small" style={{ marginBottom: 16 }}>
        <Form<FilterForm> form={form} layout="inline" onFinish={apply} name="worklist-filters" style={{ rowGap: 12 }}>
          <Form.Item name="text" label={t('worklist.text')}>
            <Input allowClear placeholder={t('worklist.textPlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="status" label={t('worklist.status')}>
            <Select
              allowClear
              style={{ minWidth: 140 }}
              options={statuses.map((status) => ({ value: status, label: statusLabel(t, status) }))}
            />
          </Form.Item>
          <Form.Item name="channel" label={t('worklist.channel')}>
            <Select
              allowClear
              style={{ minWidth: 140 }}
              options={channels.map((channel) => ({ value: channel, label: channelLabel(t, channel) }))}
            />
          </Form.Item>
          <Form.Item name="category" label={t('worklist.category')}>
            <CategorySelect allowClear />
          </Form.Item>
          <Form.Item name="regionId" label={t('worklist.region')}>
            <RegionTreeSelect />
          </Form.Item>
          <Form.Item name="flag" label={t('worklist.flags')}>
            <Select
              mode="multiple"
              allowClear
              style={{ minWidth: 200 }}
              options={flags.map((flag) => ({ value: flag, label: flagLabel(t, flag) }))}
            />
          </Form.Item>
          <Form.Item name="received" label={t('worklist.received')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit">
                {t('worklist.apply')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setChosenSaved(undefined);
                  apply({});
                }}
              >
                {t('worklist.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <Space wrap style={{ marginTop: 12 }}>
          <Typography.Text>{t('worklist.savedFilters')}</Typography.Text>
          <Select<string>
            aria-label={t('worklist.savedFilters')}
            placeholder={t('worklist.savedFiltersPlaceholder')}
            value={chosenSaved}
            onChange={applySaved}
            allowClear
            style={{ minWidth: 200 }}
            options={saved.map((item) => ({ value: item.name, label: item.name }))}
            notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />}
          />
          <Button icon={<SaveOutlined aria-hidden />} onClick={() => setNaming(true)}>
            {t('worklist.saveFilter')}
          </Button>
          <Button
            icon={<DeleteOutlined aria-hidden />}
            disabled={!chosenSaved}
            onClick={() => {
              if (chosenSaved) setSaved(deleteSavedFilter(chosenSaved));
              setChosenSaved(undefined);
            }}
          >
            {t('worklist.deleteFilter')}
          </Button>
        </Space>
      </Card>
      <Card>
        {petitions.isError ? (
          <LoadError compact error={petitions.error} onRetry={() => void petitions.refetch()} />
        ) : (
          <>
            <Table<PetitionListItem>
              rowKey="id"
              loading={petitions.isFetching}
              dataSource={petitions.data?.items ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <Empty description={t('common.empty')} /> }}
              columns={[
                {
                  title: t('worklist.number'),
                  dataIndex: 'number',
                  render: (number: string, item) => <Link to={`/petitions/${item.id}`}>{number}</Link>,
                },
                {
                  title: t('worklist.status'),
                  dataIndex: 'status',
                  render: (_, item) => <Tag color={statusColor(item.status)}>{statusLabel(t, item.status)}</Tag>,
                },
                { title: t('worklist.channel'), dataIndex: 'channel', render: (channel: string) => channelLabel(t, channel) },
                {
                  title: t('worklist.category'),
                  dataIndex: 'category',
                  render: (code: string) => categoryName(categories.data, code, locale),
                },
                { title: t('worklist.region'), dataIndex: 'regionName' },
                { title: t('worklist.petitioner'), dataIndex: 'firstPetitioner' },
                {
                  title: t('worklist.request'),
                  dataIndex: 'requestText',
                  ellipsis: true,
                  width: 280,
                },
                { title: t('worklist.flags'), key: 'flags', render: (_, item) => <FlagTags flags={listItemFlags(item)} /> },
                {
                  title: t('worklist.received'),
                  dataIndex: 'receivedAt',
                  render: (value: string) => formatDateTime(value, locale),
                },
                { title: t('worklist.acceptanceDue'), dataIndex: 'acceptanceDue' },
              ]}
            />
            <CursorPager
              pageIndex={pages.pageIndex}
              hasPrevious={pages.hasPrevious}
              hasNext={Boolean(petitions.data?.nextCursor)}
              loading={petitions.isFetching}
              onPrevious={pages.previous}
              onNext={() => pages.next(petitions.data?.nextCursor)}
            />
          </>
        )}
      </Card>
      <Modal
        open={naming}
        title={t('worklist.saveFilter')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !filterName.trim() }}
        onOk={saveCurrent}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <label htmlFor="worklist-filter-name">{t('worklist.filterName')}</label>
        <Input
          id="worklist-filter-name"
          value={filterName}
          onChange={(event) => setFilterName(event.target.value)}
          onPressEnter={saveCurrent}
          status={filterName.trim() ? undefined : 'warning'}
          placeholder={t('worklist.filterNameRequired')}
        />
      </Modal>
    </>
  );
}
