import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { api } from '../../api/transport';

const STORAGE_KEY = 'ew.reviewer';

interface ProfileState {
  me: Reviewer | null;
  loading: boolean;
  /** Switching profile is explicit: it changes who every following score and decision is recorded as. */
  switchTo(id: string | null): void;
}

const ProfileContext = createContext<ProfileState | null>(null);

function initialActor(): string | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  api.setActor(stored);
  return stored;
}

export function ProfileProvider({ children }: { children: ReactNode }) {
  const [actor, setActor] = useState<string | null>(initialActor);
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ['reviewers.me', actor], queryFn: () => api.call('reviewers.me', {}), enabled: actor !== null });
  const switchTo = useCallback(
    (id: string | null) => {
      if (id) localStorage.setItem(STORAGE_KEY, id);
      else localStorage.removeItem(STORAGE_KEY);
      api.setActor(id);
      setActor(id);
      // Everything cached was fetched as the previous reviewer, and their notifications are theirs alone.
      void queryClient.resetQueries();
      notifications.clean();
    },
    [queryClient],
  );
  const value = useMemo<ProfileState>(
    () => ({ me: actor ? (me.data ?? null) : null, loading: actor !== null && me.isLoading, switchTo }),
    [actor, me.data, me.isLoading, switchTo],
  );
  return <ProfileContext.Provider value={value}>{children}</ProfileContext.Provider>;
}

export function useProfile(): ProfileState {
  const ctx = useContext(ProfileContext);
  if (!ctx) throw new Error('useProfile outside ProfileProvider');
  return ctx;
}

/** The signed-in reviewer; only for components rendered behind the ProfileGate. */
export function useMe(): Reviewer {
  const { me } = useProfile();
  if (!me) throw new Error('no reviewer profile selected');
  return me;
}
