import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL ltree: the materialised path of a unit, made of unit ids ("1.25.300"). */
export const ltree = customType<{ data: string }>({
  dataType: () => 'ltree',
});
