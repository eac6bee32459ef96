import { useEffect, useRef } from 'react';
import { ActionIcon, Group, Loader, Text, TextInput } from '@mantine/core';
import { ChevronDownIcon, ChevronUpIcon, CloseIcon } from '../shared/icons';
import type { FindState } from './useFind';

interface Props {
  find: FindState;
  /** Bumped each time find is (re)opened, so Ctrl/Cmd+F on an open bar selects the query again. */
  focusKey: number;
  onClose(): void;
}

export function countLabel(find: Pick<FindState, 'query' | 'hits' | 'index' | 'searching'>): string {
  if (!find.query.trim()) return '';
  if (find.hits.length === 0) return find.searching ? 'Searching…' : 'No matches';
  return `${find.index + 1} of ${find.hits.length}${find.searching ? '+' : ''}`;
}

/** Find in document: Enter for the next hit, Shift+Enter for the previous, Esc to close. */
export function FindBar({ find, focusKey, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusKey]);

  const label = countLabel(find);
  return (
    <Group gap={6} wrap="nowrap">
      <TextInput
        ref={input}
        aria-label="Find in document"
        placeholder="Find in document"
        size="xs"
        style={{ flex: 1, maxWidth: 320 }}
        value={find.query}
        onChange={(e) => find.setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (e.shiftKey) find.previous();
            else find.next();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <Text size="xs" c={label === 'No matches' ? 'red.7' : 'dimmed'} miw={70} data-testid="find-count" role="status" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Text>
      {find.searching && <Loader size={12} aria-hidden="true" />}
      <ActionIcon variant="subtle" color="gray" aria-label="Previous match" onClick={find.previous} disabled={find.hits.length === 0}>
        <ChevronUpIcon />
      </ActionIcon>
      <ActionIcon variant="subtle" color="gray" aria-label="Next match" onClick={find.next} disabled={find.hits.length === 0}>
        <ChevronDownIcon />
      </ActionIcon>
      <ActionIcon variant="subtle" color="gray" aria-label="Close find" onClick={onClose}>
        <CloseIcon />
      </ActionIcon>
    </Group>
  );
}
