import { Kbd, Modal, Table } from '@mantine/core';

export const SHORTCUTS: [string, string][] = [
  ['?', 'Show this sheet'],
  ['R', 'Go to the rubric (the first criterion not yet scored)'],
  ['V', 'Go to the evidence viewer'],
  ['1 … 4', 'Pick a level on the focused criterion'],
  ['↑ / ↓', 'Previous / next criterion'],
  ['C', 'Cite the current PDF page or video moment for the focused criterion'],
  ['[ / ]', 'Previous / next evidence item'],
  ['Ctrl/⌘ + Enter', 'Submit and open the next portfolio'],
  ['Ctrl/⌘ + F', 'Find in the PDF'],
  ['PageUp / PageDown', 'Previous / next PDF page'],
  ['Space, J / K / L, ← / →', 'Video: play/pause, back / pause / forward, seek 5 s'],
  ['I / O', 'Video: mark the start / end of a range to cite'],
  ['Esc', 'Close dialogs'],
];

export function ShortcutSheet({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="lg">
      <Table>
        <Table.Tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <Table.Tr key={keys}>
              <Table.Td w={200}>
                <Kbd>{keys}</Kbd>
              </Table.Td>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
