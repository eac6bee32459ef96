import { Stack } from '@mantine/core';
import { ReviewerImport } from './ReviewerImport';
import { ReviewersTable } from './ReviewersTable';

export function ReviewersTab() {
  return (
    <Stack gap="md">
      <ReviewersTable />
      <ReviewerImport />
    </Stack>
  );
}
