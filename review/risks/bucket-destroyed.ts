import { code } from '../format';
import { field, gone, goneWords, resourcesOf, type RiskRule } from './rule';

export const bucketDestroyed: RiskRule = {
  id: 'bucket-destroyed',
  title: 'Receiver bucket destroyed or replaced',
  why: "Every segment file in it is deleted, and Campaign's external accounts and Audience Manager's deliveries point at a bucket that is gone; a replacement starts empty.",
  check: (env) =>
    resourcesOf(env, 'aws_s3_bucket')
      .filter(gone)
      .map((c) => {
        const name = field(c.before, 'bucket');
        return { address: c.address, what: `bucket ${typeof name === 'string' ? code(name) : ''} ${goneWords(c)}` };
      }),
};
