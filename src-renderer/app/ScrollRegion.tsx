import { Box, type BoxProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A box that scrolls on its own (a pane's text, a capped list), keyboard-scrollable: a focusable, named region, so
 * Tab reaches it and the arrow keys, PageUp/PageDown and Space scroll it even when nothing inside can take focus.
 * Use it for every scrolling area of the app instead of an unfocusable scroll container.
 */
export function ScrollRegion({ label, mah, h, children, ...rest }: { label: string; children: ReactNode; 'data-testid'?: string } & Pick<BoxProps, 'mah' | 'h'>) {
  return (
    <Box tabIndex={0} role="region" aria-label={label} mah={mah} h={h} style={{ overflow: 'auto' }} {...rest}>
      {children}
    </Box>
  );
}
