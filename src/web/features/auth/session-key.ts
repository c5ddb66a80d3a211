export const sessionQueryKey = ['session'] as const;
