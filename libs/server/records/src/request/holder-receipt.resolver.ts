import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor } from '@second-look/domain';
import { CurrentActor } from '@second-look/server-platform';
import { RecordRequestModel } from '../records.model';
import { SetHolderReceivedOnInput } from './holder-receipt.model';
import { HolderReceiptService } from './holder-receipt.service';

@Resolver(() => RecordRequestModel)
export class HolderReceiptResolver {
  constructor(private readonly receipts: HolderReceiptService) {}

  @Mutation(() => RecordRequestModel, { description: 'Correct when the holder received the request; refused with STALE_VERSION when someone saved in between.' })
  setRecordRequestHolderReceivedOn(@CurrentActor() actor: Actor, @Args('input') input: SetHolderReceivedOnInput): Promise<RecordRequestModel> {
    return this.receipts.set(actor, input);
  }
}
