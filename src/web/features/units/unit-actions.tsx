import {
  BranchesOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, type MenuProps, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../../shared/contracts/units';
import { useCurrentSession } from '../../app/session';
import { useIsPhone } from '../../lib/use-is-phone';
import { UnitCloseModal } from './unit-close-modal';
import { UnitCreateModal } from './unit-create-modal';
import { UnitMergeModal } from './unit-merge-modal';
import { UnitMoveModal } from './unit-move-modal';
import { UnitRenameModal } from './unit-rename-modal';
import { UnitSplitModal } from './unit-split-modal';

type Dialog = 'create' | 'rename' | 'move' | 'close' | 'merge' | 'split';

interface UnitActionsProps {
  unit: UnitDetail;
  /** Shows a unit after a change: the new child, the moved unit, the unit a merge created. */
  onReveal: (unitId: number) => void;
}

export function UnitActions({ unit, onReveal }: UnitActionsProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const { grants } = useCurrentSession();
  // Moving, merging, splitting or ending a unit changes its parent's tree, so the user needs a
  // grant above it; the top units of the user's own grants are out of reach.
  const isRoot = unit.parentId === null || !grants.some((grant) => unit.path.startsWith(`${grant.unitPath}.`));

  const more: MenuProps['items'] = [
    { key: 'rename', label: t('units.actions.rename'), icon: <EditOutlined /> },
    { key: 'move', label: t('units.actions.move'), icon: <SwapOutlined />, disabled: isRoot },
    { key: 'merge', label: t('units.actions.merge'), icon: <MergeCellsOutlined />, disabled: isRoot },
    { key: 'split', label: t('units.actions.split'), icon: <BranchesOutlined />, disabled: isRoot },
    { type: 'divider' },
    { key: 'close', label: t('units.actions.close'), icon: <DeleteOutlined />, danger: true, disabled: isRoot },
  ];

  return (
    <>
      <Space wrap className="unit-actions">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="unit-add-child">
          {t('units.actions.addChild')}
        </Button>
        {isPhone ? (
          <Dropdown menu={{ items: more, onClick: ({ key }) => setDialog(key as Dialog) }} trigger={['click']}>
            <Button>
              {t('units.actions.more')} <DownOutlined />
            </Button>
          </Dropdown>
        ) : (
          <>
            <Button icon={<EditOutlined />} onClick={() => setDialog('rename')} data-testid="unit-rename">
              {t('units.actions.rename')}
            </Button>
            <Button icon={<SwapOutlined />} onClick={() => setDialog('move')} disabled={isRoot} data-testid="unit-move">
              {t('units.actions.move')}
            </Button>
            <Button icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')} disabled={isRoot} data-testid="unit-merge">
              {t('units.actions.merge')}
            </Button>
            <Button icon={<BranchesOutlined />} onClick={() => setDialog('split')} disabled={isRoot} data-testid="unit-split">
              {t('units.actions.split')}
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={() => setDialog('close')} disabled={isRoot} data-testid="unit-close">
              {t('units.actions.close')}
            </Button>
          </>
        )}
      </Space>

      {dialog === 'create' ? (
        <UnitCreateModal
          parent={unit}
          open
          onClose={close}
          onDone={(created) => {
            close();
            onReveal(created.id);
          }}
        />
      ) : null}
      {dialog === 'rename' ? <UnitRenameModal unit={unit} open onClose={close} onDone={close} /> : null}
      {dialog === 'move' ? (
        <UnitMoveModal
          unit={unit}
          open
          onClose={close}
          onDone={(moved) => {
            close();
            onReveal(moved.id);
          }}
        />
      ) : null}
      {dialog === 'close' ? <UnitCloseModal unit={unit} open onClose={close} onDone={close} /> : null}
      {dialog === 'merge' ? (
        <UnitMergeModal
          unit={unit}
          open
          onClose={close}
          onDone={(created) => {
            close();
            onReveal(created.id);
          }}
        />
      ) : null}
      {dialog === 'split' ? (
        <UnitSplitModal
          unit={unit}
          open
          onClose={close}
          onDone={(created) => {
            close();
            const first = created[0];
            if (first) onReveal(first.id);
          }}
        />
      ) : null}
    </>
  );
}
