import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Row, Skeleton, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { DownloadButton } from '../../components/download-button';
import { ImportWizard } from '../../components/import-wizard';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { DATE_FORMAT, toApiDate } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import { templatePath } from '../imports/imports.api';
import { UnitDetails } from './unit-details';
import { UnitSearch } from './unit-search';
import { UnitTree } from './unit-tree';
import { unitDetailQuery, useUnit } from './units.api';

export function UnitsPage() {
  const actingUnit = useRequiredActingUnit();
  // A new acting unit starts a fresh tree rather than keeping the old one's open levels.
  return <UnitsWorkspace key={actingUnit.id} actingUnit={actingUnit} />;
}

function UnitsWorkspace({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const canImport = useCan('imports.units');
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const asOfApi = toApiDate(asOf);
  const [selectedId, setSelectedId] = useState<number>(actingUnit.id);
  const [expandedIds, setExpandedIds] = useState<number[]>([actingUnit.id]);
  const [importOpen, setImportOpen] = useState(false);
  const detailsRef = useRef<HTMLDivElement>(null);
  const root = useUnit(actingUnit.id, asOfApi);

  const select = (unitId: number) => {
    setSelectedId(unitId);
    // On a phone the details are below the tree; take the user there.
    if (isPhone) window.setTimeout(() => detailsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  };

  /** Opens the tree down to a unit found elsewhere (search, breadcrumbs, after a change) and selects it. */
  const reveal = async (unitId: number) => {
    select(unitId);
    try {
      const unit = await queryClient.fetchQuery(unitDetailQuery(unitId, asOfApi));
      const ids = unit.breadcrumbs.map((crumb) => crumb.id);
      const start = ids.indexOf(actingUnit.id);
      if (start === -1) return;
      const path = ids.slice(start);
      setExpandedIds((previous) => [...new Set([...previous, ...path])]);
    } catch {
      // The details panel shows the failure; the tree simply stays as it was.
    }
  };

  const toolbar = (
    <Space wrap>
      <label className="inline-field">
        <span>{t('units.asOf')}</span>
        <DatePicker
          value={asOf}
          onChange={setAsOf}
          format={DATE_FORMAT}
          placeholder={t('common.today')}
          disabledDate={(date) => date.isAfter(dayjs(), 'day')}
          aria-label={t('units.asOf')}
          data-testid="units-as-of"
        />
      </label>
      <DownloadButton
        path="/api/exports/units"
        params={{ under: actingUnit.id, includeClosed: false }}
        fileName={t('units.exportFile')}
        icon={<FileExcelOutlined />}
        data-testid="units-export"
      >
        {t('common.exportExcel')}
      </DownloadButton>
      {canImport ? (
        <>
          <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="units-import">
            {t('common.importExcel')}
          </Button>
          <DownloadButton type="link" path={templatePath('units')} fileName={t('imports.templateFile.units')} data-testid="units-template">
            {t('common.downloadTemplate')}
          </DownloadButton>
        </>
      ) : null}
    </Space>
  );

  return (
    <>
      <PageHeader title={t('units.title')} subtitle={t('units.subtitle', { unit: actingUnit.name })} extra={toolbar} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title={<h2 className="card-title">{t('units.tree')}</h2>} className="tree-card">
            <UnitSearch underId={actingUnit.id} onPick={(hit) => void reveal(hit.id)} />
            {root.isError ? (
              <QueryError error={root.error} onRetry={() => void root.refetch()} compact />
            ) : root.data ? (
              <UnitTree
                root={root.data}
                asOf={asOfApi}
                selectedId={selectedId}
                onSelect={select}
                expandedIds={expandedIds}
                onExpandedChange={setExpandedIds}
                height={isPhone ? 360 : 560}
              />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <div ref={detailsRef} className="scroll-target">
            <UnitDetails unitId={selectedId} asOf={asOfApi} onSelect={(id) => void reveal(id)} onReveal={(id) => void reveal(id)} />
          </div>
        </Col>
      </Row>
      <ImportWizard kind="units" open={importOpen} onClose={() => setImportOpen(false)} />
    </>
  );
}
