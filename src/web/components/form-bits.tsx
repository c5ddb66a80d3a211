import { Alert, DatePicker, Form } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { describeError, readDetailMessages } from '../lib/errors';
import { DATE_FORMAT } from '../lib/format';

/**
 * The date a change takes effect. Left empty it means today; the tree keeps the history, so a
 * change can also be dated in the past (e.g. a decision signed last month).
 */
export function EffectiveDateField({ name = 'effectiveDate', label }: { name?: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label ?? t('common.effectiveDate')} extra={t('common.effectiveDateHelp')}>
      <DatePicker
        format={DATE_FORMAT}
        placeholder={t('common.datePlaceholder')}
        style={{ width: '100%' }}
        disabledDate={(date) => date.isAfter(dayjs().add(1, 'year'))}
      />
    </Form.Item>
  );
}

/** The server's refusal, shown in the dialog itself so that nothing typed is lost. */
export function MutationErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const details = readDetailMessages(error);
  return (
    <Alert
      type="error"
      showIcon
      title={describeError(error, t)}
      description={
        details.length ? (
          <ul className="error-details">
            {details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        ) : undefined
      }
      className="block-gap-bottom"
      role="alert"
    />
  );
}
