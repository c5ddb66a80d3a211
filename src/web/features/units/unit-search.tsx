import { SearchOutlined } from '@ant-design/icons';
import { Checkbox, Empty, Input, Pagination, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitSearchHit } from '../../../shared/contracts/units';
import { QueryError } from '../../components/query-error';
import { formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useUnitSearch } from './units.api';

const MIN_LENGTH = 2;
const PAGE_SIZE = 10;

interface UnitSearchProps {
  underId: number;
  onPick: (hit: UnitSearchHit) => void;
}

/** Server search, which ignores diacritics and case: "nha trang" finds "Nha Trang". */
export function UnitSearch({ underId, onPick }: UnitSearchProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [includeClosed, setIncludeClosed] = useState(false);
  const [open, setOpen] = useState(true);
  const q = useDebouncedValue(text.trim(), 300);
  const active = q.length >= MIN_LENGTH && open;
  const search = useUnitSearch({ q, under: underId, includeClosed, page, pageSize: PAGE_SIZE }, active);

  const results = search.data;

  return (
    <div className="unit-search">
      {/* A plain input (not Input.Search) so that the test id sits on the <input> itself. */}
      <Input
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setPage(1);
          setOpen(true);
        }}
        onPressEnter={() => setOpen(true)}
        onFocus={() => setOpen(true)}
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t('units.searchPlaceholder')}
        aria-label={t('units.searchLabel')}
        allowClear
        enterKeyHint="search"
        data-testid="unit-search"
      />
      <div className="unit-search-options">
        <Checkbox checked={includeClosed} onChange={(event) => setIncludeClosed(event.target.checked)}>
          {t('units.includeClosed')}
        </Checkbox>
        {text.trim().length > 0 && text.trim().length < MIN_LENGTH ? (
          <Typography.Text type="secondary">{t('units.searchHint', { count: MIN_LENGTH })}</Typography.Text>
        ) : null}
      </div>
      {active ? (
        <div className="unit-search-results" aria-live="polite">
          {search.isError ? (
            <QueryError error={search.error} onRetry={() => void search.refetch()} compact />
          ) : !results ? (
            <div className="center-block">
              <Spin />
            </div>
          ) : results.items.length === 0 ? (
            <Empty description={t('units.noResults', { q })} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <>
              <Typography.Text type="secondary" className="results-count">
                {t('units.resultsCount', { count: results.total, formatted: formatNumber(results.total) })}
              </Typography.Text>
              <ul className="unit-search-list" aria-busy={search.isFetching}>
                {results.items.map((hit) => (
                  <li key={hit.id}>
                    <button
                      type="button"
                      className="unit-search-result"
                      data-testid="unit-search-result"
                      onClick={() => {
                        setOpen(false);
                        onPick(hit);
                      }}
                    >
                      <span className="unit-search-name">
                        {hit.name} <Typography.Text type="secondary">({hit.code})</Typography.Text>
                        {hit.validTo ? <Tag className="tree-tag">{t('units.status.ended')}</Tag> : null}
                      </span>
                      <span className="unit-search-path">{hit.breadcrumbs}</span>
                    </button>
                  </li>
                ))}
              </ul>
              {results.total > PAGE_SIZE ? (
                <Pagination
                  size="small"
                  current={page}
                  pageSize={PAGE_SIZE}
                  total={results.total}
                  onChange={setPage}
                  showSizeChanger={false}
                  className="unit-search-pagination"
                />
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
