import { Alert, Button, Container } from '@mantine/core';
import { useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError() as Error | undefined;
  return (
    <Container size="sm" py="xl">
      <Alert color="red" title="Something went wrong">
        {error?.message ?? 'Unknown error'}
      </Alert>
      <Button mt="md" component="a" href="#/">
        Back to the queue
      </Button>
    </Container>
  );
}
