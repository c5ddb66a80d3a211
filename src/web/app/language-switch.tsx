import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../i18n';

const CHOICES: Array<{ value: Language; label: string }> = [
  { value: 'vi', label: 'Tiếng Việt' },
  { value: 'en', label: 'English' },
];

/** Plain buttons, so the sign-in page needs no component library. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`plain-segmented ${className ?? ''}`} role="group" aria-label={t('header.language')}>
      {CHOICES.map((choice) => (
        <button
          key={choice.value}
          type="button"
          className="plain-segmented-item"
          aria-pressed={i18n.language === choice.value}
          onClick={() => void changeLanguage(choice.value)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
