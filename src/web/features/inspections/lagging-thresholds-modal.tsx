import { Alert, App, Button, Col, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { type LaggingThresholds, type LaggingThresholdsAnswer, useLaggingThresholds, useSaveThresholds } from './lagging.api';

type ShareKey = 'minRegistrationRate' | 'minStandardsRate' | 'minSignsRate' | 'minStudyRate' | 'minReportingRate' | 'maxDuplicateShare';
type CountKey = 'maxOverdueFeedback' | 'maxOverdueRemedies';

/** Shares are kept 0..1 and typed as percentages; counts are whole numbers. */
const MIN_SHARES: ShareKey[] = ['minRegistrationRate', 'minStandardsRate', 'minSignsRate', 'minStudyRate', 'minReportingRate'];
const LIMITS: Array<ShareKey | CountKey> = ['maxDuplicateShare', 'maxOverdueFeedback', 'maxOverdueRemedies'];
const isShare = (key: keyof LaggingThresholds): key is ShareKey => key !== 'maxOverdueFeedback' && key !== 'maxOverdueRemedies';

/** 0.8 → 80 (no 80.00000000000001), and back. */
const toPercent = (share: number) => Math.round(share * 1000) / 10;
const toShare = (percent: number) => Math.round(percent * 10) / 1000;

function toForm(thresholds: LaggingThresholds): LaggingThresholds {
  const values = { ...thresholds };
  for (const key of Object.keys(values) as Array<keyof LaggingThresholds>) if (isShare(key)) values[key] = toPercent(values[key]);
  return values;
}

function fromForm(values: LaggingThresholds): LaggingThresholds {
  const thresholds = { ...values };
  for (const key of Object.keys(thresholds) as Array<keyof LaggingThresholds>) if (isShare(key)) thresholds[key] = toShare(thresholds[key]);
  return thresholds;
}

/**
 * The thresholds a level sets for the units it assesses: whose apply now (its own, a level above's
 * or the defaults), and saving makes them this level's own.
 */
export function LaggingThresholdsModal({ unitId, onClose }: { unitId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useLaggingThresholds(unitId);
  const mutation = useSaveThresholds();
  return (
    <FormModal
      open
      title={t('lagging.thresholds.title', { unit: query.data?.unit.name ?? '' })}
      formId="lagging-thresholds-form"
      okText={t('lagging.thresholds.submit')}
      pending={mutation.isPending}
      error={mutation.error}
      onCancel={onClose}
    >
      {query.isError ? <QueryError compact error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <Skeleton active /> : null}
      {query.data ? <ThresholdsForm answer={query.data} save={mutation.mutate} onClose={onClose} /> : null}
    </FormModal>
  );
}

function ThresholdsForm({
  answer,
  save,
  onClose,
}: {
  answer: LaggingThresholdsAnswer;
  save: ReturnType<typeof useSaveThresholds>['mutate'];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LaggingThresholds>();
  const decimalSeparator = i18n.language === 'en' ? '.' : ',';
  const unit = answer.unit.name;
  const applies = !answer.thresholdsFrom
    ? t('lagging.thresholds.appliesDefault')
    : answer.thresholdsFrom.id === answer.unit.id
      ? t('lagging.thresholds.appliesOwn', { unit })
      : t('lagging.thresholds.appliesFrom', { unit: answer.thresholdsFrom.name });

  const field = (key: ShareKey | CountKey) => (
    <Col key={key} xs={24} sm={12}>
      <Form.Item
        name={key}
        label={t(`lagging.thresholds.fields.${key}`)}
        rules={[{ required: true, message: t('lagging.thresholds.required') }]}
      >
        {isShare(key) ? (
          <InputNumber<number>
            min={0}
            max={100}
            step={1}
            precision={1}
            decimalSeparator={decimalSeparator}
            suffix="%"
            style={{ width: '100%' }}
            data-testid={`lagging-threshold-${key}`}
          />
        ) : (
          <InputNumber<number>
            min={0}
            max={10000}
            step={1}
            precision={0}
            style={{ width: '100%' }}
            data-testid={`lagging-threshold-${key}`}
          />
        )}
      </Form.Item>
    </Col>
  );

  return (
    <Form<LaggingThresholds>
      id="lagging-thresholds-form"
      form={form}
      layout="vertical"
      initialValues={toForm(answer.thresholds)}
      onFinish={(values) =>
        save(
          { unitId: answer.unit.id, thresholds: fromForm(values) },
          {
            onSuccess: () => {
              void message.success(t('lagging.thresholds.saved', { unit }));
              onClose();
            },
          },
        )
      }
    >
      <Alert
        type="info"
        showIcon
        className="block-gap-bottom"
        title={<span data-testid="lagging-thresholds-from">{applies}</span>}
        description={t('lagging.thresholds.saveSetsOwn', { unit })}
      />
      <Typography.Title level={5}>{t('lagging.thresholds.rates')}</Typography.Title>
      <Row gutter={16}>{MIN_SHARES.map(field)}</Row>
      <Typography.Title level={5}>{t('lagging.thresholds.limits')}</Typography.Title>
      <Row gutter={16}>{LIMITS.map(field)}</Row>
      <Button onClick={() => form.setFieldsValue(toForm(answer.defaults))} data-testid="lagging-thresholds-defaults">
        {t('lagging.thresholds.fillDefaults')}
      </Button>
    </Form>
  );
}
