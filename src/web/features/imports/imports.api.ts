import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ImportKind, ImportPreview, ImportResult } from '../../../shared/contracts/imports';

export function templatePath(kind: ImportKind): string {
  return `/api/imports/templates/${kind}`;
}

export function usePreviewImport(kind: ImportKind) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<ImportPreview>(`/api/imports/${kind}/preview`, form);
    },
  });
}

export function useApplyImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchId: string) => api.post<ImportResult>(`/api/imports/${encodeURIComponent(batchId)}/apply`),
    onSuccess: async () => {
      // An import may touch any unit or person in the subtree.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['units'] }),
        queryClient.invalidateQueries({ queryKey: ['people'] }),
        queryClient.invalidateQueries({ queryKey: ['figures'] }),
      ]);
    },
  });
}
