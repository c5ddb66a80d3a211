import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL ltree: the materialised path of a unit, made of unit ids ("1.25.300"). */
export const ltree = customType<{ data: string }>({
  dataType: () => 'ltree',
});

/** PostgreSQL bytea, read and written as a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});
