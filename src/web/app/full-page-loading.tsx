import { useTranslation } from 'react-i18next';

/** A CSS spinner: it shows before the component library has loaded (sign-in, first paint). */
export function FullPageLoading() {
  const { t } = useTranslation();
  return (
    <div className="full-page-center" role="status">
      <span className="plain-spinner" aria-hidden />
      <span className="plain-spinner-text">{t('common.loading')}</span>
    </div>
  );
}
