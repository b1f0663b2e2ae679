/**
 * SNS for the CloudFormation engine: provisioners for {@code AWS::SNS::Topic},
 * {@code AWS::SNS::Subscription} and {@code AWS::SNS::TopicPolicy}, and SAM's
 * {@code Events: Type: SNS}, registered with
 * {@link com.wildrydes.localcloud.cloudformation.CloudFormationContext.Builder#provisioner} and
 * {@link com.wildrydes.localcloud.cloudformation.CloudFormationContext.Builder#eventSource}.
 */
package com.wildrydes.localcloud.sns.cloudformation;
