import { Anchor, Box, Container, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from './language-switch';

/** Sign-in, sign-up and invitation pages: one calm card, centered, full width on phones, with the language switch. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="gray.0" py={{ base: 'md', sm: 48 }}>
      <Container size={480} px={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <Box component="header">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Anchor component={Link} to="/" fw={700} size="xl" c="blue.9" underline="never">
                {t('app.name')}
              </Anchor>
              <LanguageSwitch />
            </Group>
            <Text c="dimmed" size="sm">
              {t('app.tagline')}
            </Text>
          </Box>
          <Paper component="main" id="main" withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="lg">
            {children}
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
