import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Role } from '@second-look/domain';
import { MembersQuery, type User } from '@second-look/contracts/graphql';

/** Staff of the organization, advocates first: the people a case can be led by (not deactivated ones). */
export function useStaff(enabled = true): { staff: User[]; fetching: boolean } {
  const [result] = useQuery({ query: MembersQuery, variables: {}, pause: !enabled });
  const staff = useMemo(() => {
    const rank = (r: Role) => (r === Role.ADVOCATE ? 0 : r === Role.COORDINATOR ? 1 : 2);
    return [...(result.data?.members ?? [])]
      .filter((m) => !m.deactivatedAt && (m.role === Role.ADVOCATE || m.role === Role.COORDINATOR || m.role === Role.ADMIN))
      .sort((a, b) => rank(a.role) - rank(b.role) || a.displayName.localeCompare(b.displayName));
  }, [result.data]);
  return { staff, fetching: result.fetching };
}
