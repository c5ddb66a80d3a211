import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

function pretty(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

/** Keys whose values differ between the two states, so the eye goes straight to what changed. */
function changedKeys(before: unknown, after: unknown): Set<string> {
  const changed = new Set<string>();
  if (typeof before !== 'object' || typeof after !== 'object' || !before || !after) return changed;
  const left = before as Record<string, unknown>;
  const right = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    if (JSON.stringify(left[key]) !== JSON.stringify(right[key])) changed.add(key);
  }
  return changed;
}

function JsonBlock({ value, changed }: { value: unknown; changed: Set<string> }) {
  const { t } = useTranslation();
  const text = pretty(value);
  if (text === null) return <Typography.Text type="secondary">{t('audit.nothing')}</Typography.Text>;
  return (
    <pre className="json-block" tabIndex={0}>
      {text.split('\n').map((line, index) => {
        const key = /^\s{2}"([^"]+)":/.exec(line)?.[1];
        return (
          <span key={index} className={key && changed.has(key) ? 'json-line json-changed' : 'json-line'}>
            {line}
            {'\n'}
          </span>
        );
      })}
    </pre>
  );
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const changed = changedKeys(before, after);
  return (
    <Row gutter={[16, 8]} className="audit-diff">
      <Col xs={24} md={12}>
        <Typography.Title level={4} className="diff-title">
          {t('audit.before')}
        </Typography.Title>
        <JsonBlock value={before} changed={changed} />
      </Col>
      <Col xs={24} md={12}>
        <Typography.Title level={4} className="diff-title">
          {t('audit.after')}
        </Typography.Title>
        <JsonBlock value={after} changed={changed} />
      </Col>
    </Row>
  );
}
