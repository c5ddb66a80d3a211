import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

export const UNIT_CODE_MAX = 40;
export const UNIT_NAME_MAX = 200;

export function unitCodeRules(t: TFunction): Rule[] {
  return [
    { required: true, whitespace: true, message: t('units.form.codeRequired') },
    { max: UNIT_CODE_MAX, message: t('units.form.codeTooLong', { count: UNIT_CODE_MAX }) },
    // Codes end up in Excel files and URLs: letters, digits, dots, dashes and underscores only.
    { pattern: /^[\p{L}\p{N}._-]+$/u, message: t('units.form.codeInvalid') },
  ];
}

export function unitNameRules(t: TFunction): Rule[] {
  return [
    { required: true, whitespace: true, message: t('units.form.nameRequired') },
    { max: UNIT_NAME_MAX, message: t('units.form.nameTooLong', { count: UNIT_NAME_MAX }) },
  ];
}
