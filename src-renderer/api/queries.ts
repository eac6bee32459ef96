import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, Method, Output } from '../../src-shared/contracts';
import { api } from './transport';

/** React Query over the typed API: the key is the method and its input, so equal requests share one cache entry. */
export function useApiQuery<M extends Method>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Output<M>, Error>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<M>, Error>({
    queryKey: [method, input],
    queryFn: () => api.call(method, input),
    ...options,
  });
}
