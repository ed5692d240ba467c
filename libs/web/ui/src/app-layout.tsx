import { Anchor, AppShell, Avatar, Box, Burger, Button, Group, Menu, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { Language } from '@second-look/domain';
import { currentLanguage } from '@second-look/web-i18n';
import { otherLanguage } from './language-switch';
import { Dialog } from './dialog';

export interface ShellUser {
  displayName: string;
  email: string;
  organizationName: string;
}

export interface NavItem {
  to: string;
  label: string;
  /** Highlight only on an exact match (e.g. "Cases" should not light up on "/cases/new"). */
  exact?: boolean;
}

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('');

/**
 * The signed-in frame: a header with the user menu, a navbar that becomes a burger drawer
 * on phones, and the main landmark. Knows nothing about auth; the app passes callbacks in.
 */
export function AppLayout(props: {
  user: ShellUser;
  nav: NavItem[];
  onSignOut: () => void;
  onSignOutEverywhere: () => void;
  /** Extra controls in the header before the user menu (the app passes the notification bell). */
  headerActions?: ReactNode;
  /** Pages reached from the user menu (e.g. notification settings), above signing out. */
  menuLinks?: { to: string; label: string }[];
  /** Switches the screen (and the person's stored language) to another language. */
  onChooseLanguage?: (language: Language) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [confirming, { open: openConfirm, close: closeConfirm }] = useDisclosure(false);
  const location = useLocation();
  useEffect(() => close(), [location.pathname, close]);

  const isActive = (item: NavItem) => (item.exact ? location.pathname === item.to : location.pathname === item.to || location.pathname.startsWith(`${item.to}/`));
  // The most specific matching item wins, so "/cases/new" highlights "New case" only.
  const active = props.nav.filter(isActive).sort((a, b) => b.to.length - a.to.length)[0];
  const nextLanguage = otherLanguage(currentLanguage());

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'sm', sm: 'lg' }}>
      <a href="#main" className="sl-skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('app.closeNavigation') : t('app.openNavigation')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Anchor component={Link} to="/" fw={700} size="lg" c="blue.9" underline="never">
              {t('app.name')}
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {props.headerActions}
            <Menu position="bottom-end" width={260} withinPortal floatingStrategy="fixed" withInitialFocusPlaceholder={false}>
              <Menu.Target>
                {/* Named by its own (hidden) words, not an aria-label: a label would have to hold the
                    initials shown, since what a button shows must be part of its spoken name. */}
                <UnstyledButton className="sl-user-button">
                  <span className="sl-visually-hidden">{t('userMenu.label', { name: props.user.displayName })}</span>
                  <Group gap="xs" wrap="nowrap" aria-hidden>
                    <Avatar color="blue" radius="xl" size="md">
                      {initials(props.user.displayName)}
                    </Avatar>
                    <Text size="sm" fw={500} visibleFrom="sm">
                      {props.user.displayName}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                {props.menuLinks?.map((l) => (
                  <Menu.Item key={l.to} component={Link} to={l.to}>
                    {l.label}
                  </Menu.Item>
                ))}
                {props.onChooseLanguage ? (
                  <Menu.Item lang={nextLanguage} onClick={() => props.onChooseLanguage?.(nextLanguage)}>
                    {t(`language.name.${nextLanguage}`)}
                  </Menu.Item>
                ) : null}
                {props.menuLinks?.length || props.onChooseLanguage ? <Menu.Divider /> : null}
                <Menu.Item onClick={props.onSignOut}>{t('userMenu.signOut')}</Menu.Item>
                <Menu.Item onClick={openConfirm}>{t('userMenu.signOutEverywhere')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('app.mainNavigation')}>
        <Box component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {props.nav.map((item) => (
            <li key={item.to}>
              <NavLink
                component={Link}
                to={item.to}
                label={item.label}
                active={item === active}
                aria-current={item === active ? 'page' : undefined}
                variant="light"
                styles={{ label: { fontSize: 'var(--mantine-font-size-md)' } }}
                py="sm"
              />
            </li>
          ))}
        </Box>
        {/* Who is signed in, kept out of the menu (role="menu" may hold only menu items). */}
        <Box mt="auto" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Text size="sm" fw={600}>
            {props.user.displayName}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('userMenu.signedInAs', { email: props.user.email })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('userMenu.organization', { name: props.user.organizationName })}
          </Text>
        </Box>
      </AppShell.Navbar>
      <Dialog opened={confirming} onClose={closeConfirm} title={t('userMenu.signOutEverywhere')} centered>
        <Stack gap="md">
          <Text>{t('userMenu.signOutEverywhereConfirm')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={closeConfirm}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              onClick={() => {
                closeConfirm();
                props.onSignOutEverywhere();
              }}
            >
              {t('userMenu.signOutEverywhereAction')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
      <AppShell.Main id="main" tabIndex={-1}>
        <Box maw={1100}>{props.children}</Box>
      </AppShell.Main>
    </AppShell>
  );
}
