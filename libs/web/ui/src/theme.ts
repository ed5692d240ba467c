import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Calm, high-contrast defaults. Mantine's stock shades for dimmed text (gray 6), errors
 * (red 6) and filled buttons (blue 6) fall below WCAG AA on white, and the e2e suite runs
 * axe, so we shift them a few shades darker. Tap targets default to "md" for tired thumbs.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 4 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  defaultRadius: 'md',
  focusRing: 'auto',
  components: {
    // No red asterisks: optional fields say "(optional)" instead, which reads calmer and
    // keeps each label's text exactly its words (screen readers and tests match on it).
    // Long labels ("Move to “Choose the second-opinion provider”") wrap instead of being cut.
    Button: {
      defaultProps: { size: 'md' },
      styles: {
        root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 6 },
        label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 },
      },
    },
    Badge: { styles: { root: { textTransform: 'none', height: 'auto', minHeight: 'var(--badge-height)' }, label: { whiteSpace: 'normal' } } },
    TextInput: { defaultProps: { size: 'md', withAsterisk: false } },
    PasswordInput: { defaultProps: { size: 'md', withAsterisk: false } },
    Textarea: { defaultProps: { size: 'md', autosize: true, minRows: 3, withAsterisk: false } },
    // A select's options are put in the page when it opens, not kept hidden from the start:
    // Mantine keeps them mounted by default, and each kept list is positioned by floating-ui as
    // the page is drawn, one forced style recalculation per select (on the patient's case page,
    // a quarter of a second of a mid-range phone's main thread). The select names its list
    // (aria-controls) only while it is open, so nothing refers to a list that is not there.
    Combobox: { defaultProps: { keepMounted: false } },
    // What a closed Collapse holds is not drawn until it opens. Mantine keeps it mounted by default,
    // drawn hidden (React's Activity) after the rest of the screen: the board's five filters and
    // the case page's stepper of all stages on every phone load, and each request's letter. Every
    // Collapse here holds what its screen's state can draw again; none holds a form being typed.
    Collapse: { defaultProps: { keepMounted: false } },
    Select: { defaultProps: { size: 'md', withAsterisk: false } },
    MultiSelect: { defaultProps: { size: 'md', withAsterisk: false } },
    CheckboxGroup: { defaultProps: { size: 'md', withAsterisk: false } },
    RadioGroup: { defaultProps: { size: 'md', withAsterisk: false } },
    Checkbox: { defaultProps: { size: 'md' } },
    Radio: { defaultProps: { size: 'md' } },
    Title: { defaultProps: { textWrap: 'balance' } },
  },
  headings: {
    fontWeight: '650',
    sizes: { h1: { fontSize: 'clamp(1.6rem, 1.2rem + 1.5vw, 2.1rem)', lineHeight: '1.25' } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-error': t.colors.red[9],
    '--mantine-color-placeholder': t.colors.gray[6],
    '--mantine-color-anchor': t.colors.blue[8],
    // Darker than blue 9 so text stays above 4.5:1 even on hover backgrounds (down to blue 2).
    '--mantine-color-blue-light-color': '#0b4a85',
    '--mantine-color-red-light-color': '#a51d1d',
    '--mantine-color-orange-light-color': '#9c3d00',
    '--mantine-color-gray-light-color': t.colors.gray[8],
    '--mantine-color-grape-light-color': t.colors.grape[9],
    '--mantine-color-teal-light-color': t.colors.teal[9],
  },
  dark: {},
});

/**
 * Text color for a light badge that passes 4.5:1 at badge size: shade 9 does for most colors,
 * but teal and green 9 on their light backgrounds fall just short (a darker green does), and
 * yellow and orange 9 are far too light (near-black does).
 */
export const badgeText = (color: string): string => (color === 'teal' || color === 'green' ? '#066649' : color === 'yellow' || color === 'orange' ? 'dark.7' : `${color}.9`);
