import { Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface PageHeaderProps {
  title: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
}

/** The one h1 of each page, which screen readers use to announce where the user landed. */
export function PageHeader({ title, subtitle, extra }: PageHeaderProps) {
  const { t } = useTranslation();
  useEffect(() => {
    // The tab title names the page too, for screen readers and for users with many tabs open.
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="page-header">
      <div className="page-header-text">
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? <div className="page-header-extra">{extra}</div> : null}
    </div>
  );
}
