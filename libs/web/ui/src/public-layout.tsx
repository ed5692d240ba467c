import { Anchor, Box, Container, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** Sign-in, sign-up and invitation pages: one calm card, centred, full width on phones. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="gray.0" py={{ base: 'md', sm: 48 }}>
      <Container size={480} px={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <Box component="header">
            <Anchor component={Link} to="/" fw={700} size="xl" c="blue.9" underline="never">
              {t('app.name')}
            </Anchor>
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
