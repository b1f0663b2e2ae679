/**
 * SQS for the CloudFormation engine: provisioners for {@code AWS::SQS::Queue} and
 * {@code AWS::SQS::QueuePolicy}, registered with
 * {@link com.wildrydes.localcloud.cloudformation.CloudFormationContext.Builder#provisioner}.
 */
package com.wildrydes.localcloud.sqs.cloudformation;
