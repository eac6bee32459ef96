import type { ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { useProfile } from './ProfileProvider';
import { ProfilePicker } from './ProfilePicker';

/** Nothing is reviewed anonymously: until a profile is chosen, the app shows the picker. */
export function ProfileGate({ children }: { children: ReactNode }) {
  const { me, loading } = useProfile();
  if (loading)
    return (
      <Center h="100dvh">
        <Loader aria-label="Loading profile" />
      </Center>
    );
  return me ? <>{children}</> : <ProfilePicker />;
}
