import { createTheme, DEFAULT_THEME, type MantineColorsTuple } from '@mantine/core';

/** One shade of a Mantine palette replaced, the rest kept. */
function withShade(name: keyof typeof DEFAULT_THEME.colors, index: number, value: string): MantineColorsTuple {
  const shades = [...DEFAULT_THEME.colors[name]!];
  shades[index] = value;
  return shades as unknown as MantineColorsTuple;
}

/**
 * Mantine's defaults with darker shades where text and badges fall short of WCAG 2.2 AA contrast (4.5:1):
 * dimmed text (gray 6), and the filled/light teal, orange, yellow and green used for actions and status.
 */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  colors: {
    gray: withShade('gray', 6, '#5c636a'),
    teal: withShade('teal', 9, '#067054'),
    orange: withShade('orange', 9, '#a8380b'),
    yellow: withShade('yellow', 9, '#855000'),
    green: withShade('green', 9, '#1f6b2f'),
  },
});
