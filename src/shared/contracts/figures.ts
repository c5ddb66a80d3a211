import { z } from 'zod';
import { UnitKindSchema } from './domain';
import { UnitRefSchema } from './units';

/*
 * Figures read from the live counters: the home page's figures of a subtree (GET /api/figures), and
 * the shape every yearly dashboard shares (programme, registrations, commendations, ...).
 */

/** A child unit beside its figures, with the kind it had on the day read. */
export const FiguresChildUnitSchema = UnitRefSchema.extend({ kind: UnitKindSchema });
export type FiguresChildUnit = z.infer<typeof FiguresChildUnitSchema>;

/**
 * The answer of a yearly dashboard: the figures of a subtree and of each of its open child units as
 * of `asOf` (the year's last day, or today while the year runs), and what each figure means.
 */
export const subtreeFiguresAnswerSchema = <Shape extends z.ZodRawShape>(figures: z.ZodObject<Shape>) =>
  z.object({
    unit: UnitRefSchema,
    year: z.number(),
    asOf: z.string(),
    figures,
    /** What each figure means, shown beside it. */
    definitions: z.record(figures.keyof(), z.string()),
    children: z.array(z.object({ unit: FiguresChildUnitSchema, figures })),
  });

export const FIGURE_NAMES = ['members', 'partyMembers', 'units', 'unitsByKind'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

/** People and units counted in a subtree on a day. */
export const FigureSetSchema = z.object({ members: z.number(), partyMembers: z.number(), units: z.number() });
export type FigureSet = z.infer<typeof FigureSetSchema>;

/** The home page's figures of a subtree and of each child unit on a day (GET /api/figures). */
export const FiguresAnswerSchema = z.object({
  unit: UnitRefSchema,
  asOf: z.string(),
  /** The subtree's figures, with its open units counted by kind (every kind, 0 included). */
  figures: FigureSetSchema.extend({ unitsByKind: z.record(UnitKindSchema, z.number()) }),
  definitions: z.record(z.enum(FIGURE_NAMES), z.string()),
  children: z.array(z.object({ unit: FiguresChildUnitSchema, figures: FigureSetSchema })),
});
export type FiguresAnswer = z.infer<typeof FiguresAnswerSchema>;
