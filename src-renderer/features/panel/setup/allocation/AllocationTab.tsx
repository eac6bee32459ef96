import { Stack } from '@mantine/core';
import { AllocateCard } from './AllocateCard';
import { AssignmentsTable } from './AssignmentsTable';

export function AllocationTab() {
  return (
    <Stack gap="md">
      <AllocateCard />
      <AssignmentsTable />
    </Stack>
  );
}
