import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaregiverAccess, Role } from '@second-look/domain';

registerEnumType(Role, { name: 'Role' });
registerEnumType(CaregiverAccess, { name: 'CaregiverAccess' });

@ObjectType('Organization')
export class OrganizationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() timeZone: string;
}

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() displayName: string;
  @Field() email: string;
  @Field(() => Role) role: Role;
  @Field(() => Date, { nullable: true, description: 'When an admin took away their access; null while they can sign in.' }) deactivatedAt: Date | null;
}

/** The signed-in caller, with their organization. */
@ObjectType('Viewer')
export class ViewerModel extends UserModel {
  @Field(() => OrganizationModel) organization: OrganizationModel;
}
