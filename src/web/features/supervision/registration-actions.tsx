import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import type { PublicAction } from './supervision.api';

/** The actions of a registration as the public sees them: area, content, measurable result, deadline. */
export function RegistrationActions({ actions }: { actions: PublicAction[] }) {
  const { t } = useTranslation();
  if (actions.length === 0) return <span>—</span>;
  return (
    <ol className="supervision-actions-list">
      {actions.map((action, index) => (
        <li key={index}>
          <strong>{t(`supervision.areas.${action.area}`)}:</strong> {action.content}
          {action.measurableResult ? <div>{t('supervision.measurableResult', { text: action.measurableResult })}</div> : null}
          {action.deadline ? <div>{t('supervision.deadline', { date: formatDate(action.deadline) })}</div> : null}
        </li>
      ))}
    </ol>
  );
}
