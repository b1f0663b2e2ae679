/**
 * IAM as local-cloud enforces it: each function signs its AWS calls with its own access key, the
 * key leads to the function's execution role, and the role's statements (SAM policy templates,
 * inline statements, managed policies, as the CloudFormation engine resolved them) decide each call
 * before its service sees it. Refusals carry the status, error code and wording AWS sends.
 */
package com.wildrydes.localcloud.iam;
