import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, Matches, Min } from 'class-validator';

@InputType()
export class SetHolderReceivedOnInput {
  @Field(() => ID) @IsString() requestId: string;
  @Field(() => Int, { description: 'The version the editor started from; a save over someone else\u2019s change is refused with STALE_VERSION.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
  @Field({ description: 'When the holder received the request (YYYY-MM-DD): the legal 30 days count from here.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'holderReceivedOn must be a date like 2026-11-22' })
  holderReceivedOn: string;
}
