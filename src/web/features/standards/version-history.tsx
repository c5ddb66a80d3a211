import { Card, Collapse, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import type { StandardVersion } from './standards.api';

const STATUS_COLORS = { draft: 'default', adopted: 'green', superseded: 'orange' } as const;

/** Old versions stay readable: what the cell committed to, and from when to when. */
export function VersionHistory({ versions }: { versions: StandardVersion[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('standards.history.title')} className="block-gap-bottom" data-testid="standards-history">
      {versions.length === 0 ? (
        <Empty description={t('standards.history.empty')} />
      ) : (
        <Collapse
          items={versions.map((version) => ({
            key: version.id,
            label: (
              <span>
                {t('standards.current.version', { number: version.versionNumber })}{' '}
                <Tag color={STATUS_COLORS[version.status]}>{t(`standards.history.status.${version.status}`)}</Tag>
                {version.adoptedOn ? t('standards.history.adoptedOn', { date: formatDate(version.adoptedOn) }) : null}
                {version.supersededOn ? ` · ${t('standards.history.supersededOn', { date: formatDate(version.supersededOn) })}` : null}
              </span>
            ),
            children: <CriteriaList version={version} />,
          }))}
        />
      )}
    </Card>
  );
}

export function CriteriaList({ version }: { version: StandardVersion }) {
  return (
    <>
      <p className="standards-title">
        <strong>{version.title}</strong>
      </p>
      <ol className="standards-criteria">
        {version.criteria.map((criterion, index) => (
          <li key={index}>{criterion.text}</li>
        ))}
      </ol>
    </>
  );
}
