import { units } from './units';
import { bigint, bigserial, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { PersonCategory, Position, Sex } from '../../../shared/contracts/domain';

export const persons = pgTable(
  'persons',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fullName: text('full_name').notNull(),
    searchText: text('search_text').notNull(),
    /** Given name first, so that ORDER BY sorts Vietnamese names as people expect. */
    sortKey: text('sort_key').notNull(),
    sex: text('sex').$type<Sex>().notNull(),
    birthDate: date('birth_date'),
    category: text('category').$type<PersonCategory>().notNull(),
    cardNumber: text('card_number'),
    idNumber: text('id_number'),
    admissionDate: date('admission_date'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('persons_card_number_key').on(table.cardNumber),
    uniqueIndex('persons_id_number_key').on(table.idNumber),
    index('persons_sort_idx').on(table.sortKey),
  ],
);

/** A person's place in a unit over time; the primary membership is the one counted in figures. */
export const memberships = pgTable(
  'memberships',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    position: text('position').$type<Position>().notNull(),
    isHead: boolean('is_head').notNull().default(false),
    isPrimary: boolean('is_primary').notNull().default(true),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
  },
  (table) => [
    index('memberships_person_idx').on(table.personId, table.fromDate),
    index('memberships_unit_idx').on(table.unitId, table.toDate),
  ],
);

/**
 * A change of a person's category (a cadre admitted to the Party, a member who left it), on the day
 * it was made. The figures count the new category from that day; with these rows the lists behind
 * an earlier day's figures show each person in the category they had then (the first change after
 * that day says what it was, and a person with none has had today's category all along).
 */
export const personCategoryChanges = pgTable(
  'person_category_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    changedOn: date('changed_on').notNull(),
    fromCategory: text('from_category').$type<PersonCategory>().notNull(),
    toCategory: text('to_category').$type<PersonCategory>().notNull(),
  },
  (table) => [index('person_category_changes_person_idx').on(table.personId, table.changedOn)],
);
