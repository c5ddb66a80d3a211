import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { unitDetailQuery } from '../features/units/units.api';
import { describeError } from '../lib/errors';
import { useActingUnit } from './acting-unit';

/** Makes a unit the acting one from its id alone (a figure row knows no path); returns whether it worked. */
export function useOpenUnit(): (unitId: number) => Promise<boolean> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { setActingUnit } = useActingUnit();
  return async (unitId) => {
    try {
      const unit = await queryClient.fetchQuery(unitDetailQuery(unitId));
      setActingUnit({ id: unit.id, code: unit.code, name: unit.name, path: unit.path });
      return true;
    } catch (error) {
      void message.error(describeError(error, t));
      return false;
    }
  };
}
