import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { type ComponentRef, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/contracts/units';
import { unitChildrenQuery } from './units.api';

interface UnitTreeProps {
  root: Unit;
  asOf?: string;
  selectedId: number | null;
  onSelect: (unitId: number) => void;
  expandedIds: number[];
  onExpandedChange: (ids: number[]) => void;
  height: number;
}

/**
 * The organisation tree, one level at a time: only the children of opened nodes are ever asked
 * for, because the whole tree has hundreds of thousands of units. The tree is derived from the
 * query cache, so any change to the units refreshes the opened levels by itself.
 */
export function UnitTree({ root, asOf, selectedId, onSelect, expandedIds, onExpandedChange, height }: UnitTreeProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const treeRef = useRef<ComponentRef<typeof Tree>>(null);
  const scrolledTo = useRef<number | null>(null);

  const childQueries = useQueries({ queries: expandedIds.map((id) => unitChildrenQuery(id, asOf)) });
  const childrenById = new Map<number, Unit[]>();
  expandedIds.forEach((id, index) => {
    const data = childQueries[index]?.data;
    if (data) childrenById.set(id, data);
  });
  // Rebuilt on every render: only the opened levels are in it, a few hundred nodes at most.
  const keys = new Set<number>();
  const build = (unit: Unit): DataNode => {
    keys.add(unit.id);
    const children = childrenById.get(unit.id);
    // Viewed as of a past day, a unit dissolved later was still working then.
    const ended = unit.validTo !== null && (!asOf || unit.validTo <= asOf);
    return {
      key: unit.id,
      isLeaf: !unit.hasChildren,
      title: (
        <span className={ended ? 'tree-title tree-title-ended' : 'tree-title'}>
          {unit.name}
          {ended ? <Tag className="tree-tag">{t('units.status.ended')}</Tag> : null}
        </span>
      ),
      children: children?.map(build),
    };
  };
  const treeData = [build(root)];

  useEffect(() => {
    // Bring a unit chosen from the search into view once its level has loaded.
    if (selectedId === null || scrolledTo.current === selectedId || !keys.has(selectedId)) return;
    scrolledTo.current = selectedId;
    treeRef.current?.scrollTo({ key: selectedId, align: 'auto', offset: 48 });
  }, [keys, selectedId]);

  return (
    <div data-testid="unit-tree" className="unit-tree">
      <Tree
        ref={treeRef}
        treeData={treeData}
        height={height}
        blockNode
        showLine
        expandedKeys={expandedIds}
        selectedKeys={selectedId === null ? [] : [selectedId]}
        onExpand={(keysNow) => onExpandedChange(keysNow.map(Number))}
        onSelect={(_keys, info) => {
          scrolledTo.current = Number(info.node.key);
          onSelect(Number(info.node.key));
        }}
        loadData={async (node) => {
          await queryClient.ensureQueryData(unitChildrenQuery(Number(node.key), asOf));
        }}
        aria-label={t('units.tree')}
      />
    </div>
  );
}
