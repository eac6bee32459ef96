import { Table, VisuallyHidden } from '@mantine/core';
import type { FieldChange } from '../../../../src-shared/domain/changes';

/** What an import would change in existing records, one field per row: old value → new value. */
export function ChangesTable({ changes, caption }: { changes: FieldChange[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="changes-table">
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Record</Table.Th>
            <Table.Th scope="col">Field</Table.Th>
            <Table.Th scope="col">Now</Table.Th>
            <Table.Th scope="col">After import</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={`${c.entity} ${c.id} ${c.field}`}>
              <Table.Td>
                {c.entity} {c.id}
              </Table.Td>
              <Table.Td>{c.field}</Table.Td>
              <Table.Td>{c.old}</Table.Td>
              <Table.Td fw={600}>{c.new}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
