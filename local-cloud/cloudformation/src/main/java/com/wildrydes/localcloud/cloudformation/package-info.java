/**
 * local-cloud's CloudFormation engine: {@link com.wildrydes.localcloud.cloudformation.CloudFormation}
 * deploys a stage's SAM templates, unchanged, as stacks.
 *
 * <p>A deploy reads the template ({@code template}), resolves its parameters ({@code parameters}),
 * expands SAM resources into the CloudFormation resources SAM would generate ({@code sam}), checks
 * types, properties and references, orders resources by their references ({@code engine}), then
 * resolves each resource's intrinsic functions ({@code intrinsics}) and hands it to the
 * provisioner of its type ({@code resources}, {@code custom}).
 */
package com.wildrydes.localcloud.cloudformation;
