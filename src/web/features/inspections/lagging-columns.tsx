import { Button, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import type { LaggingUnit } from './lagging.api';
import { LaggingActionTag } from './lagging-labels';

export type LaggingRowHandlers = {
  canHandle: boolean;
  canPlan: boolean;
  onRecord: (item: LaggingUnit) => void;
  onPlan: (item: LaggingUnit) => void;
  onHistory: (item: LaggingUnit) => void;
};

function UnitCell({ item }: { item: LaggingUnit }) {
  const { t } = useTranslation();
  return (
    <div className="compact-row">
      <span className="compact-row-title">{item.unit.name}</span>
      <span className="compact-row-line">
        {t(`enums.unitKind.${item.unit.kind}`)} · {t('lagging.code', { code: item.unit.code })}
      </span>
      {item.parent ? <span className="compact-row-line">{t('lagging.parent', { unit: item.parent.name })}</span> : null}
    </div>
  );
}

/** Each reason in words, opening the records behind it (the list of that page, narrowed to the unit). */
function Reasons({ item }: { item: LaggingUnit }) {
  const { t } = useTranslation();
  if (item.reasons.length === 0) return <Typography.Text type="success">{t('lagging.recovered')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {item.reasons.map((reason) => (
        <li key={reason.code} data-testid={`lagging-reason-${reason.code}`}>
          <Link to={reason.link} title={t(`lagging.reasons.${reason.code}`)}>
            {reason.text}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function LastAction({ item }: { item: LaggingUnit }) {
  const { t } = useTranslation();
  const action = item.lastAction;
  if (!action) return <Typography.Text type="secondary">{t('lagging.noAction')}</Typography.Text>;
  return (
    <div data-testid="lagging-last-action">
      <LaggingActionTag action={action.action} />
      <div>
        <Typography.Text type="secondary">
          {t('lagging.lastActionBy', { actor: action.actorName, date: formatDate(action.at) })}
        </Typography.Text>
      </div>
      <Typography.Paragraph ellipsis={{ rows: 2, tooltip: action.note }} style={{ margin: 0 }}>
        {action.note}
      </Typography.Paragraph>
    </div>
  );
}

function RowActions({ item, handlers }: { item: LaggingUnit; handlers: LaggingRowHandlers }) {
  const { t } = useTranslation();
  return (
    <Space size={6} wrap>
      {handlers.canHandle ? (
        <Button size="small" type="primary" onClick={() => handlers.onRecord(item)} data-testid="lagging-record-action">
          {t('lagging.actions.record')}
        </Button>
      ) : null}
      {handlers.canPlan ? (
        <Button
          size="small"
          onClick={() => handlers.onPlan(item)}
          title={t('lagging.actions.planNextYear')}
          data-testid="lagging-plan-next-year"
        >
          {t('lagging.actions.planNextYear')}
        </Button>
      ) : null}
      <Button size="small" type="link" onClick={() => handlers.onHistory(item)} data-testid="lagging-history-open">
        {t('lagging.actions.history')}
      </Button>
    </Space>
  );
}

/**
 * The lagging list's columns: the unit, its reasons, then its last handling of the year with the
 * buttons. On a phone one column carries them all, one block per unit, so nothing scrolls sideways.
 */
export function useLaggingColumns(handlers: LaggingRowHandlers): ColumnsType<LaggingUnit> {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  if (isPhone) {
    return [
      {
        title: t('lagging.columns.unit'),
        key: 'unit',
        render: (_v, item) => (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <UnitCell item={item} />
            <Reasons item={item} />
            <LastAction item={item} />
            <RowActions item={item} handlers={handlers} />
          </Space>
        ),
      },
    ];
  }
  return [
    { title: t('lagging.columns.unit'), key: 'unit', width: 240, render: (_v, item) => <UnitCell item={item} /> },
    { title: t('lagging.columns.reasons'), key: 'reasons', render: (_v, item) => <Reasons item={item} /> },
    {
      // The last handling of the year and what may be done next, side by side with the reasons they answer.
      title: t('lagging.columns.handling'),
      key: 'handling',
      width: 310,
      render: (_v, item) => (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <LastAction item={item} />
          <RowActions item={item} handlers={handlers} />
        </Space>
      ),
    },
  ];
}
