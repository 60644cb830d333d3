// The table of examples/specs/three-region-cmk-pitr.json written as a CDK
// TableV2 program, synthesized by tests/cdk-synth.sh into
// three-region-cmk-pitr.template.json (committed), which tests/cdk-compare.py
// compares with what libddbgt writes for the same spec (doc/cloudformation.md).
// Needs aws-cdk-lib 2.x and constructs on NODE_PATH; prints the template.
'use strict';
const cdk = require('aws-cdk-lib');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const kms = require('aws-cdk-lib/aws-kms');

const app = new cdk.App({ outdir: process.argv[2] });
const stack = new cdk.Stack(app, 'Ledger', {
  env: { account: '111122223333', region: 'us-east-1' },
  // No bootstrap parameter or rule: the template holds the table alone.
  synthesizer: new cdk.LegacyStackSynthesizer(),
});
const key = (region, id) => `arn:aws:kms:${region}:111122223333:key/${id}`;
new dynamodb.TableV2(stack, 'Table', {
  tableName: 'ledger',
  partitionKey: { name: 'account_id', type: dynamodb.AttributeType.STRING },
  sortKey: { name: 'entry_id', type: dynamodb.AttributeType.STRING },
  billing: dynamodb.Billing.onDemand({ maxReadRequestUnits: 1000, maxWriteRequestUnits: 500 }),
  globalSecondaryIndexes: [{
    indexName: 'by_booking_time',
    partitionKey: { name: 'account_id', type: dynamodb.AttributeType.STRING },
    sortKey: { name: 'booked_at', type: dynamodb.AttributeType.NUMBER },
    projectionType: dynamodb.ProjectionType.INCLUDE,
    nonKeyAttributes: ['amount', 'currency'],
    maxReadRequestUnits: 200,
  }],
  encryption: dynamodb.TableEncryptionV2.customerManagedKey(
    kms.Key.fromKeyArn(stack, 'Key', key('us-east-1', '1111aaaa-1111-aaaa-1111-aaaa1111aaaa')),
    {
      'us-west-2': key('us-west-2', '2222bbbb-2222-bbbb-2222-bbbb2222bbbb'),
      'eu-west-1': key('eu-west-1', '3333cccc-3333-cccc-3333-cccc3333cccc'),
    }),
  timeToLiveAttribute: 'expires_at',
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  replicas: [
    { region: 'us-west-2' },
    { region: 'eu-west-1', contributorInsightsSpecification: { enabled: true } },
  ],
});
const template = app.synth().getStackByName('Ledger').template;
process.stdout.write(JSON.stringify(template, null, 2) + '\n');
