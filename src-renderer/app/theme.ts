import { createTheme, Drawer, Loader, Menu, Modal, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** Some shades of a Mantine palette replaced, the rest kept. */
function withShades(name: keyof typeof DEFAULT_THEME.colors, replaced: Record<number, string>): MantineColorsTuple {
  const shades = [...DEFAULT_THEME.colors[name]!];
  for (const [index, value] of Object.entries(replaced)) shades[Number(index)] = value;
  return shades as unknown as MantineColorsTuple;
}

/**
 * The app's one place for colour and for the accessible defaults of shared components; pages never patch these.
 *
 * Mantine's defaults with darker shades where text and badges fall short of WCAG 2.2 AA contrast (4.5:1):
 * dimmed text (gray 6), and the filled/light teal, orange, yellow, green and cyan used for actions and status. A
 * filled button at shade 9 turns to shade 8 on hover, and pages write text in shade 8 (`c="orange.8"`), so shades 8
 * and 9 of those colours pass on white and on gray 0.
 *
 * The ✕ of every modal and drawer (including @mantine/modals confirmations) is named "Close": an icon-only button is
 * otherwise silent to screen readers, and naming it here covers every dialog, present and future. A Loader is a
 * status (its aria-label, "Loading rubrics", is only allowed on an element with a role, and is then announced).
 * A menu holds only menu items.
 */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  colors: {
    gray: withShades('gray', { 6: '#5c636a' }),
    teal: withShades('teal', { 8: '#087f5b', 9: '#067054' }),
    orange: withShades('orange', { 8: '#b5410b', 9: '#a8380b' }),
    yellow: withShades('yellow', { 8: '#8f5600', 9: '#855000' }),
    green: withShades('green', { 8: '#237a35', 9: '#1f6b2f' }),
    cyan: withShades('cyan', { 8: '#0b7285', 9: '#0a6375' }),
  },
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
    // Mantine's focus placeholder is a tabindex'd "presentation" div inside role=menu, which a menu may not hold;
    // without it the menu's focus trap starts on the first item.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
  },
});

/**
 * Passed to MantineProvider beside the theme. Placeholders darker than Mantine's gray 5 (2.1:1): a FileInput shows its
 * placeholder ("Choose a .csv file") as the field's only text, so it must be readable. Field errors ("this cannot be
 * empty") in red 9, not red 6 (3.3:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-placeholder': 'var(--mantine-color-gray-6)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
