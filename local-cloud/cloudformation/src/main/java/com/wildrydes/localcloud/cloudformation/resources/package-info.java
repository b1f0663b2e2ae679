/**
 * One {@link com.wildrydes.localcloud.cloudformation.resources.ResourceProvisioner} per resource type.
 * Other modules add types (SNS topics, SQS queues, subscriptions) by registering provisioners with
 * {@link com.wildrydes.localcloud.cloudformation.CloudFormationContext.Builder#provisioner}, and SAM
 * event types with {@link com.wildrydes.localcloud.cloudformation.CloudFormationContext.Builder#eventSource}.
 */
package com.wildrydes.localcloud.cloudformation.resources;
