import { QuestionCircleOutlined } from '@ant-design/icons';
import { Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LAGGING_REASONS } from '../../../shared/contracts/inspections';
import type { LaggingAnswer } from './lagging.api';
import { useThresholdText } from './lagging-labels';

/**
 * What each reason measures, as the server defines it, with the threshold in force and whose it
 * is: folded away by default, so the list comes first on a phone.
 */
export function LaggingDefinitions({ answer }: { answer: LaggingAnswer }) {
  const { t } = useTranslation();
  const thresholdText = useThresholdText();
  return (
    <Collapse
      className="block-gap-bottom"
      size="small"
      data-testid="lagging-definitions"
      items={[
        {
          key: 'definitions',
          label: (
            <span>
              <QuestionCircleOutlined aria-hidden /> {t('lagging.definitions.title')}
            </span>
          ),
          children: (
            <>
              <Typography.Paragraph type="secondary">
                {answer.thresholdsFrom ? t('lagging.thresholdsFrom', { unit: answer.thresholdsFrom.name }) : t('lagging.thresholdsDefault')}
              </Typography.Paragraph>
              <dl>
                {LAGGING_REASONS.map((code) => (
                  <div key={code} data-testid={`lagging-definition-${code}`}>
                    <dt>
                      <Typography.Text strong>{t(`lagging.reasons.${code}`)}</Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        ({t('lagging.definitions.threshold', { value: thresholdText(code, answer.thresholds) })})
                      </Typography.Text>
                    </dt>
                    <dd style={{ marginInlineStart: 0 }}>
                      <Typography.Paragraph>{answer.definitions[code]}</Typography.Paragraph>
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          ),
        },
      ]}
    />
  );
}
