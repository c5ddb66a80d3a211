import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditEntry, AuditQueryParams } from '../../../shared/contracts/audit';
import type { PagedAnswer } from '../../../shared/contracts/common';

export type AuditParams = AuditQueryParams;

export function useAudit(params: AuditParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: ({ signal }) => api.get<PagedAnswer<AuditEntry>>('/api/audit', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}
