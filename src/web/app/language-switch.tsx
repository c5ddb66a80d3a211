import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage } from '../i18n';

export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Segmented
      className={className}
      aria-label={t('header.language')}
      size="small"
      value={i18n.language}
      options={[
        { label: 'Tiếng Việt', value: 'vi' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(value) => {
        if (isLanguage(value)) void changeLanguage(value);
      }}
    />
  );
}
