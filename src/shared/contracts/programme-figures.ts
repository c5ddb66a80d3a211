import { z } from 'zod';
import { IdSchema } from './common';
import { YearSchema } from './study';
import { subtreeFiguresAnswerSchema } from './figures';

export const ProgrammeFiguresQuerySchema = z.object({ unitId: IdSchema, year: YearSchema });
export type ProgrammeFiguresQuery = z.infer<typeof ProgrammeFiguresQuerySchema>;

/** A share between 0 and 1, or null without a denominator. */
const Rate = z.number().nullable();

/** The figures of one subtree for a year; each rate is a share between 0 and 1, or null without a denominator. */
export const ProgrammeFiguresSchema = z.object({
  members: z.number(),
  studied: z.number(),
  studyRate: Rate,
  studySessions: z.number(),
  cellMeetings: z.number(),
  cellMeetingsWithCampaign: z.number(),
  campaignMeetingRate: Rate,
  standardKeepingUnits: z.number(),
  standardsAdopted: z.number(),
  standardsRate: Rate,
  signsPosted: z.number(),
  signsRate: Rate,
  breakthroughs: z.number(),
  breakthroughsDone: z.number(),
  breakthroughRate: Rate,
  reportsExpected: z.number(),
  reportsSubmitted: z.number(),
  reportsOnTime: z.number(),
  reportingRate: Rate,
  onTimeRate: Rate,
});
export type ProgrammeFigures = z.infer<typeof ProgrammeFiguresSchema>;
export type ProgrammeFigureKey = keyof ProgrammeFigures;

export const ProgrammeFiguresAnswerSchema = subtreeFiguresAnswerSchema(ProgrammeFiguresSchema);
export type ProgrammeFiguresAnswer = z.infer<typeof ProgrammeFiguresAnswerSchema>;
