import { bigint, bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { units } from './units';

/**
 * An uploaded file, stored under DATA_DIR/files by its id (never by the name it came with). It is
 * uploaded first, then attached to exactly one record (owner); who may download it follows from
 * the owner's unit and `visibility`.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    /** 'unit': readable in the unit's scope; 'downward': also by every unit below (plans, topic materials). */
    visibility: text('visibility').notNull(),
    ownerType: text('owner_type'),
    ownerId: bigint('owner_id', { mode: 'number' }),
    originalName: text('original_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('stored_files_owner_idx').on(table.ownerType, table.ownerId)],
);
