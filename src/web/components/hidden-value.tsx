import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Marks a personal field the server withheld, so the user knows it is hidden rather than empty. */
export function HiddenValue() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('people.hiddenHint')}>
      <span className="hidden-value" tabIndex={0} aria-label={t('people.hidden')}>
        <EyeInvisibleOutlined /> {t('people.hidden')}
      </span>
    </Tooltip>
  );
}
