import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin, Tag, TreeSelect, Typography } from 'antd';
import { type CSSProperties, type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitSearchHit } from '../../shared/contracts/units';
import { unitChildrenQuery, unitRootsQuery, unitSearchQuery } from '../features/units/units.api';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { foldVietnamese } from '../../shared/text';

/** What a form field holds: the id plus the name to show, so a chosen unit keeps its label while searching. */
export interface UnitChoice {
  value: number;
  label: string;
}

interface TreeNode {
  value: number;
  key: number;
  title: ReactNode;
  label: string;
  isLeaf: boolean;
  disabled?: boolean;
  children?: TreeNode[];
}

const SEARCH_MIN_LENGTH = 2;

interface CommonProps {
  /** Roots to start from; by default the units of the user's grants. */
  roots?: Unit[];
  asOf?: string;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  /** Units that may not be chosen, with everything below them (e.g. a unit cannot move under itself). */
  excludePaths?: string[];
  /**
   * Only the units below this one: a search looks in its subtree and never offers the unit itself
   * (give its children as `roots` for the tree).
   */
  searchUnder?: number;
  /** Called with the full unit whenever one is chosen, for callers that need more than id and name. */
  onPickUnit?: (unit: Unit) => void;
  id?: string;
  style?: CSSProperties;
  className?: string;
  'aria-label'?: string;
  'data-testid'?: string;
  /** Opened and focused as it appears: when it replaces a stand-in the user just tapped. */
  defaultOpen?: boolean;
  autoFocus?: boolean;
}

interface SingleProps extends CommonProps {
  multiple?: false;
  value?: UnitChoice | null;
  onChange?: (value: UnitChoice | null) => void;
}

interface MultipleProps extends CommonProps {
  multiple: true;
  value?: UnitChoice[];
  onChange?: (value: UnitChoice[]) => void;
}

export type UnitTreeSelectProps = SingleProps | MultipleProps;

interface RawLabeled {
  value?: string | number;
  label?: ReactNode;
}

function toChoice(raw: RawLabeled, names: Map<number, Unit>): UnitChoice | null {
  const id = Number(raw.value);
  if (!Number.isFinite(id)) return null;
  const label = names.get(id)?.name ?? (typeof raw.label === 'string' ? raw.label : String(id));
  return { value: id, label };
}

function isExcluded(unit: Unit, excludePaths: string[] | undefined): boolean {
  if (!excludePaths?.length) return false;
  return excludePaths.some((path) => unit.path === path || unit.path.startsWith(`${path}.`));
}

/**
 * Picks a unit from a tree of hundreds of thousands: only the levels the user opens are loaded,
 * and typing two letters or more asks the server, which ignores diacritics.
 */
export function UnitTreeSelect(props: UnitTreeSelectProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { asOf, excludePaths, onPickUnit, searchUnder } = props;
  const [searchText, setSearchText] = useState('');
  // Children loaded for one date are wrong for another, so the loaded levels are tied to the date.
  const [loaded, setLoaded] = useState<{ asOf?: string; children: ReadonlyMap<number, Unit[]> }>({
    asOf,
    children: new Map(),
  });
  const childrenById = useMemo(() => (loaded.asOf === asOf ? loaded.children : new Map<number, Unit[]>()), [loaded, asOf]);
  const unitsById = useRef(new Map<number, Unit>());

  const query = useDebouncedValue(searchText.trim(), 300);
  const searching = query.length >= SEARCH_MIN_LENGTH;
  const rootsQuery = useQuery({ ...unitRootsQuery(), enabled: !props.roots });
  const roots = props.roots ?? rootsQuery.data;
  const search = useQuery({ ...unitSearchQuery({ q: query, under: searchUnder, pageSize: 30 }), enabled: searching });

  const remember = useCallback((units: Unit[]) => {
    for (const unit of units) unitsById.current.set(unit.id, unit);
  }, []);

  const treeData = useMemo<TreeNode[]>(() => {
    if (searching) {
      const hits: UnitSearchHit[] = (search.data?.items ?? []).filter((hit) => hit.id !== searchUnder);
      remember(hits);
      return hits.map((hit) => ({
        value: hit.id,
        key: hit.id,
        label: hit.name,
        isLeaf: true,
        disabled: isExcluded(hit, excludePaths),
        title: (
          <span className="unit-option">
            <span>{hit.name}</span>
            <Typography.Text type="secondary" className="unit-option-path">
              {hit.breadcrumbs}
            </Typography.Text>
          </span>
        ),
      }));
    }
    const build = (unit: Unit): TreeNode => {
      const children = childrenById.get(unit.id);
      return {
        value: unit.id,
        key: unit.id,
        label: unit.name,
        title: unit.validTo ? (
          <span>
            {unit.name} <Tag>{t('units.status.ended')}</Tag>
          </span>
        ) : (
          unit.name
        ),
        isLeaf: !unit.hasChildren,
        disabled: isExcluded(unit, excludePaths),
        children: children?.map(build),
      };
    };
    remember(roots ?? []);
    return (roots ?? []).map(build);
  }, [searching, search.data, searchUnder, roots, childrenById, excludePaths, remember, t]);

  const loadData = useCallback(
    async (node: { value?: string | number }) => {
      const id = Number(node.value);
      if (!Number.isFinite(id) || childrenById.has(id)) return;
      const children = await queryClient.fetchQuery(unitChildrenQuery(id, asOf));
      remember(children);
      setLoaded((previous) => ({
        asOf,
        children: new Map(previous.asOf === asOf ? previous.children : []).set(id, children),
      }));
    },
    [asOf, childrenById, queryClient, remember],
  );

  const notFound = searching ? (
    search.isFetching ? (
      <Spin size="small" />
    ) : (
      t('unitPicker.noResults')
    )
  ) : rootsQuery.isLoading ? (
    <Spin size="small" />
  ) : (
    t('unitPicker.typeToSearch')
  );

  const common = {
    id: props.id,
    style: { width: '100%', ...props.style },
    className: props.className,
    'aria-label': props['aria-label'],
    'data-testid': props['data-testid'],
    defaultOpen: props.defaultOpen,
    autoFocus: props.autoFocus,
    treeData,
    loadData,
    treeLoadedKeys: [...childrenById.keys()],
    labelInValue: true,
    treeNodeLabelProp: 'label',
    placeholder: props.placeholder ?? t('unitPicker.placeholder'),
    disabled: props.disabled,
    allowClear: props.allowClear,
    showSearch: {
      searchValue: searchText,
      onSearch: setSearchText,
      autoClearSearchValue: true,
      // Server hits are already filtered; before that, the loaded levels are filtered here, without diacritics.
      filterTreeNode: (input: string, node: object) =>
        searching || ('label' in node && foldVietnamese(String(node.label)).includes(foldVietnamese(input))),
    },
    notFoundContent: notFound,
    popupMatchSelectWidth: false as const,
    styles: { popup: { root: { minWidth: 320, maxWidth: 'min(560px, 95vw)' } } },
    listHeight: 360,
    treeExpandAction: false as const,
  };

  const pick = (choice: UnitChoice | null) => {
    if (!choice) return;
    const unit = unitsById.current.get(choice.value);
    if (unit) onPickUnit?.(unit);
  };

  if (props.multiple) {
    const { value, onChange } = props;
    return (
      <TreeSelect<RawLabeled[]>
        {...common}
        multiple
        value={value?.map((choice) => ({ value: choice.value, label: choice.label }))}
        onChange={(raw) => {
          const choices = (raw ?? [])
            .map((item) => toChoice(item, unitsById.current))
            .filter((choice): choice is UnitChoice => choice !== null);
          setSearchText('');
          onChange?.(choices);
          pick(choices.at(-1) ?? null);
        }}
      />
    );
  }

  const { value, onChange } = props;
  return (
    <TreeSelect<RawLabeled | undefined>
      {...common}
      // An empty labelled value must be undefined: antd warns about null.
      value={value ? { value: value.value, label: value.label } : undefined}
      onChange={(raw) => {
        const choice = raw ? toChoice(raw, unitsById.current) : null;
        setSearchText('');
        onChange?.(choice);
        pick(choice);
      }}
    />
  );
}
