import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  ApplicableTopic,
  Attendance,
  AttendancePreview,
  AttendanceStatus,
  CreateSessionBody,
  RosterEntry,
  SessionKind,
  SessionsQueryParams,
  StudySession,
  StudySessionsAnswer,
  StudyStatusAnswer,
  StudyStatusRow,
  UpdateSessionBody,
} from '../../../shared/contracts/study';
import type { FileSummary } from '../../../shared/contracts/files';

export type { ApplicableTopic, Attendance, AttendancePreview, AttendanceStatus, RosterEntry, SessionKind, StudySession, StudyStatusRow };

export type SessionParams = SessionsQueryParams;

/** A session's fields, with the unit when it is created and the version when it is updated. */
export type SessionInput = Omit<UpdateSessionBody, 'version'> &
  Partial<Pick<CreateSessionBody, 'unitId'>> &
  Partial<Pick<UpdateSessionBody, 'version'>>;

export function useSessions(params: SessionParams) {
  return useQuery({
    queryKey: ['study', 'sessions', params],
    queryFn: ({ signal }) => api.get<StudySessionsAnswer>('/api/study-sessions', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSession(id: number | null) {
  return useQuery({
    queryKey: ['study', 'session', id],
    queryFn: ({ signal }) => api.get<StudySession>(`/api/study-sessions/${id ?? 0}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useAttendance(id: number | null) {
  return useQuery({
    queryKey: ['study', 'attendance', id],
    queryFn: ({ signal }) => api.get<Attendance>(`/api/study-sessions/${id ?? 0}/attendance`, undefined, signal),
    enabled: id !== null,
  });
}

export function useApplicableTopics(unitId: number | undefined, year: number | undefined) {
  return useQuery({
    queryKey: ['study', 'topics', unitId, year],
    queryFn: ({ signal }) => api.get<ApplicableTopic[]>('/api/study-sessions/topics', { unitId, year }, signal),
    enabled: unitId !== undefined && year !== undefined,
  });
}

export function useStudyStatus(params: {
  unitId: number;
  year: number;
  status: 'all' | 'studied' | 'not_studied';
  q?: string;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: ['study', 'status', params],
    queryFn: ({ signal }) => api.get<StudyStatusAnswer>('/api/study-status', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every study write can change lists, attendance, the to-do list and the dashboard. */
function useInvalidateStudy() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['study'] }),
      queryClient.invalidateQueries({ queryKey: ['programme-figures'] }),
    ]);
}

export function useSaveSession() {
  const invalidate = useInvalidateStudy();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: SessionInput }) =>
      id === null ? api.post<StudySession>('/api/study-sessions', input) : api.patch<StudySession>(`/api/study-sessions/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteSession() {
  const invalidate = useInvalidateStudy();
  return useMutation({
    mutationFn: (session: { id: number; version: number }) =>
      api.delete<void>(`/api/study-sessions/${session.id}?version=${session.version}`),
    onSuccess: invalidate,
  });
}

export function useSaveAttendance(id: number) {
  const invalidate = useInvalidateStudy();
  return useMutation({
    mutationFn: (input: { version: number; rows: Array<{ personId: number; status: AttendanceStatus; reason: string | null }> }) =>
      api.post<StudySession>(`/api/study-sessions/${id}/attendance`, input),
    onSuccess: invalidate,
  });
}

export function useMakeUp() {
  const invalidate = useInvalidateStudy();
  return useMutation({
    mutationFn: ({ sessionId, personId, madeUpOn }: { sessionId: number; personId: number; madeUpOn: string | null }) =>
      api.post<StudySession>(`/api/study-sessions/${sessionId}/make-up`, { personId, madeUpOn }),
    onSuccess: invalidate,
  });
}

export function usePreviewAttendance(id: number) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<AttendancePreview>(`/api/study-sessions/${id}/attendance/preview`, form);
    },
  });
}

export function useUploadSessionFile() {
  return useMutation({
    mutationFn: ({ unitId, file }: { unitId: number; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<FileSummary>(`/api/files?unitId=${unitId}&purpose=study_session`, form);
    },
  });
}
