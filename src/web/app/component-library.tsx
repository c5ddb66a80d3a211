import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Large type and generous controls: many users are older and read on small, cheap phones.
 * The brand red stays in the header; actions are blue so that red keeps meaning "destructive".
 */
const theme: ThemeConfig = {
  token: {
    fontSize: 16,
    fontSizeSM: 14,
    fontSizeLG: 18,
    controlHeight: 38,
    colorPrimary: '#1f5fa8',
    colorLink: '#1a56a0',
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif",
  },
  components: {
    Layout: { headerBg: '#a3161a', headerHeight: 64, headerPadding: '0 16px', siderBg: '#ffffff', bodyBg: '#f4f5f7' },
    Menu: { itemHeight: 48, iconSize: 18, itemMarginInline: 8 },
    Table: { headerBg: '#f0f3f8', cellPaddingBlock: 10, cellPaddingInline: 12 },
  },
};

/** Ant Design's theme, locale and message context, for the signed-in pages only. */
export function ComponentLibrary({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
