import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Table, type TableColumnsType } from 'antd';
import { CursorPager } from './cursor-pager';
import { LoadError } from './load-error';
import type { useCursorPages } from './use-cursor-pages';

/** A page of a keyset-paginated list, as every list endpoint answers. */
export interface CursorPage<T> {
  items: T[];
  nextCursor?: string | null;
}

interface CursorTableProps<T> {
  query: UseQueryResult<CursorPage<T>>;
  pages: ReturnType<typeof useCursorPages>;
  columns: TableColumnsType<T>;
  emptyText: string;
}

/** One page of a list in a table with its pager below, or the error that kept it from loading with a retry. */
export function CursorTable<T extends { id: string }>({ query, pages, columns, emptyText }: CursorTableProps<T>) {
  if (query.isError) return <LoadError compact error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <Table<T>
        rowKey="id"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        columns={columns}
      />
      <CursorPager
        pageIndex={pages.pageIndex}
        hasPrevious={pages.hasPrevious}
        hasNext={Boolean(query.data?.nextCursor)}
        loading={query.isFetching}
        onPrevious={pages.previous}
        onNext={() => pages.next(query.data?.nextCursor)}
      />
    </>
  );
}
